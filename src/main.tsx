import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { QueryClientProvider } from '@tanstack/react-query'
import { RouterProvider } from '@tanstack/react-router'
import { createQueryClient } from '@/query-client'
import { createAppRouter } from './router'
import './index.css'

// A refused key sends the buyer to Settings, where the banner says why (reason=unauthorized).
const queryClient = createQueryClient({
  onUnauthorized: () => {
    if (router.state.location.pathname === '/settings') return
    void router.navigate({ to: '/settings', search: { reason: 'unauthorized' } })
  },
})
const router = createAppRouter(queryClient)

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
)
