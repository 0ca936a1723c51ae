import { render } from '@testing-library/react'
import { QueryClientProvider } from '@tanstack/react-query'
import { RouterProvider, createMemoryHistory } from '@tanstack/react-router'
import { createAppRouter } from '@/router'
import { createQueryClient } from '@/query-client'

// Renders the real app (routes, loaders, layout) at a path, against whatever MSW answers.
export function renderApp(path: string) {
  const queryClient = createQueryClient({
    onUnauthorized: () => void router.navigate({ to: '/settings', search: { reason: 'unauthorized' } }),
  })
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } })
  const router = createAppRouter(queryClient, createMemoryHistory({ initialEntries: [path] }))
  const utils = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  )
  return { ...utils, router, queryClient }
}
