import { useState } from 'react'
import type { FieldValues, Path, UseFormReturn } from 'react-hook-form'
import { useUpdateCampaign } from '@/api/campaigns'
import { describeApiError, isApiError, type ApiError } from '@/api/errors'
import type { Campaign } from '@/api/schemas/campaign'
import type { UpdateCampaignBody } from '@/api/schemas/update'
import { campaignChanges, describeUpdate } from '@/domain/update-effects'
import { formatMoney } from '@/lib/format'

export interface TuningSubmitOptions<T extends FieldValues> {
  campaign: Campaign
  form: UseFormReturn<T>
  /** The buys this form is about, for the conflict summary. */
  buyIds: readonly string[] | 'all'
  /** The body to send, diffed against the campaign the form opened on; a string says why there is nothing to send. */
  build: (values: T, baseline: Campaign) => UpdateCampaignBody | string
  /** Where a server issue path (mediaBuys.0.packages.1.budget) lands in this form. */
  fieldFor?: (path: string, body: UpdateCampaignBody) => Path<T> | undefined
  /** Form values for a campaign, used when the buyer reloads after a conflict. */
  valuesFor: (campaign: Campaign) => T
  onSuccess: (campaign: Campaign, warnings: unknown[]) => void
}

/**
 * The one submit path of every tuning form: build → review (exact body and its effects) → conflict check → PUT →
 * cache replaced by the response. On failure the form keeps its values, issues land on their fields, the rest in a banner.
 */
export function useTuningSubmit<T extends FieldValues>(o: TuningSubmitOptions<T>) {
  const [baseline, setBaseline] = useState(o.campaign)
  const [body, setBody] = useState<UpdateCampaignBody | null>(null)
  const [banner, setBanner] = useState<string | null>(null)
  const [lastError, setLastError] = useState<ApiError | null>(null)
  const mutation = useUpdateCampaign(o.campaign.campaignId)
  const currency = o.campaign.budget?.currency ?? 'USD'
  const money = (n: number) => formatMoney(n, currency)
  const moved = (o.campaign.revision ?? 0) !== (baseline.revision ?? 0)

  const review = (next: UpdateCampaignBody) => {
    setBanner(null)
    setBody(next)
  }

  const toReview = o.form.handleSubmit((values) => {
    const built = o.build(values, baseline)
    if (typeof built === 'string') setBanner(built)
    else review(built)
  })

  async function confirm() {
    if (!body || moved) return
    setLastError(null)
    try {
      const result = await mutation.mutateAsync(body)
      o.onSuccess(result.campaign, result.warnings ?? [])
    } catch (error) {
      setBody(null)
      if (!isApiError(error)) {
        setBanner(describeApiError(error))
        return
      }
      setLastError(error)
      const leftovers: string[] = []
      for (const issue of error.issues) {
        const field = o.fieldFor?.(issue.path, body)
        if (field) o.form.setError(field, { type: 'server', message: issue.message }, { shouldFocus: true })
        else leftovers.push(issue.message)
      }
      const unplaced = error.issues.length === 0 || leftovers.length > 0
      if (unplaced) setBanner([describeApiError(error), ...leftovers.filter((m) => m !== error.message)].join(' '))
    }
  }

  return {
    body,
    banner,
    lastError,
    pending: mutation.isPending,
    effects: body ? describeUpdate(baseline, body, money) : [],
    conflict: moved ? campaignChanges(baseline, o.campaign, o.buyIds, money) : null,
    money,
    review,
    toReview,
    confirm,
    back: () => setBody(null),
    /** Conflict: keep what was typed, re-diffed against the campaign as it is now. */
    keepMine: () => {
      setBaseline(o.campaign)
      const built = o.build(o.form.getValues(), o.campaign)
      if (typeof built === 'string') {
        setBody(null)
        setBanner(built)
      } else setBody(built)
    },
    /** Conflict: start again from the campaign as it is now. */
    reload: () => {
      setBaseline(o.campaign)
      setBody(null)
      o.form.reset(o.valuesFor(o.campaign))
    },
  }
}

export type TuningSubmit = ReturnType<typeof useTuningSubmit>
