import { useMemo } from 'react'
import type uPlot from 'uplot'
import { spendLines } from './chart-data'
import { ChartTable } from './chart-table'
import type { DeliveryRow } from './delivery-model'
import { pacingSentence } from './pacing-text'
import { groupMarkers, type TimelineMarker } from './timeline'
import { axis, bars, DARK, LIGHT, UplotChart } from './uplot-chart'
import { useIsDark } from './use-is-dark'

const PALETTE = {
  light: {
    actual: '#1d4ed8',
    ideal: '#475569',
    projection: '#b45309',
    budget: '#b91c1c',
    impressions: '#0f766e',
    clicks: '#7e22ce',
  },
  dark: {
    actual: '#93c5fd',
    ideal: '#cbd5e1',
    projection: '#fcd34d',
    budget: '#fca5a5',
    impressions: '#5eead4',
    clicks: '#d8b4fe',
  },
}

type ChartOptions = Omit<uPlot.Options, 'width' | 'height'>

function compact(v: number): string {
  return new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 }).format(v)
}

interface Props {
  row: DeliveryRow
  days: string[]
  currency: string
  markers: readonly TimelineMarker[]
}

/** The campaign's delivery over its flight: spend against plan, then daily spend, impressions and clicks. */
export default function DeliveryCharts({ row, days, currency, markers }: Props) {
  const dark = useIsDark()
  const colors = dark ? DARK : LIGHT
  const palette = dark ? PALETTE.dark : PALETTE.light
  const lines = useMemo(() => spendLines(row.daily, row.plan, row.pacing, days), [row, days])
  const grouped = useMemo(() => groupMarkers(markers), [markers])
  const markerTimes = useMemo(() => [...grouped.keys()].map((d) => Date.parse(`${d}T00:00:00Z`) / 1000), [grouped])

  const spendChart = useMemo(() => {
    const options: ChartOptions = {
      scales: { x: { time: true } },
      legend: { show: false },
      cursor: { y: false },
      axes: [axis(colors), axis(colors, { size: 56, values: (_u, vals) => vals.map(compact) })],
      series: [
        {},
        { label: 'Spend to date', stroke: palette.actual, width: 2.5, points: { show: false } },
        { label: 'Ideal', stroke: palette.ideal, width: 1.5, dash: [6, 4], points: { show: false } },
        { label: 'Projection', stroke: palette.projection, width: 2, dash: [2, 4], points: { show: false } },
        { label: 'Budget', stroke: palette.budget, width: 1, points: { show: false } },
      ],
    }
    const data: uPlot.AlignedData = [lines.x, lines.actual, lines.ideal, lines.projection, lines.budget]
    return { options, data }
  }, [colors, palette, lines])

  const dailyCharts = useMemo(() => {
    const x = row.daily.map((d) => Date.parse(`${d.date}T00:00:00Z`) / 1000)
    const make = (label: string, stroke: string, values: number[], kind: 'bars' | 'line') => {
      const options: ChartOptions = {
        scales: { x: { time: true } },
        legend: { show: false },
        cursor: { y: false },
        axes: [axis(colors), axis(colors, { size: 56, values: (_u, vals) => vals.map(compact) })],
        series: [
          {},
          kind === 'bars'
            ? { label, stroke, fill: stroke, paths: bars, points: { show: false } }
            : { label, stroke, width: 2, points: { show: false } },
        ],
      }
      const empty = values.every((v) => !v)
      return { label, stroke, options, empty, data: [x, values] as uPlot.AlignedData }
    }
    return [
      make(
        `Spend per day (${currency})`,
        palette.actual,
        row.daily.map((d) => d.spend),
        'bars',
      ),
      make(
        'Impressions per day',
        palette.impressions,
        row.daily.map((d) => d.impressions),
        'line',
      ),
      make(
        'Clicks per day',
        palette.clicks,
        row.daily.map((d) => d.clicks),
        'line',
      ),
    ]
  }, [colors, palette, row, currency])

  const legend = [
    { label: 'Spend to date', color: palette.actual, dash: false },
    { label: 'Ideal (plan)', color: palette.ideal, dash: true },
    { label: 'Projection', color: palette.projection, dash: true },
    { label: 'Budget', color: palette.budget, dash: false },
  ]

  return (
    <div className="space-y-4">
      <figure aria-labelledby="spend-chart-caption" data-slot="spend-chart">
        <figcaption id="spend-chart-caption" className="mb-2 text-sm text-slate-700 dark:text-slate-300">
          <span className="font-medium text-slate-900 dark:text-slate-100">Spend against plan. </span>
          {pacingSentence(row, currency)}
        </figcaption>
        <UplotChart
          options={spendChart.options}
          data={spendChart.data}
          height={240}
          markers={markerTimes}
          colors={colors}
        />
        <ul aria-label="Chart legend" className="mt-2 flex flex-wrap gap-4 text-xs text-slate-700 dark:text-slate-300">
          {legend.map((l) => (
            <li key={l.label} className="flex items-center gap-1.5">
              <span
                aria-hidden="true"
                className="inline-block w-5 border-t-2"
                style={{ borderColor: l.color, borderStyle: l.dash ? 'dashed' : 'solid' }}
              />
              {l.label}
            </li>
          ))}
        </ul>
      </figure>
      <div className="grid gap-4 md:grid-cols-3">
        {dailyCharts.map((c) => (
          <figure
            key={c.label}
            aria-label={
              c.empty
                ? `${c.label}: no delivery yet`
                : `${c.label}, one value per day; the figures are in the table below`
            }
          >
            <figcaption className="mb-1 text-xs font-medium text-slate-700 dark:text-slate-300">{c.label}</figcaption>
            {c.empty ? (
              // An empty axis reads as a broken chart; before the first delivered day, say so in words.
              <p
                data-slot="chart-empty"
                className="flex h-[130px] items-center justify-center rounded-md border border-dashed border-slate-300 text-sm text-slate-600 dark:border-slate-600 dark:text-slate-400"
              >
                No delivery yet
              </p>
            ) : (
              <UplotChart options={c.options} data={c.data} height={130} markers={markerTimes} colors={colors} />
            )}
          </figure>
        ))}
      </div>
      {grouped.size ? (
        <div>
          <h3 className="text-sm font-medium">Changes on the timeline</h3>
          <ol
            className="mt-1 space-y-0.5 text-xs text-slate-700 dark:text-slate-300"
            aria-label="Changes on the timeline"
          >
            {[...grouped.entries()].map(([date, ms], i) => (
              <li key={date}>
                <span className="font-semibold" style={{ color: colors.marker }}>
                  {i + 1}
                </span>{' '}
                {date}: {ms.map((m) => m.label).join('; ')}
              </li>
            ))}
          </ol>
        </div>
      ) : null}
      <ChartTable row={row} lines={lines} currency={currency} />
    </div>
  )
}
