import { render, screen } from '@testing-library/react'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import type { ReactNode } from 'react'

export const API = '*/api/v2/buyer'

/** Renders a tuning component with its own query client; `rerender` keeps the client (a cache that moves underneath). */
export function renderTuning(ui: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } })
  const view = render(<QueryClientProvider client={client}>{ui}</QueryClientProvider>)
  return {
    ...view,
    client,
    rerender: (next: ReactNode) => view.rerender(<QueryClientProvider client={client}>{next}</QueryClientProvider>),
  }
}

/** The request body shown on the review step, parsed. */
export const reviewedBody = (text: string | null) => JSON.parse(text ?? '{}') as unknown

/** The request the review step shows, once it has rendered: the form validates asynchronously before it moves on. */
export const reviewedRequest = async () => reviewedBody((await screen.findByLabelText('Request body')).textContent)
