import { Controller, useForm } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { z } from 'zod'
import type { Campaign, CampaignMediaBuy } from '@/api/schemas/campaign'
import { packageName } from '@/domain/labels'
import { buildArchiveEntry, buildCancelEntry } from '@/domain/media-buy-update'
import { Alert } from '@/components/ui/alert'
import { Checkbox } from '@/components/ui/checkbox'
import { Field, FieldError, FieldLabel } from '@/components/ui/field'
import { Textarea } from '@/components/ui/textarea'
import { TuningDialog } from './tuning-dialog'
import { TuningForm } from './tuning-form'
import { useTuningSubmit } from './use-tuning-submit'

const schema = z
  .object({
    reason: z.string().max(1000, 'At most 1,000 characters'),
    packageIds: z.array(z.string()),
    scope: z.enum(['buy', 'packages']),
  })
  .refine((v) => v.scope === 'buy' || v.packageIds.length > 0, {
    path: ['packageIds'],
    message: 'Choose at least one package',
  })
type Values = z.infer<typeof schema>

interface Props {
  campaign: Campaign
  buy: CampaignMediaBuy
  onClose: () => void
}

/** Cancel a whole buy, or only some of its packages (packageIds). Both are final. */
export function CancelDialog({
  campaign,
  buy,
  onClose,
  scope,
  packageId,
}: Props & { scope: 'buy' | 'packages'; packageId?: string }) {
  const defaults: Values = { reason: '', packageIds: packageId ? [packageId] : [], scope }
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: defaults })
  const live = (buy.packages ?? []).filter((p) => p.status !== 'canceled')
  const flow = useTuningSubmit({
    campaign,
    form,
    buyIds: [buy.mediaBuyId],
    valuesFor: () => defaults,
    onSuccess: onClose,
    build: (v) => ({
      mediaBuys: [buildCancelEntry(buy.mediaBuyId, v.reason, v.scope === 'packages' ? v.packageIds : undefined)],
    }),
    fieldFor: (path) => (path.includes('packageIds') ? 'packageIds' : path.endsWith('.reason') ? 'reason' : undefined),
  })
  const title = scope === 'buy' ? `Cancel buy: ${buy.name}` : `Cancel packages: ${buy.name}`
  return (
    <TuningDialog open onClose={onClose} dirty={form.formState.isDirty} title={title}>
      <TuningForm
        flow={flow}
        label={title}
        confirmLabel={scope === 'buy' ? 'Cancel this buy' : 'Cancel packages'}
        danger
      >
        <Alert tone="warning">
          {scope === 'buy'
            ? 'Canceling cannot be undone: the seller stops the buy and it cannot be resumed. To stop it for a while, pause the campaign instead.'
            : 'Canceled packages stop for good and cannot be resumed; the other packages of the buy keep running.'}
        </Alert>
        {scope === 'packages' ? (
          <Controller
            control={form.control}
            name="packageIds"
            render={({ field, fieldState }) => (
              <fieldset aria-describedby="cancel-packages-error">
                <legend className="text-sm font-medium">Packages to cancel</legend>
                {live.map((p) => (
                  <label key={p.packageId} className="flex items-start gap-2 text-sm">
                    <Checkbox
                      className="mt-0.5"
                      checked={field.value.includes(p.packageId)}
                      onChange={(e) =>
                        field.onChange(
                          e.target.checked
                            ? [...field.value, p.packageId]
                            : field.value.filter((id) => id !== p.packageId),
                        )
                      }
                    />
                    <span>
                      {packageName(buy, p)}
                      <span className="block font-mono text-xs text-slate-600 dark:text-slate-400">{p.packageId}</span>
                    </span>
                  </label>
                ))}
                <FieldError id="cancel-packages-error">{fieldState.error?.message}</FieldError>
              </fieldset>
            )}
          />
        ) : null}
        <Controller
          control={form.control}
          name="reason"
          render={({ field, fieldState }) => (
            <Field>
              <FieldLabel htmlFor="cancel-reason">Reason (sent to the seller)</FieldLabel>
              <Textarea id="cancel-reason" aria-invalid={fieldState.invalid || undefined} {...field} />
              <FieldError>{fieldState.error?.message}</FieldError>
            </Field>
          )}
        />
      </TuningForm>
    </TuningDialog>
  )
}

export function ArchiveDialog({ campaign, buy, onClose }: Props) {
  const form = useForm<{ ok: boolean }>({ defaultValues: { ok: true } })
  const flow = useTuningSubmit({
    campaign,
    form,
    buyIds: [buy.mediaBuyId],
    valuesFor: () => ({ ok: true }),
    onSuccess: onClose,
    build: () => ({ mediaBuys: [buildArchiveEntry(buy.mediaBuyId)] }),
  })
  return (
    <TuningDialog open onClose={onClose} dirty={false} title={`Archive: ${buy.name}`}>
      <TuningForm flow={flow} label={`Archive ${buy.name}`} confirmLabel="Archive this buy" danger>
        <Alert tone="warning">
          Archiving cannot be undone: the buy stops at its seller if it is still running, and stays in this campaign
          marked Archived, kept only for reporting; it can no longer be changed.
        </Alert>
      </TuningForm>
    </TuningDialog>
  )
}
