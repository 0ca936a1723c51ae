import { useState } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { Link, getRouteApi } from '@tanstack/react-router'
import { PageHeader } from '@/components/page-header'
import { useDocumentTitle } from '@/lib/use-document-title'
import { ApiKeyForm } from './api-key-form'
import { CurrentKey } from './current-key'

const settingsRoute = getRouteApi('/settings')

export function SettingsPage() {
  useDocumentTitle('Settings')
  const { reason } = settingsRoute.useSearch()
  const navigate = settingsRoute.useNavigate()
  const queryClient = useQueryClient()
  const [notice, setNotice] = useState<string | null>(null)

  // Whatever was loaded belongs to the previous key: drop it and fetch again with the new one.
  const afterKeyChange = (message: string) => {
    setNotice(message)
    void queryClient.resetQueries()
    if (reason) void navigate({ search: {}, replace: true })
  }

  return (
    <>
      <PageHeader title="Settings" />
      {reason === 'unauthorized' ? (
        <div
          role="alert"
          className="mb-6 rounded-lg border border-amber-400 bg-amber-50 p-4 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
        >
          <p className="font-semibold">The platform refused your API key.</p>
          <p className="mt-1">Paste a valid key below, or remove the saved key to go back to the built-in sandbox.</p>
        </div>
      ) : null}
      <section
        aria-labelledby="api-key-title"
        className="max-w-2xl space-y-4 rounded-lg border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900"
      >
        <h2 id="api-key-title" className="text-lg font-semibold">
          Buyer API key
        </h2>
        <p className="text-sm text-slate-700 dark:text-slate-300">
          The key is sent only to this dashboard’s server, in the Authorization header. With no key, the server uses the
          built-in sandbox.
        </p>
        <CurrentKey onRemoved={() => afterKeyChange('Key removed. You are back on the built-in sandbox.')} />
        <ApiKeyForm onSaved={() => afterKeyChange('Key saved.')} />
        <p role="status" className="min-h-5 text-sm font-medium text-green-800 dark:text-green-300">
          {notice}
          {notice ? (
            <>
              {' '}
              <Link to="/campaigns" className="underline">
                Go to campaigns
              </Link>
            </>
          ) : null}
        </p>
      </section>
    </>
  )
}
