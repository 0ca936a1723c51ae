import { Controller, useFieldArray, useForm, useWatch, type Control } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { z } from 'zod'
import type { Campaign, CampaignMediaBuy } from '@/api/schemas/campaign'
import { PACKAGE_PACINGS } from '@/api/schemas/common'
import { buildUpdateEntry, packageChanges, productChanges } from '@/domain/media-buy-update'
import { budgetChangeRisk } from '@/domain/budget-risk'
import { PACING_LABELS, packageName } from '@/domain/labels'
import { buyWithPending, proposedTerms } from '@/domain/pending-versions'
import { amountText } from '@/domain/money'
import { Field, FieldError, FieldLabel } from '@/components/ui/field'
import { Select } from '@/components/ui/select'
import { moneyText, moneyValue, optionalMoneyText, TextField } from './form-fields'
import { TuningDialog, type BuyDialogProps } from './tuning-dialog'
import { TuningForm } from './tuning-form'
import { singleBuySubmit, useTuningSubmit } from './use-tuning-submit'
import { checkBuy } from '@/domain/actions'
import { PendingBeside } from './pending-beside'
import { useProgressiveCount } from '@/lib/use-progressive-count'

const schemaFor = (currency: string) =>
  z.object({
    lines: z.array(
      z.object({
        id: z.string(),
        label: z.string(),
        budget: moneyText(currency),
        pacing: z.string(),
        bidPrice: optionalMoneyText(currency),
      }),
    ),
  })
type Values = z.infer<ReturnType<typeof schemaFor>>

/** Packages once the seller has the buy; products before (CONTRACT §4.2). */
export function budgetTarget(buy: CampaignMediaBuy): 'packages' | 'products' | null {
  if (checkBuy(buy, 'edit_packages').allowed) return 'packages'
  if (checkBuy(buy, 'edit_products').allowed) return 'products'
  return null
}

// A change waiting on the seller: the form starts from what it proposes (the live values are shown beside it).
function valuesFor(campaign: Campaign, buyId: string): Values {
  const found = buyWithPending(campaign.mediaBuys ?? [], buyId)
  if (!found) return { lines: [] }
  const buy = proposedTerms(found)
  const line = (
    id: string,
    label: string,
    l: { budget?: number | null; pacing?: string | null; bidPrice?: number | null },
  ) => ({
    id,
    label,
    budget: amountText(l.budget),
    pacing: l.pacing ?? '',
    bidPrice: amountText(l.bidPrice),
  })
  if (budgetTarget(buy) === 'products')
    return { lines: (buy.products ?? []).map((p) => line(p.productId, p.productName ?? p.productId, p)) }
  return {
    lines: (buy.packages ?? [])
      .filter((p) => p.status !== 'canceled')
      .map((p) => line(p.packageId, packageName(buy, p), p)),
  }
}

