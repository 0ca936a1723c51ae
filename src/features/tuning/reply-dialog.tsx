import { useForm } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { z } from 'zod'
import type { Campaign, CampaignMediaBuy } from '@/api/schemas/campaign'
import type { MediaBuyAction } from '@/api/schemas/update'
import { TextField } from './form-fields'
import { TuningDialog } from './tuning-dialog'
import { TuningForm } from './tuning-form'
import { useTuningSubmit } from './use-tuning-submit'

const day = z
  .string()
  .refine((t) => t.trim() === '' || /^\d{4}-\d{2}-\d{2}$/.test(t.trim()), 'A date like 2026-12-04, or empty')
const schema = z.object({ start: day, end: day })
type Values = z.infer<typeof schema>
const defaults: Values = { start: '', end: '' }
const toIso = (d: string) => `${d.trim()}T00:00:00Z`

/** Answer a seller in words, optionally moving the buy's dates (a later start, an earlier end). */
export function ReplyDialog({
  campaign,
  buy,
  onClose,
}: {
  campaign: Campaign
  buy: CampaignMediaBuy
  onClose: () => void
}) {
  const form = useForm<Values>({
    resolver: zodResolver(schema),
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
      if (v.start.trim()) entry.start_time = toIso(v.start)
      if (v.end.trim()) entry.end_time = toIso(v.end)
      return entry.start_time || entry.end_time ? { mediaBuys: [entry] } : 'reply only'
    },
    fieldFor: (path) => (path.endsWith('start_time') ? 'start' : path.endsWith('end_time') ? 'end' : undefined),
  })
  const current = `${(buy.startTime ?? campaign.flightDates?.startDate ?? '').slice(0, 10) || 'not set'} → ${(buy.endTime ?? campaign.flightDates?.endDate ?? '').slice(0, 10) || 'not set'}`
  return (
    <TuningDialog
      open
      onClose={onClose}
      dirty={form.formState.isDirty || Boolean(flow.reply?.text)}
      title={`Reply and dates: ${buy.name}`}
      description={`Current dates: ${current}. Leave a date empty to keep it.`}
    >
      <TuningForm flow={flow} label="Reply to the seller" confirmLabel="Send reply">
        <div className="grid grid-cols-1 gap-x-3 sm:grid-cols-2">
          <TextField control={form.control} name="start" id="reply-start" label="New start date (optional)" />
          <TextField control={form.control} name="end" id="reply-end" label="New end date (optional)" />
        </div>
      </TuningForm>
    </TuningDialog>
  )
}
