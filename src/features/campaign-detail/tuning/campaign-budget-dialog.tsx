import { useForm } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { z } from 'zod'
import type { Campaign } from '@/api/schemas/campaign'
import type { MediaBuyAction } from '@/api/schemas/update'
import {
  explicitBudgetsByBuy,
  liveAllocationUnits,
  scalePackageBudgets,
  sumMoney,
  type ExplicitBudgets,
} from '@/domain/budget'
import { buySpend } from '@/components/campaign-tree/buy-figures'
import { budgetChangeRisk } from '@/domain/budget-risk'
import { amountText } from '@/domain/money'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { moneyText, moneyValue, optionalMoneyText, TextField } from './form-fields'
import { TuningDialog } from './tuning-dialog'
import { TuningForm } from './tuning-form'
import { useTuningSubmit } from './use-tuning-submit'

const schemaFor = (currency: string) =>
  z.object({
    total: moneyText(currency),
    lines: z.array(z.object({ id: z.string(), amount: optionalMoneyText(currency) })),
  })
type Values = z.infer<ReturnType<typeof schemaFor>>

const valuesFor = (c: Campaign): Values => ({
  total: amountText(c.budget?.total),
  lines: liveAllocationUnits(c.mediaBuys ?? []).map((u) => ({ id: u.packageId, amount: '' })),
})

const toEntries = (groups: ExplicitBudgets[]): MediaBuyAction[] =>
  groups.map((g) => ({
    mediaBuyId: g.mediaBuyId,
    ...(g.packages.length ? { packages: g.packages } : {}),
    ...(g.products.length ? { products: g.products } : {}),
  }))

/** D3: the new total, the package budgets it leads to, and explicit amounts where the buyer wants them. */
export function CampaignBudgetDialog({ campaign, onClose }: { campaign: Campaign; onClose: () => void }) {
  const currency = campaign.budget?.currency ?? 'USD'
  const form = useForm<Values>({ resolver: zodResolver(schemaFor(currency)), defaultValues: valuesFor(campaign) })
  const units = liveAllocationUnits(campaign.mediaBuys ?? [])
  const explicitOf = (v: Values) =>
    new Map(
      v.lines.flatMap((l) =>
        l.amount.trim() && moneyValue(l.amount, currency) !== null ? [[l.id, moneyValue(l.amount, currency) ?? 0]] : [],
      ),
    )
  const flow = useTuningSubmit({
    campaign,
    form,
    buyIds: 'all',
    valuesFor,
    onSuccess: onClose,
    build: (v, baseline) => {
      const total = moneyValue(v.total, currency)
      const explicit = explicitOf(v)
      const entries = toEntries(explicitBudgetsByBuy(liveAllocationUnits(baseline.mediaBuys ?? []), explicit))
      const changedTotal = total !== null && total !== baseline.budget?.total
      if (!changedTotal && entries.length === 0) return 'Nothing changed: type a new total or package amounts.'
      return {
        ...(changedTotal && total !== null ? { budget: { total } } : {}),
        ...(entries.length ? { mediaBuys: entries } : {}),
      }
    },
    fieldFor: (path) => (path.startsWith('budget') ? 'total' : undefined),
  })
  const values = form.watch()
  const total = moneyValue(values.total, currency)
  const preview =
    total !== null ? scalePackageBudgets({ newTotal: total, packages: units, explicit: explicitOf(values) }) : null
  const spendOf = (packageId: string) =>
    (campaign.mediaBuys ?? []).flatMap((b) => b.packages ?? []).find((p) => p.packageId === packageId)?.delivery?.spend
  const campaignSpent = sumMoney((campaign.mediaBuys ?? []).map((b) => buySpend(b) ?? 0))
  const totalWarning =
    total === null
      ? undefined
      : budgetChangeRisk(
          { label: 'The campaign total', from: campaign.budget?.total, to: total, spent: campaignSpent },
          currency,
        )?.field
  const lineWarning = (i: number, packageId: string) => {
    const typed = values.lines[i]?.amount.trim() ? moneyValue(values.lines[i].amount, currency) : null
    const after = typed ?? (preview?.kind === 'scaled' ? preview.budgets.get(packageId) : undefined)
    if (after === undefined || after === null) return undefined
    const risk = budgetChangeRisk(
      { label: packageId, from: typed === null ? null : units[i]?.budget, to: after, spent: spendOf(packageId) },
      currency,
    )
    return risk?.field
  }
  const insufficient = flow.lastError?.code === 'INSUFFICIENT_MEDIA_BUDGET'
  const resendProportional = () => {
    if (total === null) return
    const scaled = scalePackageBudgets({ newTotal: total, packages: units })
    if (scaled.kind !== 'scaled') return
    flow.review({ budget: { total }, mediaBuys: toEntries(explicitBudgetsByBuy(units, scaled.budgets)) })
  }
  return (
    <TuningDialog
      open
      onClose={onClose}
      dirty={form.formState.isDirty}
      wide
      title="Campaign budget"
      description="Lowering the total below what live packages hold scales them proportionally, rounded down to the cent. Type an amount on a package to set it yourself."
    >
      <TuningForm
        flow={flow}
        label="Campaign budget"
        confirmLabel="Change budget"
        extra={
          insufficient ? (
            <Alert tone="warning" className="mb-3">
              <p>
                The platform refused: the package amounts exceed the new total. It can be sent again with every package
                budget written out proportionally, in one request.
              </p>
              <Button size="sm" className="mt-2" onClick={resendProportional}>
                Resend with proportional package budgets
              </Button>
            </Alert>
          ) : null
        }
      >
        <TextField
          control={form.control}
          name="total"
          id="campaign-total"
          label={`Total budget (${currency})`}
          inputMode="decimal"
          warning={totalWarning}
        />
        {preview?.kind === 'insufficient' ? (
          <Alert tone="error">
            The package amounts you typed ({flow.money(preview.explicitTotal)}) exceed the new total.
          </Alert>
        ) : null}
        <table className="w-full text-sm">
          <caption className="mb-1 text-left font-medium">Package budgets after the change</caption>
          <thead>
            <tr className="text-left">
              <th scope="col">Package</th>
              <th scope="col">Now</th>
              <th scope="col">After</th>
              <th scope="col">Set explicitly</th>
            </tr>
          </thead>
          <tbody>
            {units.map((u, i) => (
              <tr key={u.packageId} className="align-top">
                <th scope="row" className="pr-2 text-left font-normal break-all">
                  {u.packageId}
                </th>
                <td className="pr-2">{flow.money(u.budget)}</td>
                <td className="pr-2" data-testid={`after-${u.packageId}`}>
                  {flow.money(
                    preview?.kind === 'scaled'
                      ? (preview.budgets.get(u.packageId) ?? u.budget)
                      : (explicitOf(values).get(u.packageId) ?? u.budget),
                  )}
                </td>
                <td>
                  <TextField
                    control={form.control}
                    name={`lines.${i}.amount`}
                    id={`explicit-${i}`}
                    label={`Amount for ${u.packageId}`}
                    inputMode="decimal"
                    warning={lineWarning(i, u.packageId)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TuningForm>
    </TuningDialog>
  )
}
