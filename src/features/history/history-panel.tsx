import { useEffect, useId, useMemo, useRef } from 'react'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import {
  auditLogQueryOptions,
  campaignHistoryFilters,
  HISTORY_PAGE_SIZE,
  refreshHistory,
  type AuditLogFilters,
} from '@/api/audit-logs'
import { isApiError } from '@/api/errors'
import { ACTOR_ORIGINS, AUDIT_ACTIONS, AUDIT_RESOURCE_TYPES } from '@/api/schemas/audit-log'
import type { Campaign } from '@/api/schemas/campaign'
import { campaignNames } from '@/components/audit-changes'
import { ErrorView } from '@/components/error-view'
import { Button } from '@/components/ui/button'
import { Field, FieldLabel } from '@/components/ui/field'
import { Select } from '@/components/ui/select'
import { Skeleton } from '@/components/ui/skeleton'
import { Table, TableHead, TableHeaderCell, TableRow } from '@/components/ui/table'
import { actionLabel, ORIGIN_OPTIONS, resourceLabel } from './history-labels'
import { HistoryRow } from './history-row'
import type { HistorySearch } from './history-search'

const route = getRouteApi('/campaigns/$campaignId')

/** The URL's History search as the list's filters. */
export function historyFilters(campaignId: string, search: HistorySearch): AuditLogFilters {
  const page = search.historyPage ?? 1
  return {
    ...campaignHistoryFilters(campaignId),
    ...(search.historyBuy ? { resourceId: search.historyBuy } : {}),
    ...(search.historyOrigin ? { actorOrigin: search.historyOrigin } : {}),
    ...(search.historyAction ? { actions: [search.historyAction] } : {}),
    ...(search.historyResource ? { resourceTypes: [search.historyResource] } : {}),
    ...(search.historyOutcome ? { outcome: search.historyOutcome } : {}),
    ...(page > 1 ? { skip: (page - 1) * HISTORY_PAGE_SIZE } : {}),
  }
}

