import type { Campaign } from '@/api/schemas/campaign'
import type { ReportingMetrics } from '@/api/schemas/reporting'
import { pacingLabel } from '@/domain/labels'
import { formatCount, formatMoney } from '@/lib/format'
import type { DeliveryRow } from './delivery-model'
import { goalFigure, type GoalFigure } from './goal-metric'
import { PacingFlagBadge } from './pacing-flag-badge'

function goalText(g: GoalFigure, currency: string): string {
  if (g.unit === 'money') return formatMoney(g.value, currency)
  if (g.unit === 'percent') return `${(g.value * 100).toFixed(1)} %`
  if (g.unit === 'ratio') return `${g.value.toFixed(2)}×`
  return formatCount(g.value)
}

function Figure({ label, value, hint }: { label: string; value: React.ReactNode; hint?: React.ReactNode }) {
  return (
    <div className="rounded-md bg-slate-50 px-3 py-2 dark:bg-slate-800/60">
      <dt className="text-xs text-slate-600 dark:text-slate-400">{label}</dt>
      <dd className="text-lg font-semibold tabular-nums">{value}</dd>
      {hint ? <dd className="text-xs text-slate-600 dark:text-slate-400">{hint}</dd> : null}
    </div>
  )
}

/** The campaign's headline figures: spend against budget and plan, projection, volume and rates, the goal's metric. */
export function DeliveryFigures({
  row,
  currency,
  campaign,
  totals,
}: {
  row: DeliveryRow
  currency: string
  campaign: Campaign
  totals?: ReportingMetrics
}) {
  const money = (v: number) => formatMoney(v, currency)
  const p = row.pacing
  const goal = goalFigure(campaign, totals)
  return (
    <dl aria-label="Campaign delivery" className="grid grid-cols-2 gap-2 sm:grid-cols-4 lg:grid-cols-8">
      <Figure
        label="Spend"
        value={money(row.spend)}
        hint={row.budget ? `of ${money(row.budget)} (${Math.round((row.spend / row.budget) * 100)} %)` : undefined}
      />
      <Figure
        label="Ideal to date"
        value={p ? money(p.expectedToDate) : '—'}
        hint={
          row.plan?.periods ? 'by pacing periods' : `${pacingLabel(row.plan?.pacing ?? 'even').toLowerCase()} pacing`
        }
      />
      <Figure
        label="Projected at flight end"
        value={p && p.projectedSpend !== null ? money(p.projectedSpend) : '—'}
        hint={<PacingFlagBadge pacing={p} />}
      />
      <Figure label="Impressions" value={formatCount(row.impressions)} />
      <Figure label="Clicks" value={formatCount(row.clicks)} />
      <Figure label="CTR" value={row.ctr === null ? '—' : `${(row.ctr * 100).toFixed(2)} %`} />
      <Figure label="CPM" value={row.cpm === null ? '—' : money(row.cpm)} />
      <Figure
        label={goal ? `Goal: ${goal.label}` : 'Goal metric'}
        value={goal ? goalText(goal, currency) : '—'}
        hint={goal ? undefined : 'not in the data yet'}
      />
    </dl>
  )
}
