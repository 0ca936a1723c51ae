import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { until } from './durability.ts'

// The real server as a child process (node --import tsx server/index.ts), so a test can kill -9 it mid-flight and
// start it again on the same sandbox file.

export interface ServerProcess {
  port: number
  /** Buyer API or control route (/sandbox/...); JSON in, the envelope's data out, with the status. */
  call<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<{ status: number; data: T }>
  /** kill -9, and wait until the process is gone. */
  crash(): Promise<void>
  stop(): Promise<void>
}

const HEADERS = {
  'content-type': 'application/json',
  'x-dashboard-client': '1',
  authorization: 'Bearer scope3_crash_test',
}

export async function startServer(opts: { port: number; dbFile: string; reset: boolean }): Promise<ServerProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts', '--api-only'], {
    env: {
      ...process.env,
      PORT: String(opts.port),
      HOST: '127.0.0.1',
      SANDBOX_DB: opts.dbFile,
      SANDBOX_CLOCK: 'manual',
      SANDBOX_RESET: opts.reset ? '1' : '0',
      // No limit on either side: the tests send bursts no browser would, and pacing would only slow them down.
      SANDBOX_RATE_LIMIT: '0',
      UPSTREAM_RATE_LIMIT: '0',
      BUYER_API_URL: '',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const base = `http://127.0.0.1:${opts.port}`
  const call: ServerProcess['call'] = async <T>(method: string, path: string, body?: unknown) => {
    const url = path.startsWith('/sandbox') ? `${base}${path}` : `${base}/api/v2/buyer${path}`
    const res = await fetch(url, {
      method,
      headers: HEADERS,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    })
    const json = (await res.json()) as { data: T }
    return { status: res.status, data: json.data }
  }
  await until(
    `the server on port ${opts.port} to answer`,
    async () => {
      if (child.exitCode !== null) throw new Error(`the server exited: ${stderr.slice(-2000)}`)
      try {
        return (await fetch(`${base}/api/health`)).ok
      } catch {
        return false
      }
    },
    30_000,
    50,
  )
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal)
    await exited
  }
  return { port: opts.port, call, crash: () => end('SIGKILL'), stop: () => end('SIGTERM') }
}

/** A free port in 6700-6799, starting from a spot that differs per call so parallel files rarely meet. */
export async function freePort(): Promise<number> {
  const start = Math.floor(Math.random() * 100)
  for (let i = 0; i < 100; i++) {
    const port = 6700 + ((start + i) % 100)
    if (await isFree(port)) return port
  }
  throw new Error('no free port in 6700-6799')
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer()
    probe.once('error', () => resolve(false))
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)))
  })
}
