import { Controller, useForm } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { useQuery } from '@tanstack/react-query'
import { z } from 'zod'
import { campaignCreativesQueryOptions } from '@/api/creatives'
import type { Campaign, CampaignMediaBuy } from '@/api/schemas/campaign'
import { creativeChange, creativeOptions, currentCreativeChoice } from '@/domain/creatives'
import { buildUpdateEntry, type CreativeChoice } from '@/domain/media-buy-update'
import { Alert } from '@/components/ui/alert'
import { Checkbox } from '@/components/ui/checkbox'
import { FieldError } from '@/components/ui/field'
import { Radio } from '@/components/ui/radio'
import { buyWithPending, proposedTerms } from '@/domain/pending-versions'
import { PendingBeside } from './pending-beside'
import { TuningDialog, type BuyDialogProps } from './tuning-dialog'
import { TuningForm } from './tuning-form'
import { singleBuySubmit, useTuningSubmit } from './use-tuning-submit'

const schema = z
  .object({ mode: z.enum(['auto', 'explicit', 'none']), creativeIds: z.array(z.string()) })
  .refine((v) => v.mode !== 'explicit' || v.creativeIds.length > 0, {
    path: ['creativeIds'],
    message: 'Choose at least one creative, or pick “No creatives”',
  })
type Values = z.infer<typeof schema>

/** The creatives the buy serves now (auto-sync's pick, or its override). */
const inUse = (buy: CampaignMediaBuy | undefined) => (buy?.creatives ?? []).map((c) => c.creativeId)

// The form starts from a pending change's proposed creatives when one waits on the seller. Choosing "only the
// creatives I choose" starts from those the buy serves, ticked.
function valuesFor(campaign: Campaign, buyId: string): Values {
  const found = buyWithPending(campaign.mediaBuys ?? [], buyId)
  const choice = currentCreativeChoice(found ? proposedTerms(found) : {})
  return { mode: choice.mode, creativeIds: choice.mode === 'explicit' ? choice.creativeIds : inUse(found) }
}
const toChoice = (v: Values): CreativeChoice =>
  v.mode === 'explicit' ? { mode: 'explicit', creativeIds: v.creativeIds } : { mode: v.mode }

const MODES = [
  {
    value: 'auto',
    label: 'Auto-sync',
    hint: 'Every creative linked to the campaign in a format this buy accepts (the default).',
  },
  { value: 'explicit', label: 'Only the creatives I choose', hint: 'Replaces auto-sync for this buy.' },
  { value: 'none', label: 'No creatives', hint: 'Clears every creative: the buy has nothing to serve.' },
] as const

export function CreativesDialog({ campaign, buy, onClose, reply }: BuyDialogProps) {
  const manifests = useQuery(campaignCreativesQueryOptions(campaign.campaignId))
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: valuesFor(campaign, buy.mediaBuyId) })
  const options = creativeOptions(buy, manifests.data?.manifests ?? [])
  const mode = form.watch('mode')
  const flow = useTuningSubmit({
    campaign,
    form,
    ...singleBuySubmit(buy, valuesFor, onClose, reply),
    build: (values, baseline) => {
      const change = creativeChange(
        toChoice(valuesFor(baseline, buy.mediaBuyId)),
        toChoice(values),
        inUse(buyWithPending(baseline.mediaBuys ?? [], buy.mediaBuyId)),
      )
      if (change === 'unsupported')
        return 'The API has no way to return a buy with an override to auto-sync: choose the creatives explicitly instead.'
      if (!change)
        return buy.pendingChange?.differences?.creatives
          ? 'Nothing changed: these are the creatives already waiting for the seller.'
          : 'Nothing changed: the buy already serves exactly these creatives. Tick or untick one to send a change.'
      const entry = buildUpdateEntry({ mediaBuyId: buy.mediaBuyId, creatives: change })
      return entry ? { mediaBuys: [entry] } : 'Nothing changed.'
    },
    fieldFor: (path) => (path.startsWith('mediaBuys.0.creative_ids') ? 'creativeIds' : undefined),
    creativeNames: new Map(
      (manifests.data?.manifests ?? []).map((m) => [m.creative_id, { name: m.name, format: m.format_kind }]),
    ),
  })
  return (
    <TuningDialog
      open
      onClose={onClose}
      dirty={form.formState.isDirty || Boolean(flow.reply?.text)}
      wide
      title={`Creatives: ${buy.name}`}
    >
      <TuningForm flow={flow} label="Creatives" confirmLabel="Send creatives">
        <PendingBeside buy={buy} currency={campaign.budget?.currency ?? 'USD'} kinds={['creatives']} />
        <Controller
          control={form.control}
          name="mode"
          render={({ field }) => (
            <fieldset className="space-y-2">
              <legend className="text-sm font-medium">Which creatives serve on this buy</legend>
              {MODES.map((m) => (
                <div key={m.value} className="flex items-start gap-2 text-sm">
                  <Radio
                    id={`creative-mode-${m.value}`}
                    aria-describedby={`creative-mode-${m.value}-hint`}
                    name={field.name}
                    value={m.value}
                    checked={field.value === m.value}
                    onChange={() => field.onChange(m.value)}
                    className="mt-0.5"
                  />
                  <span>
                    <label htmlFor={`creative-mode-${m.value}`} className="font-medium">
                      {m.label}
                    </label>
                    <span id={`creative-mode-${m.value}-hint`} className="block text-slate-600 dark:text-slate-400">
                      {m.hint}
                    </span>
                  </span>
                </div>
              ))}
            </fieldset>
          )}
        />
        {mode === 'none' ? (
          <Alert tone="warning">With no creatives this buy cannot deliver until creatives are attached again.</Alert>
        ) : null}
        {mode === 'explicit' ? (
          <Controller
            control={form.control}
            name="creativeIds"
            render={({ field, fieldState }) => (
              <fieldset aria-describedby="creative-ids-error">
                <legend className="text-sm font-medium">Creatives linked to the campaign</legend>
                {manifests.isPending ? <p className="text-sm">Loading creatives…</p> : null}
                {manifests.isError ? <Alert tone="error">The campaign's creatives could not be loaded.</Alert> : null}
                <ul className="mt-1 space-y-1">
                  {options.map((o) => (
                    <li key={o.creativeId}>
                      <label className="flex items-start gap-2 text-sm">
                        <Checkbox
                          className="mt-0.5"
                          disabled={!o.allowed}
                          checked={field.value.includes(o.creativeId)}
                          aria-describedby={o.reason ? `why-${o.creativeId}` : undefined}
                          onChange={(e) =>
                            field.onChange(
                              e.target.checked
                                ? [...field.value, o.creativeId]
                                : field.value.filter((id) => id !== o.creativeId),
                            )
                          }
                        />
                        <span>
                          {o.name}{' '}
                          <span className="text-slate-600 dark:text-slate-400">({o.format ?? 'unknown format'})</span>
                          {o.reason ? (
                            <span id={`why-${o.creativeId}`} className="block text-slate-600 dark:text-slate-400">
                              Not available: {o.reason}
                            </span>
                          ) : null}
                        </span>
                      </label>
                    </li>
                  ))}
                </ul>
                <FieldError id="creative-ids-error">{fieldState.error?.message}</FieldError>
              </fieldset>
            )}
          />
        ) : null}
      </TuningForm>
    </TuningDialog>
  )
}
