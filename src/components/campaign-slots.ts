import type { ComponentType } from 'react'
import type { Campaign, CampaignMediaBuy, CampaignPackage } from '@/api/schemas/campaign'

/**
 * What other features put on the campaign page. Features never import each other: the route composes them,
 * passing each feature's components into the page through these slots. Every slot is a list, rendered in order.
 */
export interface CampaignSlots {
  /** Header actions for the whole campaign (execute, pause/reactivate, budget, frequency caps…). */
  campaignActions?: ComponentType<{ campaign: Campaign }>[]
  /** Actions in a media buy's tree row. */
  buyActions?: ComponentType<{ campaign: Campaign; buy: CampaignMediaBuy }>[]
  /** Actions in a package's tree row. */
  packageActions?: ComponentType<{ campaign: Campaign; buy: CampaignMediaBuy; pkg: CampaignPackage }>[]
  /** Notices across a buy's row, under its cells (what came of a change made from that row). */
  buyNotices?: ComponentType<{ campaign: Campaign; buy: CampaignMediaBuy }>[]
  /** The same for a package's row. */
  packageNotices?: ComponentType<{ campaign: Campaign; buy: CampaignMediaBuy; pkg: CampaignPackage }>[]
  /** Actions on the media buys selected in the tree (one request for several buys). */
  bulkActions?: ComponentType<{ campaign: Campaign; selectedBuyIds: string[]; clearSelection: () => void }>[]
  /** Sections between the header and the tree (execute result and failures…). */
  panels?: ComponentType<{ campaign: Campaign }>[]
  /** Sections after the media buys: what they delivered (delivery overview), then the change history. */
  sections?: ComponentType<{ campaign: Campaign }>[]
}
