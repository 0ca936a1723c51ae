import { configure, render } from '@testing-library/react'
import { QueryClientProvider } from '@tanstack/react-query'
import { RouterProvider, createMemoryHistory } from '@tanstack/react-router'
import { createAppRouter } from '@/router'
import { createQueryClient } from '@/query-client'

/**
 * How long a full-app test waits for what the screen shows. A cold first render compiles the route's code-split
 * chunks (tuning dialogs, charts) on first import; on a loaded two-core machine that took over the default 1 s.
 */
export const APP_WAIT_MS = 8_000

/**
 * Renders the real app (routes, loaders, layout) at a path, against whatever MSW answers. Resolves once the route's
 * code and loaders have run, so what the test looks for next depends on the screen, not on how cold the module cache is.
 */
export async function renderApp(path: string) {
  configure({ asyncUtilTimeout: APP_WAIT_MS })
  const queryClient = createQueryClient({
    onUnauthorized: () => void router.navigate({ to: '/settings', search: { reason: 'unauthorized' } }),
  })
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } })
  const router = createAppRouter(queryClient, createMemoryHistory({ initialEntries: [path] }))
  await router.load().catch(() => undefined)
  const utils = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  )
  return { ...utils, router, queryClient }
}
