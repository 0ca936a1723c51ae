import { createLimiter } from './limit-concurrency'

describe('createLimiter', () => {
  it('never runs more than the limit at once, and runs everything', async () => {
    const run = createLimiter(2)
    let active = 0
    let peak = 0
    const task = (value: number) => async () => {
      active += 1
      peak = Math.max(peak, active)
      await new Promise((resolve) => setTimeout(resolve, 5))
      active -= 1
      return value
    }
    const results = await Promise.all([1, 2, 3, 4, 5].map((n) => run(task(n))))
    expect(results).toEqual([1, 2, 3, 4, 5])
    expect(peak).toBe(2)
  })

  it('skips a queued task whose signal was aborted', async () => {
    const run = createLimiter(1)
    const controller = new AbortController()
    const first = run(() => new Promise((resolve) => setTimeout(() => resolve('a'), 5)))
    const skipped = vi.fn(async () => 'b')
    const second = run(skipped, controller.signal)
    controller.abort(new Error('gone'))
    await expect(second).rejects.toThrow('gone')
    await expect(first).resolves.toBe('a')
    expect(skipped).not.toHaveBeenCalled()
  })
})
