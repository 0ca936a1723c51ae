import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createSandbox, type Sandbox } from '../index.ts'

/** A fixed "now" so the replayed demo account, and every test built on it, is the same on every run. */
export const NOW = new Date('2026-11-25T12:00:00.000Z')
export const HOUR = 3_600_000
export const DAY = 24 * HOUR

export interface Envelope<T = Record<string, unknown>> {
  status: number
  data: T
  error: { code: string; message: string; field?: string; details?: Record<string, unknown> } | null
}

export interface TestSandbox {
  sb: Sandbox
  dbFile: string
  call<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Envelope<T>>
  control<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<Envelope<T>>
  campaign(id: string): Promise<Campaign>
  done(): void
}

export interface Buy {
  mediaBuyId: string
  name: string
  status: string
  updatedAt: string
  sourceMessage?: string
  errorOwner?: string
  products: { productId: string; budget?: number; salesAgentName?: string; formatOptions?: { format_kind: string }[] }[]
  packages: {
    packageId: string
    status: string
    budget: number
    pacing?: string
    delivery: { impressions: number; spend: number }
  }[]
  creatives: { creativeId: string }[]
  creativeIds?: string[]
  startTime?: string
  endTime?: string
  optimizationGoals?: unknown[]
  pendingChange?: {
    status: string
    pendingAt: string
    differences: Record<string, { live?: unknown; proposed?: unknown }> & { packages?: unknown[] }
  }
  performance: { impressions: number; spend: number }
}

export interface Campaign {
  campaignId: string
  status: string
  revision: number
  updatedAt: string
  budget: { total: number; currency: string }
  flightDates: { startDate: string; endDate: string }
  allocatedBudget: number
  mediaBuys: Buy[]
  mediaBuyRefs: { mediaBuyId: string; status: string; pendingChange?: { status: string } }[]
}

let template: string | undefined

/** The demo account is replayed once per test file and copied for each test, which keeps every test isolated and fast. */
function demoTemplate(): string {
  if (template) return template
  const dir = mkdtempSync(join(tmpdir(), 'sandbox-template-'))
  template = join(dir, 'template.sqlite')
  const sb = createSandbox({ dbFile: template, reset: true, clock: 'manual', seed: { now: NOW } })
  sb.close()
  return template
}

/** A sandbox on its own temp file (some tests open a second connection to it), holding the demo account. */
export function openSandbox(): TestSandbox {
  const dir = mkdtempSync(join(tmpdir(), 'sandbox-test-'))
  const dbFile = join(dir, 'sandbox.sqlite')
  copyFileSync(demoTemplate(), dbFile)
  const sb = createSandbox({ dbFile, clock: 'manual', seed: { now: NOW } })
  const send = async <T>(
    app: Sandbox['api'],
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Envelope<T>> => {
    const init: RequestInit = { method, headers: { 'content-type': 'application/json', ...headers } }
    if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body)
    const res = await app.request(path, init)
    const json = (await res.json()) as { data: T; error: Envelope['error'] }
    return { status: res.status, data: json.data, error: json.error }
  }
  const t: TestSandbox = {
    sb,
    dbFile,
    call: (method, path, body, headers) =>
      send(sb.api, method, path, body, { authorization: 'Bearer scope3_test', ...headers }),
    control: (method, path, body) => send(sb.control, method, path, body),
    campaign: async (id) => (await t.call<{ campaign: Campaign }>('GET', `/campaigns/${id}`)).data.campaign,
    done: () => {
      sb.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
  return t
}

export const buyBy = (campaign: Campaign, agentName: string): Buy => {
  const buy = campaign.mediaBuys.find(
    (b) => b.products.some((p) => p.salesAgentName === agentName) && b.status !== 'ARCHIVED',
  )
  if (!buy) throw new Error(`no ${agentName} buy on ${campaign.campaignId}`)
  return buy
}

/** The calls a test file's `vi.spyOn(SimulatedAgent.prototype, 'handle')` saw: [tool, request] pairs. */
interface SellerSpy {
  mock: { calls: readonly (readonly unknown[])[] }
}

/** The requests the simulated sellers handled for one tool, in order; with `buyId`, only those naming that buy. */
export function sellerRequests<T extends { buyer_ref?: string }>(spy: SellerSpy, tool: string, buyId?: string): T[] {
  return spy.mock.calls
    .filter(([name]) => name === tool)
    .map(([, request]) => request as T)
    .filter((r) => buyId === undefined || r.buyer_ref === buyId)
}
