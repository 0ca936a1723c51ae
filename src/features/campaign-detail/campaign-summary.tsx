import type { Campaign } from '@/api/schemas/campaign'
import { formatDateRange, formatMoney } from '@/lib/format'

export function CampaignSummaryFacts({
  campaign,
  advertiserName,
}: {
  campaign: Campaign
  advertiserName: React.ReactNode
}) {
  const currency = campaign.budget?.currency
  return (
    <dl className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4 dark:border-slate-800 dark:bg-slate-900">
      <Fact term="Advertiser">{advertiserName}</Fact>
      <Fact term="Flight">
        {campaign.flightDates
          ? formatDateRange(campaign.flightDates.startDate, campaign.flightDates.endDate)
          : 'Not set'}
      </Fact>
      <Fact term="Budget">
        {campaign.budget && currency ? formatMoney(campaign.budget.total, currency) : 'Not set'}
      </Fact>
      <Fact term="Allocated / unallocated">
        {currency && campaign.allocatedBudget !== undefined && campaign.unallocatedBudget !== undefined
          ? `${formatMoney(campaign.allocatedBudget, currency)} / ${formatMoney(campaign.unallocatedBudget, currency)}`
          : 'Not reported'}
      </Fact>
    </dl>
  )
}

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-400">{term}</dt>
      <dd className="mt-1 tabular-nums">{children}</dd>
    </div>
  )
}
