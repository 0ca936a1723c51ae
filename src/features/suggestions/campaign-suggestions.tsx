import { useEffect, useRef } from 'react'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { campaignSuggestionsQueryOptions, suggestionKeys } from '@/api/optimization-suggestions'
import type { Campaign } from '@/api/schemas/campaign'
import { SUGGESTION_WAITING } from '@/api/schemas/optimization-suggestion'
import { Table, TableCell, TableHead, TableHeaderCell, TableRow } from '@/components/ui/table'
import { formatDateTime } from '@/lib/format'
import { useVisibleKeys } from '@/lib/use-visible-keys'
import { adjustmentText, SuggestionCard, suggestionStatusLabel } from './suggestion-card'
import { DecisionOutcomes, useDecisionOutcomes } from './decision-outcomes'

/** The campaign page's optimization suggestions (D12): those waiting for the buyer, and what became of the others. */
export function CampaignSuggestions({ campaign }: { campaign: Campaign }) {
  const queryClient = useQueryClient()
  const list = useQuery(campaignSuggestionsQueryOptions(campaign.campaignId))
  const { visible, observe } = useVisibleKeys()
  const { outcomes, record } = useDecisionOutcomes()

  // Read again when the campaign moves on (an approved suggestion applied, a seller's decision).
  const seen = useRef(campaign.updatedAt)
  useEffect(() => {
    if (seen.current === campaign.updatedAt) return
    seen.current = campaign.updatedAt
    void queryClient.invalidateQueries({ queryKey: suggestionKeys.campaign(campaign.campaignId) })
  }, [campaign.updatedAt, campaign.campaignId, queryClient])

  const all = list.data?.suggestions ?? []
  if (list.isPending || (list.isError && !list.data) || (all.length === 0 && outcomes.length === 0)) return null
  const waiting = all.filter((s) => s.status === SUGGESTION_WAITING)
  const decided = [...all.filter((s) => s.status !== SUGGESTION_WAITING)].sort(
    (a, b) => Date.parse(b.statusUpdatedAt) - Date.parse(a.statusUpdatedAt),
  )
  const buyName = (id: string) => campaign.mediaBuys?.find((b) => b.mediaBuyId === id)?.name ?? id

  return (
    <section
      aria-labelledby="campaign-suggestions-title"
      className="mt-6 rounded-lg border border-slate-200 p-4 dark:border-slate-700"
    >
      <h2 id="campaign-suggestions-title" className="text-lg font-semibold">
        Optimization suggestions
      </h2>
      <DecisionOutcomes outcomes={outcomes} />
      {waiting.length ? (
        <ul aria-label="Waiting for your approval" className="mt-2 space-y-2">
          {waiting.map((s) => (
            <li key={s.suggestionId} ref={observe(s.suggestionId)}>
              <SuggestionCard item={s} campaign={campaign} onScreen={visible.has(s.suggestionId)} onDecided={record} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">No suggestion waits for you on this campaign.</p>
      )}
      {decided.length ? (
        <div className="mt-3">
          <Table aria-label="Earlier suggestions">
            <TableHead>
              <TableRow>
                <TableHeaderCell scope="col">Media buy</TableHeaderCell>
                <TableHeaderCell scope="col">Proposed</TableHeaderCell>
                <TableHeaderCell scope="col">Adjustments</TableHeaderCell>
                <TableHeaderCell scope="col">Status</TableHeaderCell>
                <TableHeaderCell scope="col">Since</TableHeaderCell>
              </TableRow>
            </TableHead>
            <tbody>
              {decided.map((s) => (
                <TableRow key={s.suggestionId} data-suggestion-id={s.suggestionId}>
                  <TableCell>{buyName(s.mediaBuyId)}</TableCell>
                  <TableCell>{formatDateTime(s.createdAt)}</TableCell>
                  <TableCell>{adjustmentText(s)}</TableCell>
                  <TableCell>{suggestionStatusLabel(s.status)}</TableCell>
                  <TableCell>{formatDateTime(s.statusUpdatedAt)}</TableCell>
                </TableRow>
              ))}
            </tbody>
          </Table>
        </div>
      ) : null}
    </section>
  )
}
