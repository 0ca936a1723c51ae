import { spawn, type ChildProcess } from 'node:child_process'

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[index]
}

export function median(values: readonly number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  )
}

export interface Row {
  measure: string
  value: string
  target?: string
  verdict?: string
}

export function printTable(title: string, rows: readonly Row[]): void {
  const widths = [
    Math.max(7, ...rows.map((r) => r.measure.length)),
    Math.max(5, ...rows.map((r) => r.value.length)),
    Math.max(6, ...rows.map((r) => (r.target ?? '').length)),
  ]
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 4)).join(' | ')} |`
  console.log(`\n${title}`)
  console.log(line(['measure', 'value', 'target', '']))
  console.log(line(widths.map((w) => '-'.repeat(w)).concat('----')))
  for (const r of rows) console.log(line([r.measure, r.value, r.target ?? '', r.verdict ?? '']))
}

export function verdict(value: number, limit: number): string {
  return value <= limit ? 'ok' : 'OVER'
}

export interface RunningServer {
  url: string
  stop(): Promise<void>
}

/** The real project server in its own process, so the load generator does not share its event loop. */
export async function startServer(port: number, env: Record<string, string>): Promise<RunningServer> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', SANDBOX_CLOCK: 'manual', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 30_000
  for (;;) {
    try {
      const res = await fetch(`${url}/api/health`)
      if (res.ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('the server did not start within 30 s')
    await new Promise((r) => setTimeout(r, 200))
  }
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}
