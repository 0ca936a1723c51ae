import { Controller, useForm } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { z } from 'zod'
import type { Campaign } from '@/api/schemas/campaign'
import { PACKAGE_PACINGS } from '@/api/schemas/common'
import { buildUpdateEntry } from '@/domain/media-buy-update'
import { BULK_PERCENT_MAX, BULK_PERCENT_MIN, budgetRisks, parseBulkPercent } from '@/domain/budget-risk'
import { floorMoney } from '@/domain/money'
import { Alert } from '@/components/ui/alert'
import { Field, FieldError, FieldLabel } from '@/components/ui/field'
import { Select } from '@/components/ui/select'
import { checkBuy } from '@/domain/actions'
import { TextField } from './form-fields'
import { TuningDialog } from './tuning-dialog'
import { TuningForm } from './tuning-form'
import { useTuningSubmit } from './use-tuning-submit'
import { PACING_LABELS } from '@/domain/labels'

const percentOf = (text: string) => {
  const parsed = parseBulkPercent(text)
  return parsed.ok ? parsed.value : null
}

const schema = z.object({
  pacing: z.enum(['', ...PACKAGE_PACINGS]),
  percent: z.string().superRefine((t, ctx) => {
    if (t.trim() === '') return
    const parsed = parseBulkPercent(t)
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message })
  }),
})
type Values = z.infer<typeof schema>
const defaults: Values = { pacing: '', percent: '' }

/** Several buys in one PUT: one mediaBuys[] entry per selected buy whose packages can change. */
export function BulkEditDialog({
  campaign,
  buyIds,
  onClose,
}: {
  campaign: Campaign
  buyIds: string[]
  onClose: () => void
}) {
  const currency = campaign.budget?.currency ?? 'USD'
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: defaults })
  const buys = (campaign.mediaBuys ?? []).filter((b) => buyIds.includes(b.mediaBuyId))
  const skipped = buys.map((b) => ({ b, check: checkBuy(b, 'edit_packages') })).filter((x) => !x.check.allowed)
  const flow = useTuningSubmit({
    campaign,
    form,
    buyIds,
    valuesFor: () => defaults,
    onSuccess: onClose,
    build: (v, baseline) => {
      const percent = percentOf(v.percent)
      const factor = percent === null ? null : percent / 100
      const entries = (baseline.mediaBuys ?? [])
        .filter((b) => buyIds.includes(b.mediaBuyId) && checkBuy(b, 'edit_packages').allowed)
        .flatMap((b) => {
          const packages = (b.packages ?? [])
            .filter((p) => p.status !== 'canceled')
            .flatMap((p) => {
              const change: { packageId: string; budget?: number; pacing?: (typeof PACKAGE_PACINGS)[number] } = {
                packageId: p.packageId,
              }
              // Rounded down to the currency (D3 rounds the same way); a budget scaled to nothing is not sent.
              const scaled =
                factor !== null && p.budget != null && factor !== 1 ? floorMoney(p.budget * factor, currency) : null
              if (scaled !== null && scaled > 0) change.budget = scaled
              if (v.pacing && v.pacing !== p.pacing) change.pacing = v.pacing
              return Object.keys(change).length > 1 ? [change] : []
            })
          const entry = buildUpdateEntry({ mediaBuyId: b.mediaBuyId, packages })
          return entry ? [entry] : []
        })
      return entries.length ? { mediaBuys: entries } : 'Nothing changed: choose a pacing or a budget percentage.'
    },
  })
  const percent = percentOf(form.watch('percent'))
  // The field says which packages the percentage would take to or below their spend, with the figures.
  const percentRisks =
    percent === null
      ? []
      : budgetRisks(
          buys
            .filter((b) => checkBuy(b, 'edit_packages').allowed)
            .flatMap((b) => b.packages ?? [])
            .filter((p) => p.status !== 'canceled' && p.budget != null)
            .map((p) => ({
              label: p.packageId,
              from: null,
              to: floorMoney((p.budget ?? 0) * (percent / 100), currency),
              spent: p.delivery?.spend,
            })),
          currency,
        )
  const percentWarning = percentRisks.length
    ? percentRisks.map((r) => `${r.label}: ${r.field.charAt(0).toLowerCase()}${r.field.slice(1)}`).join('; ')
    : percent !== null && percent < 50
      ? 'A cut of more than half: the review asks you to confirm'
      : undefined
  return (
    <TuningDialog
      open
      onClose={onClose}
      dirty={form.formState.isDirty}
      title={`Edit ${buyIds.length} selected buys`}
      description="One request for all of them."
    >
      <TuningForm flow={flow} label="Bulk edit" confirmLabel="Send changes">
        {skipped.length > 0 ? (
          <Alert tone="info">Left out: {skipped.map((s) => `${s.b.name} (${s.check.reason})`).join('; ')}</Alert>
        ) : null}
        <Controller
          control={form.control}
          name="pacing"
          render={({ field }) => (
            <Field>
              <FieldLabel htmlFor="bulk-pacing">Set pacing on every package</FieldLabel>
              <Select id="bulk-pacing" {...field}>
                <option value="">Leave unchanged</option>
                {PACKAGE_PACINGS.map((p) => (
                  <option key={p} value={p}>
                    {PACING_LABELS[p]}
                  </option>
                ))}
              </Select>
              <FieldError />
            </Field>
          )}
        />
        <TextField
          control={form.control}
          name="percent"
          id="bulk-percent"
          label={`Scale package budgets to (% of now, ${BULK_PERCENT_MIN}–${BULK_PERCENT_MAX}, rounded down to the cent)`}
          inputMode="decimal"
          warning={percentWarning}
        />
      </TuningForm>
    </TuningDialog>
  )
}
