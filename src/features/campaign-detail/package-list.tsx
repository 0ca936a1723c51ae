import type { CampaignMediaBuy } from '@/api/schemas/campaign'
import { StatusBadge } from '@/components/status-badge'
import { formatCount, formatMoney } from '@/lib/format'
import { packageStatus, productName } from './buy-figures'

export function PackageList({ buy, currency }: { buy: CampaignMediaBuy; currency: string }) {
  const packages = buy.packages ?? []
  if (packages.length === 0) {
    return (
      <p className="text-sm text-slate-600 dark:text-slate-400">
        No packages yet: they are created when the buy is executed.
      </p>
    )
  }
  return (
    <ul aria-label={`Packages of ${buy.name}`} className="divide-y divide-slate-200 dark:divide-slate-800">
      {packages.map((pkg) => (
        <li key={pkg.packageId} className="flex flex-wrap items-center gap-x-4 gap-y-1 py-2 text-sm">
          <StatusBadge status={packageStatus(pkg.status)} />
          <span className="font-medium">{productName(buy, pkg) ?? 'Package'}</span>
          <span className="font-mono text-xs text-slate-600 dark:text-slate-400">{pkg.packageId}</span>
          <span className="ml-auto tabular-nums">
            {typeof pkg.budget === 'number' ? formatMoney(pkg.budget, pkg.budgetCurrency ?? currency) : 'No budget'}
            {pkg.pacing ? ` · ${pkg.pacing} pacing` : ''}
          </span>
          {pkg.delivery ? (
            <span className="w-full text-slate-700 tabular-nums sm:w-auto dark:text-slate-300">
              {formatCount(pkg.delivery.impressions)} impressions ·{' '}
              {formatMoney(pkg.delivery.spend, pkg.budgetCurrency ?? currency)} spent
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  )
}