export function BudgetPacingDialog({ campaign, buy, onClose, reply }: BuyDialogProps) {
  const currency = campaign.budget?.currency ?? 'USD'
  const target = budgetTarget(buy) ?? 'packages'
  const form = useForm<Values>({
    resolver: zodResolver(schemaFor(currency)),
    defaultValues: valuesFor(campaign, buy.mediaBuyId),
  })
  const flow = useTuningSubmit({
    campaign,
    form,
    ...singleBuySubmit(buy, valuesFor, onClose, reply),
    build: (values, baseline) => {
      const before = valuesFor(baseline, buy.mediaBuyId).lines
      const toLine = (l: Values['lines'][number]) => ({
        budget: moneyValue(l.budget, currency),
        pacing: l.pacing || null,
        bidPrice: l.bidPrice.trim() ? moneyValue(l.bidPrice, currency) : null,
      })
      const entry =
        target === 'packages'
          ? buildUpdateEntry({
              mediaBuyId: buy.mediaBuyId,
              packages: packageChanges(
                before.map((l) => ({ packageId: l.id, ...toLine(l) })),
                values.lines.map((l) => ({ packageId: l.id, ...toLine(l) })),
              ),
            })
          : buildUpdateEntry({
              mediaBuyId: buy.mediaBuyId,
              products: productChanges(
                before.map((l) => ({ productId: l.id, ...toLine(l) })),
                values.lines.map((l) => ({ productId: l.id, ...toLine(l) })),
              ),
            })
      return entry ? { mediaBuys: [entry] } : 'Nothing changed: edit a budget, pacing or bid price first.'
    },
    fieldFor: (path, body) => {
      const m = /^mediaBuys\.0\.(packages|products)\.(\d+)(?:\.(budget|pacing|bidPrice))?/.exec(path)
      if (!m) return undefined
      const sent = body.mediaBuys?.[0]?.[m[1] as 'packages']?.[Number(m[2])]
      const id = sent && ('packageId' in sent ? sent.packageId : (sent as { productId?: string }).productId)
      const index = form.getValues('lines').findIndex((l) => l.id === id)
      return index < 0 ? undefined : `lines.${index}.${(m[3] ?? 'budget') as 'budget'}`
    },
  })
  // The list of lines changes only when the form is reset (a newer version of the buy); each line watches its own
  // values, so typing in one field re-renders that line alone.
  const { fields: lines } = useFieldArray({ control: form.control, name: 'lines', keyName: 'key' })
  const shown = useProgressiveCount(lines.length, FIRST_SCREEN)
  // Products hold no delivery yet; packages carry their spend, which a new budget must not fall to unnoticed.
  const current = new Map<string, { budget?: number | null; spent?: number }>(
    target === 'packages'
      ? (buy.packages ?? []).map((p) => [p.packageId, { budget: p.budget, spent: p.delivery?.spend }])
      : (buy.products ?? []).map((p) => [p.productId, { budget: p.budget }]),
  )
  return (
    <TuningDialog
      open
      onClose={onClose}
      dirty={form.formState.isDirty || Boolean(flow.reply?.text)}
      wide
      title={`Budget and pacing: ${buy.name}`}
      description={
        target === 'packages'
          ? 'Per package. Changes to an active buy wait for the seller’s approval.'
          : 'Per product: this buy has no packages yet.'
      }
    >
      <TuningForm flow={flow} label="Budget and pacing" confirmLabel="Send changes">
        <PendingBeside buy={buy} currency={currency} kinds={['budget', 'package']} />
        {lines.slice(0, shown).map((line, i) => (
          <LineFields
            key={line.key}
            control={form.control}
            index={i}
            line={line}
            currency={currency}
            current={current.get(line.id)}
          />
        ))}
      </TuningForm>
    </TuningDialog>
  )
}

/** Lines rendered at once when the dialog opens (a first screen of a wide dialog); the rest follow in the next task. */
const FIRST_SCREEN = 8

interface LineFieldsProps {
  control: Control<Values>
  index: number
  line: Values['lines'][number]
  currency: string
  current: { budget?: number | null; spent?: number } | undefined
}

function LineFields({ control, index: i, line, currency, current }: LineFieldsProps) {
  const budget = useWatch({ control, name: `lines.${i}.budget` })
  const to = moneyValue(budget, currency)
  const warning =
    to === null || !current
      ? undefined
      : budgetChangeRisk({ label: line.label, from: current.budget, to, spent: current.spent }, currency)?.field
  return (
    <fieldset className="grid grid-cols-1 gap-x-3 rounded-md border border-slate-200 p-3 sm:grid-cols-3 dark:border-slate-700">
      <legend className="px-1 text-sm font-medium">
        {line.label}
        {line.label !== line.id ? (
          <span className="ml-2 font-mono text-xs font-normal text-slate-600 dark:text-slate-400">{line.id}</span>
        ) : null}
      </legend>
      <TextField
        control={control}
        name={`lines.${i}.budget`}
        id={`budget-${i}`}
        label={`Budget (${currency})`}
        inputMode="decimal"
        warning={warning}
      />
      <Controller
        control={control}
        name={`lines.${i}.pacing`}
        render={({ field, fieldState }) => (
          <Field>
            <FieldLabel htmlFor={`pacing-${i}`}>Pacing</FieldLabel>
            <Select id={`pacing-${i}`} aria-invalid={fieldState.invalid || undefined} {...field}>
              {field.value === '' ? <option value="">Not set</option> : null}
              {PACKAGE_PACINGS.map((p) => (
                <option key={p} value={p}>
                  {PACING_LABELS[p]}
                </option>
              ))}
            </Select>
            <FieldError>{fieldState.error?.message}</FieldError>
          </Field>
        )}
      />
      <TextField
        control={control}
        name={`lines.${i}.bidPrice`}
        id={`bid-${i}`}
        label={`Bid price (${currency}, optional)`}
        inputMode="decimal"
      />
    </fieldset>
  )
}
