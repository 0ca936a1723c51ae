import clsx from 'clsx'
import { compareToPlan, flightProgress } from '@/lib/flight'
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
      <div className="whitespace-nowrap">
        {formatDate(start)} – {formatDate(end)}
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

const PLAN_TONE = {
  behind: 'text-amber-800 dark:text-amber-300',
  ahead: 'text-blue-800 dark:text-blue-300',
  on_plan: muted,
  not_started: muted,
  early: muted,
  no_plan: muted,
} as const

const BAR_TONE: Record<keyof typeof PLAN_TONE, PacingTone> = {
  behind: 'behind',
  ahead: 'ahead',
  on_plan: 'ok',
  not_started: 'none',
  early: 'none',
  no_plan: 'none',
}

/** Spend, and a word on pacing against the ideal line (src/domain/pacing.ts). */
export function SpendCell(props: {
  spend?: number
  budget?: number
  currency: string
  start?: string
  end?: string
  pacing?: string | null
  now: number
}) {
  if (props.spend === undefined) return <Muted>No delivery yet</Muted>
  const plan = compareToPlan(props)
  return (
    <div>
      <div>{formatMoney(props.spend, props.currency)}</div>
      {props.budget ? (
        <PacingBar
          className="my-1 ml-auto"
          spend={props.spend}
          budget={props.budget}
          expected={plan.ratio ? props.spend / plan.ratio : undefined}
          tone={BAR_TONE[plan.flag]}
        />
      ) : null}
      {plan.text ? <div className={clsx('text-xs', PLAN_TONE[plan.flag])}>{plan.text}</div> : null}
    </div>
  )
}
