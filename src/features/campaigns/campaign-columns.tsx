import { Link } from '@tanstack/react-router'
import { createColumnHelper } from '@tanstack/react-table'
import type { CampaignSummary } from '@/api/schemas/campaign'
import { formatDateRange, formatMoney } from '@/lib/format'
import { CampaignRollUpCell } from '@/components/campaign-rollup-cell'

const column = createColumnHelper<CampaignSummary>()

export function campaignColumns(advertiserNames: ReadonlyMap<string, string>) {
  return [
    column.accessor('name', {
      header: 'Campaign',
      cell: ({ row }) => (
        <Link
          to="/campaigns/$campaignId"
          params={{ campaignId: row.original.campaignId }}
          className="font-medium text-blue-800 underline-offset-2 hover:underline dark:text-blue-300"
        >
          {row.original.name}
        </Link>
      ),
    }),
    column.accessor((c) => advertiserNames.get(c.advertiserId) ?? c.advertiserId, {
      id: 'advertiser',
      header: 'Advertiser',
    }),
    column.accessor('flightDates', {
      header: 'Flight',
      cell: ({ getValue }) => {
        const flight = getValue()
        return flight ? formatDateRange(flight.startDate, flight.endDate) : <NotSet />
      },
    }),
    column.accessor('budget', {
      header: () => <span className="block text-right">Budget</span>,
      cell: ({ getValue }) => {
        const budget = getValue()
        return (
          <span className="block text-right tabular-nums">
            {budget ? formatMoney(budget.total, budget.currency) : <NotSet />}
          </span>
        )
      },
    }),
    column.display({
      id: 'status',
      header: 'Status',
      cell: ({ row }) => (
        <CampaignRollUpCell campaignId={row.original.campaignId} campaignStatus={row.original.status} />
      ),
    }),
  ]
}

function NotSet() {
  return <span className="text-slate-600 dark:text-slate-400">Not set</span>
}
