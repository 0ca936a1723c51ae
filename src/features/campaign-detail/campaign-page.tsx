import { useState, type ComponentType } from 'react'
import { useQuery, useSuspenseQuery } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { advertiserListQueryOptions } from '@/api/advertisers'
import { campaignDetailQueryOptions, campaignPollInterval } from '@/api/campaigns'
import { pollWithBackoff } from '@/api/polling'
import { AdvertiserName } from '@/components/advertiser-name'
import type { Campaign } from '@/api/schemas/campaign'
import { RefreshProblem } from '@/components/refresh-problem'
import { Freshness } from '@/components/freshness'
import { LiveAnnouncer } from '@/components/live-announcer'
import { StatusBadge } from '@/components/status-badge'
import { StatusLegend } from '@/components/status-legend'
import { campaignRollUp } from '@/domain/rollup'
import { useDocumentTitle } from '@/lib/use-document-title'
import { useNow } from '@/lib/use-now'
import { BuyTree } from './buy-tree'
import { CampaignDialogs } from './campaign-dialogs'
import { CampaignRollUpBadge } from './campaign-rollup-badge'
import { CampaignSummaryFacts } from './campaign-summary'
import { campaignRoute } from './route-api'
import { SyncWithSellers } from './sync-with-sellers'
import { ExecuteButton } from './execution/execute-button'
import { ExecutePanel } from './execution/execute-panel'
import { CampaignTuningActions } from './tuning/campaign-tuning-actions'

/** A part of the page another feature draws for the campaign; the route composes them. */
export type CampaignSection = ComponentType<{ campaign: Campaign }>

interface Props {
  /** Between the header and the buys, after the execute result (optimization suggestions…). */
  panels?: readonly CampaignSection[]
  /** After the buys: what they delivered, the change history… */
  sections?: readonly CampaignSection[]
}

/**
 * The campaign page: header actions, execute result, the buy tree with its row actions, and the page's dialogs,
 * mounted once and opened from the URL.
 */
export function CampaignPage({ panels = [], sections = [] }: Props) {
  const { campaignId } = campaignRoute.useParams()
  // CONTRACT D4: 15 s while a buy is in flight, 60 s otherwise; Query pauses while the tab is hidden.
  const detail = useSuspenseQuery({
    ...campaignDetailQueryOptions(campaignId),
    refetchInterval: pollWithBackoff(campaignPollInterval),
  })
  const advertisers = useQuery(advertiserListQueryOptions())
  const now = useNow(60_000)
  // Buys picked in the tree for a bulk edit; a bulk edit that closes clears them.
  const [selected, setSelected] = useState<string[]>([])
  const campaign = detail.data
  const rollUpStatus = campaignRollUp({
    status: campaign.status,
    mediaBuys: campaign.mediaBuys ?? [],
  }).status
  useDocumentTitle(campaign.name)
  const advertiserName = (
    <AdvertiserName
      id={campaign.advertiserId}
      name={advertisers.data?.items.find((a) => a.id === campaign.advertiserId)?.name}
      loading={advertisers.isPending}
    />
  )

  return (
    <>
      <LiveAnnouncer />
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link to="/campaigns" className="text-blue-800 underline dark:text-blue-300">
          Campaigns
        </Link>
      </nav>
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">{campaign.name}</h1>
        <CampaignRollUpBadge campaign={campaign} />
        {/* The campaign's own lifecycle, when the badge (its buys' roll-up) says something else. */}
        {rollUpStatus !== campaign.status ? (
          <span className="flex items-center gap-1 text-sm text-slate-700 dark:text-slate-300">
            campaign lifecycle: <StatusBadge status={campaign.status} />
          </span>
        ) : null}
        <Freshness updatedAt={detail.dataUpdatedAt} isFetching={detail.isFetching} />
        <div className="ml-auto flex flex-wrap items-center gap-2">
          <ExecuteButton campaign={campaign} />
          <CampaignTuningActions campaign={campaign} />
        </div>
      </div>
      <RefreshProblem
        error={detail.error}
        hasData
        updatedAt={detail.dataUpdatedAt}
        what="this campaign"
        onRetry={() => void detail.refetch()}
        isFetching={detail.isFetching}
      />
      <CampaignSummaryFacts campaign={campaign} advertiserName={advertiserName} />
      <SyncWithSellers campaign={campaign} />
      <ExecutePanel campaign={campaign} />
      {panels.map((Panel, i) => (
        <Panel key={i} campaign={campaign} />
      ))}
      <section aria-labelledby="buys-title" className="mt-6">
        <h2 id="buys-title" className="mb-3 text-lg font-semibold">
          Media buys ({campaign.mediaBuys?.length ?? 0})
        </h2>
        <BuyTree campaign={campaign} now={now} selected={selected} onSelectedChange={setSelected} />
      </section>
      {sections.map((Section, i) => (
        <Section key={i} campaign={campaign} />
      ))}
      <div className="mt-6">
        <StatusLegend />
      </div>
      <CampaignDialogs campaign={campaign} onBulkClosed={() => setSelected([])} />
    </>
  )
}
