import { useContext, useState } from 'react'
import type { FieldValues, Path, UseFormReturn } from 'react-hook-form'
import { useUpdateCampaign } from '@/api/campaigns'
import { describeApiError, isApiError, type ApiError } from '@/api/errors'
import type { Campaign, CampaignMediaBuy } from '@/api/schemas/campaign'
import { MAX_REASON_LENGTH, type UpdateCampaignBody } from '@/api/schemas/update'
import { updateBudgetRisks } from '@/domain/budget-risk'
import { campaignChanges, describeUpdate, updateOutcome, type CreativeNames } from '@/domain/update-effects'
import { announce } from '@/components/live-announcer'
import { formatMoney } from '@/lib/format'
import { mergeEdits } from './merge-edits'
import { OutcomePlaceContext, reportTuningOutcome } from './outcome-store'

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
  /** First line of the status shown after success. */
  successTitle?: string
  /**
   * Answering a seller (D5): the buy the form replies to. The form then carries a required reply, sent as that
   * entry's `updated_reason`; a reply alone (no other change) is a valid answer.
   */
  replyTo?: string
  /** Creatives the effect lines may name (the campaign's manifests), beyond those already on its buys. */
  creativeNames?: CreativeNames
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
  const place = useContext(OutcomePlaceContext)
  const currency = o.campaign.budget?.currency ?? 'USD'
  const money = (n: number) => formatMoney(n, currency)
  const moved = (o.campaign.revision ?? 0) !== (baseline.revision ?? 0)

  const review = (next: UpdateCampaignBody) => {
    setBanner(null)
    setBody(next)
  }

  const [reply, setReply] = useState('')
  const toReview = o.form.handleSubmit((values) => {
    const built = o.build(values, baseline)
    if (o.replyTo === undefined) {
      if (typeof built === 'string') setBanner(built)
      else review(built)
      return
    }
    const withReply = addReply(built, o.replyTo, reply)
    if (typeof withReply === 'string') setBanner(withReply)
    else review(withReply)
  })

  async function confirm() {
    if (!body || moved) return
    setLastError(null)
    try {
      const result = await mutation.mutateAsync(body)
      // The dialog closes on success; what the platform said stays on screen after it (warnings, D6 approvals).
      const notes = updateOutcome(body, result.campaign, result.warnings ?? [])
      const title = o.successTitle ?? 'Changes sent.'
      reportTuningOutcome({ campaignId: result.campaign.campaignId, title, notes, place })
      // A row's outcome appears inside it, in a row that may have just been drawn: the page's live region reads it.
      if (place) announce([title, ...notes].join(' '))
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
    /** Present when the form answers a seller. */
    reply: o.replyTo === undefined ? undefined : { text: reply, set: setReply },
    lastError,
    pending: mutation.isPending,
    effects: body ? describeUpdate(baseline, body, money, o.creativeNames) : [],
    /** Budgets at or below their spend, deep cuts, big rises: sending them needs a second confirmation. */
    risks: body ? updateBudgetRisks(baseline, body) : [],
    conflict: moved ? campaignChanges(baseline, o.campaign, o.buyIds, money) : null,
    money,
    review,
    toReview,
    confirm,
    back: () => setBody(null),
    /** Conflict: keep what was typed, take the current value of what was not, and re-diff against the campaign now. */
    keepMine: () => {
      const fresh = o.valuesFor(o.campaign)
      const mine = mergeEdits(o.valuesFor(baseline), o.form.getValues(), fresh)
      setBaseline(o.campaign)
      // The current values become the form's defaults, so the buyer's edits still count as edits (discard guard).
      o.form.reset(fresh)
      o.form.reset(mine, { keepDefaultValues: true })
      // A reply to the seller (D5) must survive the re-diff, as it does on the first review.
      const rebuilt = o.build(mine, o.campaign)
      const built = o.replyTo === undefined ? rebuilt : addReply(rebuilt, o.replyTo, reply)
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

/** The buyer's reply goes on the answered buy's entry (added when the form changed nothing else). */
export function addReply(
  built: UpdateCampaignBody | string,
  mediaBuyId: string,
  reply: string,
): UpdateCampaignBody | string {
  const text = reply.trim()
  if (!text) return 'Write your reply to the seller: it is sent with the change.'
  if (text.length > MAX_REASON_LENGTH)
    return `The reply is too long: at most ${MAX_REASON_LENGTH.toLocaleString('en')} characters.`
  const entries = typeof built === 'string' ? [] : (built.mediaBuys ?? [])
  const base = typeof built === 'string' ? {} : built
  const has = entries.some((e) => e.mediaBuyId === mediaBuyId)
  const mediaBuys = has
    ? entries.map((e) => (e.mediaBuyId === mediaBuyId ? { ...e, updated_reason: text } : e))
    : [...entries, { mediaBuyId, updated_reason: text }]
  return { ...base, mediaBuys }
}

/**
 * What every single-buy dialog tells the submit flow: the buy it is about, the seller reply when answering (D5),
 * how to read its form values from a campaign, and closing once sent.
 */
export function singleBuySubmit<T extends FieldValues>(
  buy: CampaignMediaBuy,
  valuesFor: (campaign: Campaign, mediaBuyId: string) => T,
  onClose: () => void,
  reply?: boolean,
): Pick<TuningSubmitOptions<T>, 'buyIds' | 'replyTo' | 'valuesFor' | 'onSuccess'> {
  return {
    buyIds: [buy.mediaBuyId],
    replyTo: reply ? buy.mediaBuyId : undefined,
    valuesFor: (campaign) => valuesFor(campaign, buy.mediaBuyId),
    onSuccess: onClose,
  }
}
