import clsx from 'clsx'
import { pacingText, type PacingJudgement, type PacingVerdict } from '@/domain/pacing'
import { flightProgress } from '@/lib/flight'
import { formatDate, formatMoney } from '@/lib/format'
import { PacingBar, type PacingTone } from './pacing-bar'

const muted = 'text-slate-600 dark:text-slate-400'

export function Muted({ children }: { children: React.ReactNode }) {
  return <span className={muted}>{children}</span>
}

/** Dates, and while running a small bar with "day 12 of 30" (the text carries it; the bar is decoration). */
export function FlightCell({ start, end, now }: { start?: string; end?: string; now: number }) {
  if (!start || !end || start === 'asap') {
    return end ? <span>until {formatDate(end)}</span> : <Muted>Flight of the campaign</Muted>
  }
  const progress = flightProgress(start, end, now)
  return (
    <div className="space-y-1">
      <div>
        <span className="whitespace-nowrap">{formatDate(start)} –</span>{' '}
        <span className="whitespace-nowrap">{formatDate(end)}</span>
      </div>
      {progress ? (
        <div className="flex items-center gap-2 text-xs">
          <span aria-hidden="true" className="h-1.5 w-14 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700">
            <span
              className="block h-full rounded-full bg-slate-600 dark:bg-slate-300"
              style={{ width: `${Math.round(progress.fraction * 100)}%` }}
            />
          </span>
          <span className={muted}>{progress.text}</span>
        </div>
      ) : null}
    </div>
  )
}

export function MoneyCell({ amount, currency }: { amount?: number | null; currency: string }) {
  return typeof amount === 'number' ? <span>{formatMoney(amount, currency)}</span> : <Muted>—</Muted>
}

const TEXT_TONE: Record<PacingVerdict, string> = {
  underpacing: 'text-amber-800 dark:text-amber-300',
  overpacing: 'text-blue-800 dark:text-blue-300',
  over_budget: 'text-red-800 dark:text-red-300',
  budget_exhausted: 'text-red-800 dark:text-red-300',
  on_pace: muted,
  not_started: muted,
  too_early: muted,
  ended: muted,
  no_data: muted,
}

/** The bar's colour for a verdict (the tree, the pacing table and Monitor use the same). */
export const BAR_TONE: Record<PacingVerdict, PacingTone> = {
  underpacing: 'behind',
  overpacing: 'ahead',
  over_budget: 'over',
  budget_exhausted: 'over',
  on_pace: 'ok',
  not_started: 'none',
  too_early: 'none',
  ended: 'none',
  no_data: 'none',
}

/** Spend, and the pacing verdict of the row (src/domain/pacing.ts judges it, the same on every screen). */
export function SpendCell({
  spend,
  currency,
  pacing,
}: {
  spend?: number
  currency: string
  pacing: PacingJudgement | null
}) {
  if (spend === undefined) return <Muted>No delivery yet</Muted>
  return (
    <div>
      <div>{formatMoney(spend, currency)}</div>
      {pacing ? (
        <>
          <PacingBar
            className="my-1 ml-auto"
            spend={pacing.figures.spent}
            budget={pacing.figures.budget}
            expected={pacing.ratio !== null ? pacing.figures.expectedToDate : undefined}
            tone={BAR_TONE[pacing.verdict]}
          />
          <div data-pacing={pacing.verdict} className={clsx('text-xs', TEXT_TONE[pacing.verdict])}>
            {pacingText(pacing)}
          </div>
        </>
      ) : null}
    </div>
  )
}
