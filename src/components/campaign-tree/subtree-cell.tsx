import type { ReactNode } from 'react'
import type { Campaign, CampaignMediaBuy, CampaignPackage } from '@/api/schemas/campaign'
import { StatusBadge } from '@/components/status-badge'
import { buyPacing, packagePacing } from '@/domain/pacing-levels'
import { effectivePackageStatus } from '@/domain/rollup'
import { packageName } from '@/domain/labels'
import { buyBudget, buyNameUnder, buySpend } from './buy-figures'
import { BuyDetails, BuyParty, BuyStatusCell } from './buy-cells'
import { FlightCell, MoneyCell, Muted, SpendCell } from './figure-cells'
import { changeCells, PackageDetails } from './package-cells'
import type { TreeRowData } from './row-model'

export interface SubtreeCellOptions {
  now: number
  /** Before the buy's name, e.g. a selection checkbox. */
  buyLead?: (campaign: Campaign, buy: CampaignMediaBuy) => ReactNode
  buyActions?: (campaign: Campaign, buy: CampaignMediaBuy) => ReactNode
  packageActions?: (campaign: Campaign, buy: CampaignMediaBuy, pkg: CampaignPackage) => ReactNode
}

type SubtreeRow = Exclude<TreeRowData, { kind: 'campaign' }>

/** Cells of the rows below a campaign (buys, pending changes, packages, notes), the same in the list and the page. */
export function renderSubtreeCell(data: SubtreeRow, columnId: string, options: SubtreeCellOptions): ReactNode {
  if (data.kind === 'note') {
    if (columnId !== 'name') return null
    return (
      <span className={data.tone === 'error' ? 'text-red-800 dark:text-red-300' : 'text-slate-600 dark:text-slate-400'}>
        {data.text}
      </span>
    )
  }
  const currency = data.campaign.budget?.currency ?? 'USD'
  const flight = data.campaign.flightDates
  if (data.kind === 'buy') {
    const { buy, campaign } = data
    const start = buy.startTime && buy.startTime !== 'asap' ? buy.startTime : flight?.startDate
    const end = buy.endTime ?? flight?.endDate
    const budget = buyBudget(buy)
    switch (columnId) {
      case 'name':
        return (
          <div className="flex items-start gap-2">
            {options.buyLead?.(campaign, buy)}
            <div className="min-w-0">
              <div className="font-medium break-words" title={buy.name}>
                {buyNameUnder(buy.name, campaign.name)}
              </div>
              <div className="truncate font-mono text-xs text-slate-600 dark:text-slate-400">{buy.mediaBuyId}</div>
            </div>
          </div>
        )
      case 'party':
        return <BuyParty buy={buy} />
      case 'flight':
        return <FlightCell start={start} end={end} now={options.now} />
      case 'budget':
        return <MoneyCell amount={budget} currency={currency} />
      case 'spend':
        return (
          <SpendCell
            spend={buySpend(buy)}
            currency={currency}
            pacing={buyPacing(campaign, buy, new Date(options.now))}
          />
        )
      case 'status':
        return <BuyStatusCell buy={buy} />
      case 'details':
        return (
          <div className="flex flex-wrap items-center gap-2">
            <BuyDetails campaign={campaign} buy={buy} />
            {options.buyActions?.(campaign, buy)}
          </div>
        )
    }
    return null
  }
  if (data.kind === 'change') {
    const cells = changeCells({ change: data.change, buy: data.buy, currency })
    if (columnId === 'name') return <span className="font-medium">Pending change</span>
    if (columnId === 'flight' || columnId === 'budget' || columnId === 'status' || columnId === 'details')
      return cells[columnId] ?? <Muted>unchanged</Muted>
    return null
  }
  const { buy, pkg, campaign } = data
  const start = pkg.startTime ?? (buy.startTime !== 'asap' ? buy.startTime : undefined) ?? flight?.startDate
  const end = pkg.endTime ?? buy.endTime ?? flight?.endDate
  const pkgCurrency = pkg.budgetCurrency ?? currency
  switch (columnId) {
    case 'name':
      return (
        <div className="min-w-0">
          <div>{packageName(buy, pkg)}</div>
          <div className="truncate font-mono text-xs text-slate-600 dark:text-slate-400">{pkg.packageId}</div>
        </div>
      )
    case 'flight':
      return <FlightCell start={start} end={end} now={options.now} />
    case 'budget':
      return <MoneyCell amount={pkg.budget} currency={pkgCurrency} />
    case 'spend':
      return (
        <SpendCell
          spend={pkg.delivery?.spend}
          currency={pkgCurrency}
          pacing={packagePacing(data.campaign, buy, pkg, new Date(options.now))}
        />
      )
    case 'status':
      return <StatusBadge status={effectivePackageStatus(buy.status, pkg.status)} />
    case 'details':
      return (
        <div className="flex flex-wrap items-center gap-2">
          <PackageDetails pkg={pkg} currency={pkgCurrency} />
          {options.packageActions?.(campaign, buy, pkg)}
        </div>
      )
  }
  return null
}
