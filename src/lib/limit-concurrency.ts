// At most `limit` tasks run at once; the rest wait their turn in order. Used so that rows appearing on screen
// fetch their details a few at a time instead of all at once (CONTRACT §1: 100 requests a minute).
export function createLimiter(limit: number) {
  let running = 0
  const queue: (() => void)[] = []

  const next = () => {
    running -= 1
    queue.shift()?.()
  }

  return function run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const start = () => {
        if (signal?.aborted) {
          // A row that scrolled away before its turn costs nothing.
          running += 1
          next()
          reject(signal.reason)
          return
        }
        running += 1
        task().then(resolve, reject).finally(next)
      }
      if (running < limit) start()
      else queue.push(start)
    })
  }
}
