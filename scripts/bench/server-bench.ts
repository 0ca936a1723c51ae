import { percentile, verdict, type Row } from './lib.ts'

export interface LoadResult {
  count: number
  p50: number
  p99: number
  max: number
  perSecond: number
}

/** A bounded loopback load: `count` GETs, `concurrency` at a time; stops by itself. */
export async function load(url: string, count: number, concurrency: number): Promise<LoadResult> {
  const latencies: number[] = []
  let next = 0
  const started = performance.now()
  async function worker() {
    while (next < count) {
      next++
      const t0 = performance.now()
      const res = await fetch(url, { headers: { Authorization: 'Bearer scope3_bench' } })
      await res.arrayBuffer()
      if (!res.ok) throw new Error(`${url} answered ${res.status}`)
      latencies.push(performance.now() - t0)
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  const elapsed = (performance.now() - started) / 1000
  latencies.sort((a, b) => a - b)
  return {
    count,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1],
    perSecond: count / elapsed,
  }
}

const ms = (v: number) => `${v.toFixed(1)} ms`

export async function serverBench(baseUrl: string, largeCampaignId: string): Promise<Row[]> {
  const detail = `${baseUrl}/api/v2/buyer/campaigns/${largeCampaignId}`
  await load(detail, 20, 2) // warm-up: JIT, SQLite page cache
  const bytes = (await (await fetch(detail)).arrayBuffer()).byteLength
  // One at a time: the time one request takes. Eight at a time: what a buyer waits for under load (queueing included).
  const single = await load(detail, 300, 1)
  const cached = await load(detail, 400, 8)
  const fresh = await load(`${detail}?fresh=true`, 200, 1)
  const list = await load(`${baseUrl}/api/v2/buyer/campaigns?take=50`, 200, 4)
  const filtered = await load(
    `${baseUrl}/api/v2/buyer/campaigns?take=50&mediaBuyStatus=INPUT_REQUIRED&status=ALL`,
    200,
    4,
  )
  // Each list page and filter the dashboard asks for, one at a time (what one buyer waits for).
  const pages = [
    '',
    '?mediaBuyStatus=INPUT_REQUIRED',
    '?status=ALL&mediaBuyStatus=PENDING_APPROVAL&mediaBuyStatus=FAILED',
    '?status=ALL&take=250&skip=1750',
  ]
  const pageRows: Row[] = []
  for (const query of pages) {
    const page = await load(`${baseUrl}/api/v2/buyer/campaigns${query}`, 50, 1)
    pageRows.push({
      measure: `GET /campaigns${query || ' (first page)'}, 1 at a time, p50`,
      value: ms(page.p50),
      target: '≤ 50 ms',
      verdict: verdict(page.p50, 50),
    })
  }
  return [
    { measure: 'GET /campaigns/{id} 50×40, response size', value: `${(bytes / 1024).toFixed(0)} KiB` },
    {
      measure: 'GET /campaigns/{id} 50×40, 1 at a time, p50 / p99 (300 req)',
      value: `${ms(single.p50)} / ${ms(single.p99)}`,
      target: '≤ 20 ms p50',
      verdict: verdict(single.p50, 20),
    },
    {
      measure: 'GET /campaigns/{id} 50×40, 8 at a time, p50 / p99 (400 req)',
      value: `${ms(cached.p50)} / ${ms(cached.p99)}`,
    },
    {
      measure: 'GET /campaigns/{id}?fresh=true (no cache), 1 at a time, p50 / p99',
      value: `${ms(fresh.p50)} / ${ms(fresh.p99)}`,
    },
    { measure: 'GET /campaigns?take=50, p50 / p99', value: `${ms(list.p50)} / ${ms(list.p99)}` },
    {
      measure: 'GET /campaigns?mediaBuyStatus=INPUT_REQUIRED, p50 / p99',
      value: `${ms(filtered.p50)} / ${ms(filtered.p99)}`,
    },
    { measure: 'detail throughput (8 concurrent)', value: `${cached.perSecond.toFixed(0)} req/s` },
    ...pageRows,
  ]
}
