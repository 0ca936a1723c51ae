import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { campaignCreativesQueryOptions, CREATIVE_REVIEW_POLL_MS, hasPendingReview } from '@/api/creatives'
import type { Campaign } from '@/api/schemas/campaign'
import type { CreativeManifestSummary } from '@/api/schemas/creative'
import { ErrorView } from '@/components/error-view'
import { Button } from '@/components/ui/button'
import { PageSection } from '@/components/ui/page-section'
import { Skeleton } from '@/components/ui/skeleton'
import { useSeen } from '@/lib/use-seen'
import { Table, TableCell, TableHead, TableHeaderCell, TableRow } from '@/components/ui/table'
import { EditCreativeDialog } from './edit-creative-dialog'
import { safeHttpUrl, SellerStatusBadge } from './seller-status'

function formatText(m: CreativeManifestSummary): string {
  const f = m.format_id
  const size = f?.width && f.height ? `${f.width}×${f.height}` : undefined
  const length = f?.duration_ms ? `${Math.round(f.duration_ms / 1000)} s` : undefined
  return [m.format_kind ?? 'format unknown', size, length].filter(Boolean).join(' · ')
}

/** The campaign's creative manifests: format, preview, each seller's sync and review, and editing (D9). */
export function CreativesSection({ campaign }: { campaign: Campaign }) {
  // Below the buys: asked for when the buyer scrolls to it, so opening a campaign costs no more requests.
  const [seenRef, seen] = useSeen()
  const creatives = useQuery({
    ...campaignCreativesQueryOptions(campaign.campaignId),
    enabled: seen,
    // While a seller reviews a new version, the one list request is repeated; never while the tab is hidden.
    refetchInterval: (query) => (hasPendingReview(query.state.data) ? CREATIVE_REVIEW_POLL_MS : false),
  })
  const [editing, setEditing] = useState<string | null>(null)
  const manifests = creatives.data?.manifests ?? []
  const open = manifests.find((m) => m.creative_id === editing)

  return (
    <PageSection
      ref={seenRef}
      id="creatives"
      title="Creatives"
      intro={
        <>
          A change to a manifest re-syncs to every buy whose products accept its format, unless the buy names its own
          creatives.
        </>
      }
    >
      {creatives.isPending ? (
        <Skeleton className="h-24 w-full" />
      ) : creatives.isError ? (
        <ErrorView error={creatives.error} what="the creatives" onRetry={() => void creatives.refetch()} />
      ) : manifests.length === 0 ? (
        <p className="text-sm text-slate-700 dark:text-slate-300">No creative is linked to this campaign.</p>
      ) : (
        <Table aria-labelledby="creatives-title">
          <TableHead>
            <TableRow>
              <TableHeaderCell scope="col">Creative</TableHeaderCell>
              <TableHeaderCell scope="col">Format</TableHeaderCell>
              <TableHeaderCell scope="col">Preview</TableHeaderCell>
              <TableHeaderCell scope="col">Sellers</TableHeaderCell>
              <TableHeaderCell scope="col">
                <span className="sr-only">Actions</span>
              </TableHeaderCell>
            </TableRow>
          </TableHead>
          <tbody>
            {manifests.map((m) => {
              const preview = safeHttpUrl(m.preview_url)
              const links = m.platform_links ?? []
              return (
                <TableRow key={m.creative_id}>
                  <TableCell>
                    <div className="font-medium">{m.name}</div>
                    <div className="text-xs text-slate-600 dark:text-slate-400">{m.creative_id}</div>
                  </TableCell>
                  <TableCell>{formatText(m)}</TableCell>
                  <TableCell>
                    {preview ? (
                      <a
                        href={preview}
                        target="_blank"
                        rel="noopener noreferrer"
                        className="text-blue-800 underline dark:text-blue-300"
                        aria-label={`Preview ${m.name} (opens in a new tab)`}
                      >
                        Preview
                      </a>
                    ) : (
                      <span className="text-slate-600 dark:text-slate-400">None</span>
                    )}
                  </TableCell>
                  <TableCell>
                    {links.length === 0 ? (
                      <span className="text-slate-600 dark:text-slate-400">Not synced to a seller yet</span>
                    ) : (
                      <ul aria-label={`Sellers of ${m.name}`} className="space-y-1">
                        {links.map((l) => (
                          <li key={l.agent_id} className="flex flex-wrap items-center gap-2">
                            <span>{l.agent_name}</span> <SellerStatusBadge link={l} />
                          </li>
                        ))}
                      </ul>
                    )}
                  </TableCell>
                  <TableCell className="text-right">
                    <Button
                      size="sm"
                      variant="secondary"
                      aria-label={`Edit ${m.name}`}
                      onClick={() => setEditing(m.creative_id)}
                    >
                      Edit
                    </Button>
                  </TableCell>
                </TableRow>
              )
            })}
          </tbody>
        </Table>
      )}
      {creatives.data && creatives.data.total > manifests.length ? (
        <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">
          Showing the first {manifests.length} of {creatives.data.total} creatives.
        </p>
      ) : null}
      {open ? <EditCreativeDialog campaign={campaign} manifest={open} onClose={() => setEditing(null)} /> : null}
    </PageSection>
  )
}
