import type { Campaign } from '@/api/schemas/campaign'
import type { ReportingMetrics } from '@/api/schemas/reporting'

export interface GoalFigure {
  label: string
  value: number
  unit: 'money' | 'percent' | 'ratio' | 'count'
}

function goalKinds(campaign: Campaign): { kind?: unknown; metric?: unknown }[] {
  const fromCampaign = (campaign.performanceConfig?.optimizationGoals ?? []).filter(
    (g): g is { kind?: unknown; metric?: unknown } => typeof g === 'object' && g !== null,
  )
  const fromBuys = (campaign.mediaBuys ?? []).flatMap((b) => b.optimizationGoals ?? [])
  return [...fromCampaign, ...fromBuys]
}

/** The first optimization goal's own metric, where the reporting totals carry what it needs; otherwise null. */
export function goalFigure(campaign: Campaign, totals: ReportingMetrics | undefined): GoalFigure | null {
  if (!totals) return null
  const spend = totals.spend ?? 0
  for (const goal of goalKinds(campaign)) {
    if (goal.kind === 'event') {
      if (totals.roas != null) return { label: 'Return on ad spend', value: totals.roas, unit: 'ratio' }
      if (totals.conversions) return { label: 'Cost per conversion', value: spend / totals.conversions, unit: 'money' }
      continue
    }
    switch (goal.metric) {
      case 'clicks':
        if (totals.clicks) return { label: 'Cost per click', value: spend / totals.clicks, unit: 'money' }
        break
      case 'completed_views':
        if (totals.completionRate != null)
          return { label: 'Completion rate', value: totals.completionRate, unit: 'percent' }
        break
      case 'views':
        if (totals.views) return { label: 'Cost per view', value: spend / totals.views, unit: 'money' }
        break
    }
  }
  return null
}
