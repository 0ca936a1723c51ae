import { useForm } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { z } from 'zod'
import type { Campaign, CampaignMediaBuy } from '@/api/schemas/campaign'
import type { MediaBuyAction } from '@/api/schemas/update'
import { buyDateIssues, dayStartIso, utcDay } from '@/domain/buy-dates'
import { formatDate } from '@/lib/format'
import { TextField } from './form-fields'
import { TuningDialog, type BuyDialogProps } from './tuning-dialog'
import { TuningForm } from './tuning-form'
import { useTuningSubmit } from './use-tuning-submit'

const DAY = /^\d{4}-\d{2}-\d{2}$/
const schemaFor = (campaign: Campaign, buy: CampaignMediaBuy) =>
  z
    .object({
      start: z.string().refine((t) => t.trim() === '' || DAY.test(t.trim()), 'A date like 2026-12-04, or empty'),
      end: z.string().refine((t) => t.trim() === '' || DAY.test(t.trim()), 'A date like 2026-12-04, or empty'),
    })
    .superRefine((v, ctx) => {
      const flight = campaign.flightDates
      if (!flight || !DAY.test(v.start.trim() || '0000-00-00') || !DAY.test(v.end.trim() || '0000-00-00')) return
      const issues = buyDateIssues({
        flight: { start: flight.startDate, end: flight.endDate },
        current: { start: buy.startTime, end: buy.endTime },
        start: v.start.trim() ? dayStartIso(v.start.trim()) : undefined,
        end: v.end.trim() ? dayStartIso(v.end.trim()) : undefined,
      })
      for (const issue of issues)
        ctx.addIssue({ code: 'custom', path: [issue.field === 'start_time' ? 'start' : 'end'], message: issue.message })
    })
type Values = z.infer<ReturnType<typeof schemaFor>>
const defaults: Values = { start: '', end: '' }

/** What 00:00 UTC, where the platform's days begin, is on the buyer's clock ("1:00 AM"). */
const midnightUtcHere = () =>
  new Intl.DateTimeFormat(undefined, { timeStyle: 'short' }).format(new Date(Date.UTC(2026, 0, 1)))

/** Answer a seller in words, optionally moving the buy's dates within the campaign flight. */
export function ReplyDialog({ campaign, buy, onClose }: Omit<BuyDialogProps, 'reply'>) {
  const form = useForm<Values>({
    resolver: zodResolver(schemaFor(campaign, buy)),
    defaultValues: defaults,
  })
  const flow = useTuningSubmit({
    campaign,
    form,
    buyIds: [buy.mediaBuyId],
    replyTo: buy.mediaBuyId,
    valuesFor: () => defaults,
    onSuccess: onClose,
    successTitle: 'Reply sent to the seller.',
    build: (v) => {
      const entry: MediaBuyAction = { mediaBuyId: buy.mediaBuyId }
      if (v.start.trim()) entry.start_time = dayStartIso(v.start.trim())
      if (v.end.trim()) entry.end_time = dayStartIso(v.end.trim())
      return entry.start_time || entry.end_time ? { mediaBuys: [entry] } : 'reply only'
    },
    fieldFor: (path) => (path.endsWith('start_time') ? 'start' : path.endsWith('end_time') ? 'end' : undefined),
  })
  const flight = campaign.flightDates
  const startNow = buy.startTime && buy.startTime !== 'asap' ? buy.startTime : flight?.startDate
  const endNow = buy.endTime ?? flight?.endDate
  const day = (iso: string | undefined) => (iso ? formatDate(iso) : 'not set')
  const first = flight ? utcDay(flight.startDate) : undefined
  const last = flight ? utcDay(flight.endDate) : undefined
  const start = form.watch('start').trim()
  return (
    <TuningDialog
      open
      onClose={onClose}
      dirty={form.formState.isDirty || Boolean(flow.reply?.text)}
      title={`Reply and dates: ${buy.name}`}
      description={`Current dates: ${day(startNow)} – ${day(endNow)}. Leave a date empty to keep it.`}
    >
      <TuningForm flow={flow} label="Reply to the seller" confirmLabel="Send reply">
        <p id="reply-dates-hint" className="text-sm text-slate-600 dark:text-slate-400">
          {flight
            ? `Within the campaign flight, ${formatDate(flight.startDate)} – ${formatDate(flight.endDate)}. `
            : ''}
          Days are UTC calendar days, as the platform counts them: each starts at 00:00 UTC ({midnightUtcHere()} your
          time).
        </p>
        <div className="grid grid-cols-1 gap-x-3 sm:grid-cols-2">
          <TextField
            control={form.control}
            name="start"
            id="reply-start"
            type="date"
            min={first}
            max={last}
            label="New start date (optional)"
          />
          <TextField
            control={form.control}
            name="end"
            id="reply-end"
            type="date"
            min={DAY.test(start) ? start : first}
            max={last}
            label="New end date (optional)"
          />
        </div>
      </TuningForm>
    </TuningDialog>
  )
}
