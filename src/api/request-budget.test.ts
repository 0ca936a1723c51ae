import {
  acquireRequestSlot,
  MAX_IN_FLIGHT,
  noteRateLimitHeaders,
  requestBudgetSnapshot,
  resetRequestBudget,
  USER_RESERVE,
} from './request-budget'

const headers = (remaining: number, resetSeconds: number, limit = 100) =>
  new Headers({
    'RateLimit-Limit': String(limit),
    'RateLimit-Remaining': String(remaining),
    'RateLimit-Reset': String(resetSeconds),
  })

/** Starts `n` acquisitions and records which have been granted. */
function queueUp(n: number, lane: 'screen' | 'background', label = 'campaign') {
  const granted: number[] = []
  const releases: (() => void)[] = []
  const controllers = Array.from({ length: n }, () => new AbortController())
  controllers.forEach((controller, i) =>
    acquireRequestSlot(lane, label, controller.signal).then(
      (release) => {
        granted.push(i)
        releases[i] = release
      },
      () => undefined,
    ),
  )
  return { granted, releases, controllers }
}

beforeEach(() => {
  vi.useFakeTimers()
  resetRequestBudget()
})
afterEach(() => {
  resetRequestBudget()
  vi.useRealTimers()
})

describe('the shared request budget', () => {
  it('lets the buyer’s own requests go even when the platform says the minute is nearly spent', async () => {
    noteRateLimitHeaders(headers(2, 30))
    let granted = false
    void acquireRequestSlot('user', 'request').then(() => (granted = true))
    await vi.advanceTimersByTimeAsync(0)
    expect(granted).toBe(true)
  })

  it('holds on-screen reads once only the reserve is left, says how many and of what, and sends them after the reset', async () => {
    noteRateLimitHeaders(headers(USER_RESERVE, 20))
    const rows = queueUp(3, 'screen', 'campaign')
    const pages = queueUp(1, 'background', 'list page')
    await vi.advanceTimersByTimeAsync(0)
    expect(rows.granted).toEqual([])
    const held = requestBudgetSnapshot()
    expect(held.heldTotal).toBe(4)
    expect(held.held.get('campaign')).toBe(3)
    expect(held.held.get('list page')).toBe(1)
    expect(held.resumesAt).toBe(Date.now() + 20_000)

    await vi.advanceTimersByTimeAsync(19_000)
    expect(rows.granted).toEqual([])
    await vi.advanceTimersByTimeAsync(1_100)
    // After the reset they go, screen work first.
    expect(rows.granted).toEqual([0, 1, 2])
    expect(pages.granted).toEqual([0])
    expect(requestBudgetSnapshot().heldTotal).toBe(0)
  })

  it('spends its own estimate as requests leave, so a burst stops at the reserve before the next answer arrives', async () => {
    noteRateLimitHeaders(headers(USER_RESERVE + 2, 60))
    const rows = queueUp(3, 'screen')
    await vi.advanceTimersByTimeAsync(0)
    expect(rows.granted).toEqual([0, 1])
    expect(requestBudgetSnapshot().heldTotal).toBe(1)
  })

  it('runs a few at a time, and on-screen work goes before background work that asked earlier', async () => {
    const first = queueUp(MAX_IN_FLIGHT, 'screen')
    const background = queueUp(1, 'background')
    const later = queueUp(1, 'screen')
    await vi.advanceTimersByTimeAsync(0)
    expect(first.granted).toEqual(Array.from({ length: MAX_IN_FLIGHT }, (_, i) => i))
    expect(background.granted).toEqual([])
    expect(later.granted).toEqual([])
    first.releases[0]()
    await vi.advanceTimersByTimeAsync(0)
    expect(later.granted).toEqual([0])
    expect(background.granted).toEqual([])
    first.releases[1]()
    await vi.advanceTimersByTimeAsync(0)
    expect(background.granted).toEqual([0])
  })

  it('forgets a waiting request whose row scrolled away: it is never sent', async () => {
    noteRateLimitHeaders(headers(0, 10))
    const rows = queueUp(2, 'screen')
    await vi.advanceTimersByTimeAsync(0)
    rows.controllers[0].abort()
    await vi.advanceTimersByTimeAsync(0)
    expect(requestBudgetSnapshot().heldTotal).toBe(1)
    await vi.advanceTimersByTimeAsync(10_100)
    expect(rows.granted).toEqual([1])
  })
})