/** D10: the campaign's change history, or one buy's, filtered and paged through the URL. */
export function HistoryPanel({ campaign }: { campaign: Campaign }) {
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const queryClient = useQueryClient()
  const filters = historyFilters(campaign.campaignId, search)
  const history = useQuery(auditLogQueryOptions(filters))
  const ids = { buy: useId(), origin: useId(), action: useId(), resource: useId(), outcome: useId() }

  // The campaign moved on (a seller's decision, the optimizer, another tab): History reads its page again.
  const seenUpdatedAt = useRef(campaign.updatedAt)
  useEffect(() => {
    if (seenUpdatedAt.current === campaign.updatedAt) return
    seenUpdatedAt.current = campaign.updatedAt
    void refreshHistory(queryClient, campaign.campaignId)
  }, [campaign.updatedAt, campaign.campaignId, queryClient])

  const update = (patch: Partial<HistorySearch>) =>
    void navigate({
      search: (prev) => ({ ...prev, ...patch, historyPage: undefined }),
      replace: true,
      resetScroll: false,
    })
  const goTo = (page: number) =>
    void navigate({ search: (prev) => ({ ...prev, historyPage: page > 1 ? page : undefined }), resetScroll: false })

  const names = useMemo(() => campaignNames(campaign), [campaign])
  const currency = campaign.budget?.currency
  const buys = campaign.mediaBuys ?? []
  const page = search.historyPage ?? 1
  const total = history.data?.total ?? 0
  const rows = history.data?.logs ?? []
  const first = (page - 1) * HISTORY_PAGE_SIZE + 1
  const forbidden = isApiError(history.error) && (history.error.status === 403 || history.error.status === 404)

  return (
    <section
      id="history"
      aria-labelledby="history-title"
      className="mt-6 rounded-lg border border-slate-200 p-4 dark:border-slate-700"
    >
      <div className="mb-3 flex flex-wrap items-baseline gap-3">
        <h2 id="history-title" className="text-lg font-semibold">
          History
        </h2>
        <p className="text-sm text-slate-700 dark:text-slate-300">
          Every change to this campaign and its buys, newest first: who made it, how, and what it changed.
        </p>
      </div>
      <search aria-label="Filter history" className="mb-3 flex flex-wrap items-end gap-3">
        <Field>
          <FieldLabel htmlFor={ids.buy}>Media buy</FieldLabel>
          <Select
            id={ids.buy}
            value={search.historyBuy ?? ''}
            onChange={(e) => update({ historyBuy: e.target.value || undefined })}
          >
            <option value="">Whole campaign</option>
            {buys.map((b) => (
              <option key={b.mediaBuyId} value={b.mediaBuyId}>
                {b.name}
              </option>
            ))}
            {search.historyBuy && !buys.some((b) => b.mediaBuyId === search.historyBuy) ? (
              <option value={search.historyBuy}>{search.historyBuy}</option>
            ) : null}
          </Select>
        </Field>
        <Field>
          <FieldLabel htmlFor={ids.origin}>Made by</FieldLabel>
          <Select
            id={ids.origin}
            value={search.historyOrigin ?? ''}
            onChange={(e) => update({ historyOrigin: (e.target.value || undefined) as HistorySearch['historyOrigin'] })}
          >
            <option value="">Anyone</option>
            {ACTOR_ORIGINS.map((o) => (
              <option key={o} value={o}>
                {ORIGIN_OPTIONS[o]}
              </option>
            ))}
          </Select>
        </Field>
        <Field>
          <FieldLabel htmlFor={ids.action}>Action</FieldLabel>
          <Select
            id={ids.action}
            value={search.historyAction ?? ''}
            onChange={(e) => update({ historyAction: (e.target.value || undefined) as HistorySearch['historyAction'] })}
          >
            <option value="">Any action</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {actionLabel(a)}
              </option>
            ))}
          </Select>
        </Field>
        <Field>
          <FieldLabel htmlFor={ids.resource}>Resource</FieldLabel>
          <Select
            id={ids.resource}
            value={search.historyResource ?? ''}
            onChange={(e) =>
              update({ historyResource: (e.target.value || undefined) as HistorySearch['historyResource'] })
            }
          >
            <option value="">Any resource</option>
            {AUDIT_RESOURCE_TYPES.map((r) => (
              <option key={r} value={r}>
                {resourceLabel(r)}
              </option>
            ))}
          </Select>
        </Field>
        <Field>
          <FieldLabel htmlFor={ids.outcome}>Outcome</FieldLabel>
          <Select
            id={ids.outcome}
            value={search.historyOutcome ?? ''}
            onChange={(e) =>
              update({ historyOutcome: (e.target.value || undefined) as HistorySearch['historyOutcome'] })
            }
          >
            <option value="">Changes that took effect</option>
            <option value="denied">Denied attempts</option>
            <option value="failed">Failed attempts</option>
          </Select>
        </Field>
      </search>
      {forbidden ? (
        <p className="text-sm text-slate-800 dark:text-slate-200">
          History needs an admin key: the platform shows the change history only to keys with the admin role. Add one in
          Settings to see who changed what.
        </p>
      ) : history.error && !history.data ? (
        <ErrorView error={history.error} what="the history" onRetry={() => void history.refetch()} />
      ) : history.isPending ? (
        <Skeleton className="h-32 w-full" />
      ) : rows.length === 0 ? (
        <p className="text-sm text-slate-700 dark:text-slate-300">
          {search.historyOutcome ? `No ${search.historyOutcome} attempts` : 'No changes'} match these filters.
        </p>
      ) : (
        <>
          <Table aria-label="Change history" aria-busy={history.isFetching}>
            <TableHead>
              <TableRow>
                <TableHeaderCell scope="col">When</TableHeaderCell>
                <TableHeaderCell scope="col">Who and how</TableHeaderCell>
                <TableHeaderCell scope="col">What</TableHeaderCell>
                <TableHeaderCell scope="col">Change</TableHeaderCell>
                <TableHeaderCell scope="col">Outcome</TableHeaderCell>
              </TableRow>
            </TableHead>
            <tbody>
              {rows.map((row) => (
                <HistoryRow key={row.id} row={row} names={names} currency={currency} />
              ))}
            </tbody>
          </Table>
          <nav aria-label="History pages" className="mt-3 flex flex-wrap items-center gap-3">
            <Button variant="secondary" size="sm" onClick={() => goTo(page - 1)} disabled={page === 1}>
              Newer
            </Button>
            <span className="text-sm text-slate-700 dark:text-slate-300">
              {first}–{first + rows.length - 1} of {total} {total === 1 ? 'change' : 'changes'}
            </span>
            <Button
              variant="secondary"
              size="sm"
              onClick={() => goTo(page + 1)}
              disabled={first + rows.length - 1 >= total}
            >
              Older
            </Button>
          </nav>
        </>
      )}
    </section>
  )
}
