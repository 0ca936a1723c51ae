import { useId, useMemo, useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { auditLogQueryOptions } from '@/api/audit-logs'
import { describeApiError, isApiError } from '@/api/errors'
import { useAttachPropertyList } from '@/api/property-lists'
import type { Campaign } from '@/api/schemas/campaign'
import type { AttachPropertyListResponse, CampaignPropertyList } from '@/api/schemas/property-list'
import { propertyListAttachPlan } from '@/domain/property-lists'
import { StatusIcon } from '@/components/status-icon'
import { StepHeading } from '@/components/step-heading'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { Dialog, DialogContent } from '@/components/ui/dialog'

const ENDED_PACKAGE = new Set(['canceled', 'completed'])

/** Attach an advertiser include list to every active buy: what it will reach, then the platform's cascade summary. */
export function AttachListDialog({
  campaign,
  listId,
  listName,
  lists,
  onClose,
}: {
  campaign: Campaign
  listId: string
  listName?: string
  lists: readonly CampaignPropertyList[]
  onClose: () => void
}) {
  const mutation = useAttachPropertyList(campaign.campaignId)
  const [result, setResult] = useState<AttachPropertyListResponse | null>(null)
  const [error, setError] = useState<string | null>(null)
  const ids = { review: useId(), result: useId() }
  const buys = useMemo(() => campaign.mediaBuys ?? [], [campaign.mediaBuys])
  const plan = useMemo(() => {
    const carried = new Map<string, string[]>()
    for (const l of lists)
      for (const v of l.viaMediaBuys)
        for (const p of v.packageIds) carried.set(p, [...(carried.get(p) ?? []), l.listId])
    return propertyListAttachPlan(
      listId,
      buys.map((b) => ({
        mediaBuyId: b.mediaBuyId,
        name: b.name,
        status: b.status,
        packages: (b.packages ?? [])
          .filter((p) => !ENDED_PACKAGE.has(p.status))
          .map((p) => ({ packageId: p.packageId, listIds: carried.get(p.packageId) ?? [] })),
      })),
    )
  }, [buys, lists, listId])
  const others = buys.length - plan.length
  const title = `Attach ${listName ?? listId}`

  async function send() {
    setError(null)
    try {
      setResult(await mutation.mutateAsync(listId))
    } catch (e) {
      setError(
        isApiError(e) && e.status === 404
          ? `No include list ${listId} of this campaign's advertiser was found.`
          : describeApiError(e),
      )
    }
  }

  return (
    <Dialog open onOpenChange={(open) => (open ? undefined : onClose())}>
      <DialogContent
        title={title}
        description="An advertiser include list goes to the packages of every active buy of this campaign, without a re-execute."
        className="w-[min(40rem,calc(100vw-2rem))]"
      >
        {error ? (
          <Alert tone="error" className="mb-3">
            {error}
          </Alert>
        ) : null}
        {result ? (
          <AttachResult campaign={campaign} result={result} headingId={ids.result} onClose={onClose} />
        ) : (
          <section aria-labelledby={ids.review} className="space-y-3">
            <h3 id={ids.review} className="font-medium">
              Review: {plan.length} active {plan.length === 1 ? 'buy' : 'buys'}
            </h3>
            <ul aria-label="What the list will reach" className="list-disc pl-5 text-sm">
              {plan.map((e) => (
                <li key={e.mediaBuyId}>
                  {e.name}:{' '}
                  {e.outcome === 'update'
                    ? `its ${e.packageIds.length} ${e.packageIds.length === 1 ? 'package takes' : 'packages take'} the list`
                    : `skipped (${e.reason})`}
                </li>
              ))}
            </ul>
            {plan.length === 0 ? <p className="text-sm">This campaign has no active buy to reach.</p> : null}
            {others > 0 ? (
              <p className="text-sm text-slate-700 dark:text-slate-300">
                {others} other {others === 1 ? 'buy is' : 'buys are'} not active and {others === 1 ? 'is' : 'are'} left
                as {others === 1 ? 'it is' : 'they are'}.
              </p>
            ) : null}
            <div className="flex justify-end gap-2 pt-2">
              <Button variant="ghost" onClick={onClose} disabled={mutation.isPending}>
                Cancel
              </Button>
              <Button onClick={() => void send()} disabled={mutation.isPending}>
                {mutation.isPending ? 'Attaching…' : 'Attach list'}
              </Button>
            </div>
          </section>
        )}
      </DialogContent>
    </Dialog>
  )
}

function AttachResult({
  campaign,
  result,
  headingId,
  onClose,
}: {
  campaign: Campaign
  result: AttachPropertyListResponse
  headingId: string
  onClose: () => void
}) {
  const c = result.cascade
  // The summary has counts only; the platform's History says which buys failed and why (one request, only then).
  const failures = useQuery({
    ...auditLogQueryOptions({
      campaignId: campaign.campaignId,
      resourceTypes: ['MEDIA_BUY'],
      outcome: 'failed',
      take: Math.max(c.failedCount, 1),
    }),
    enabled: c.failedCount > 0,
  })
  const rows: [string, number][] = [
    ['Active buys', c.totalMediaBuys],
    ['Updated', c.updatedCount],
    ['Failed', c.failedCount],
    ['Skipped', c.skippedCount],
  ]
  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <StepHeading id={headingId} className="flex items-center gap-2 font-medium">
        <StatusIcon icon={c.failedCount > 0 ? 'x-circle' : 'check'} />
        {c.failedCount > 0 ? 'Attached, with failures' : 'List attached'}
      </StepHeading>
      <dl aria-label="Cascade summary" className="grid grid-cols-4 gap-2 text-sm">
        {rows.map(([label, n]) => (
          <div key={label} className="rounded border border-slate-200 p-2 dark:border-slate-700">
            <dt className="text-slate-700 dark:text-slate-300">{label}</dt>
            <dd className="text-lg font-semibold tabular-nums">{n}</dd>
          </div>
        ))}
      </dl>
      {c.failedCount > 0 ? (
        <section aria-label="What failed">
          <h4 className="text-sm font-medium">What failed</h4>
          {failures.isPending ? (
            <p className="text-sm">Reading the reasons…</p>
          ) : (
            <ul className="list-disc pl-5 text-sm">
              {(failures.data?.logs ?? []).slice(0, c.failedCount).map((l) => (
                <li key={l.id}>
                  {l.resourceName ?? l.resourceId}: {l.description}
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      {c.skippedCount > 0 ? (
        <p className="text-sm text-slate-700 dark:text-slate-300">
          Skipped buys already carried the list on every package, or had no live package.
        </p>
      ) : null}
      <div className="flex justify-end">
        <Button onClick={onClose}>Close</Button>
      </div>
    </section>
  )
}
