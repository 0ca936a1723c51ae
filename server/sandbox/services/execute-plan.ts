import type { Ctx } from '../context.ts'
import type { AdcpPackageRequest } from '../agents/adcp.ts'
import type { CampaignRow } from '../repo/rows.ts'
import { parseJson } from '../repo/store.ts'
import { ApiError, invalidState, notFound } from '../http/errors.ts'
import { checkExecute } from '../../../src/domain/campaign-actions.ts'
import { acceptedFormats, effectiveCreatives, loadGraph } from './views.ts'
import { moveBuy } from './transitions.ts'
import { reconcileSelectedProducts } from './reconcile.ts'
import { buildPackages } from './packages.ts'
import { nextSubmission, type Dispatch } from './dispatches.ts'
import { creativeSyncRequest } from './creative-sync.ts'

export interface Plan {
  campaign: CampaignRow
  dispatches: Dispatch[]
  warnings: Record<string, unknown>[]
}

/** Execute steps 1 and 2 up to the wire: reconcile the selection, then one create_media_buy per DRAFT buy. */
export function planExecute(ctx: Ctx, campaignId: string): Plan {
  const campaign = ctx.store.campaign(campaignId)
  if (!campaign) throw notFound('Campaign')
  const executable = checkExecute(campaign.status)
  if (!executable.allowed) throw invalidState(executable.reason!)
  const now = ctx.clock.now()
  reconcileSelectedProducts(ctx, campaign)
  // FAILED buys are retried: back to DRAFT, then submitted with the others.
  for (const b of ctx.store.buysOf(campaignId)) if (b.status === 'FAILED') moveBuy(ctx, b, 'DRAFT', {}, null)

  const graph = loadGraph(ctx, campaign)
  const drafts = graph.buys.filter((b) => b.status === 'DRAFT')
  const advertiser = ctx.store.advertiser(campaign.advertiser_id)
  if (advertiser?.credit_limit != null && drafts.length) {
    const needed = drafts.reduce(
      (sum, b) => sum + (graph.buyProducts.get(b.id) ?? []).reduce((s, p) => s + (p.budget ?? 0), 0),
      0,
    )
    const available = advertiser.credit_limit - advertiser.credit_used
    if (needed > available)
      throw new ApiError(
        402,
        'CREDIT_LIMIT_EXCEEDED',
        `Executing needs ${needed.toFixed(2)} ${campaign.currency} of credit; ${Math.max(0, available).toFixed(2)} is available`,
        undefined,
        { creditLimit: advertiser.credit_limit, creditUsed: advertiser.credit_used, required: needed },
      )
  }

  const warnings: Record<string, unknown>[] = []
  const stale: string[] = []
  const dispatches: Dispatch[] = []
  for (const buy of drafts) {
    const products = graph.buyProducts.get(buy.id) ?? []
    if (products.length === 0) continue
    const packages = buildPackages(ctx, campaign, buy, products)
    const creatives = effectiveCreatives(ctx, buy, products, graph.creatives)
    const accepted = acceptedFormats(ctx, products)
    const dropped = buy.creative_ids_json ? [] : graph.creatives.filter((c) => !accepted.has(c.format_kind))
    if (dropped.length)
      warnings.push({
        type: 'creatives_dropped',
        mediaBuyId: buy.id,
        dropped: dropped.map((c) => ({
          creativeId: c.id,
          formatId: c.format_id,
          reason: `format ${c.format_kind} is not accepted by this buy's products`,
        })),
      })
    const start = buy.start_time ?? campaign.flight_start
    const startPassed = start !== 'asap' && Date.parse(start) < now.getTime()
    if (startPassed) stale.push(buy.id)
    const goals = parseJson<unknown[]>(buy.optimization_goals_json)
    const { submission, key, recheck } = nextSubmission(ctx, buy.id)
    dispatches.push({
      buyId: buy.id,
      agentId: buy.sales_agent_id,
      submission,
      recheck,
      sync: creativeSyncRequest(creatives.filter((c) => accepted.has(c.format_kind))),
      request: {
        buyer_ref: buy.id,
        account: { account_id: `adv_${campaign.advertiser_id}` },
        brand: { domain: advertiser?.brand ?? 'example.com', name: advertiser?.name ?? campaign.advertiser_id },
        po_number: campaign.id,
        total_budget: {
          amount: round2(packages.reduce((s, p) => s + (p.budget ?? 0), 0)),
          currency: campaign.currency,
        },
        // Stable for every attempt of this submission, so a resend after a crash or a timeout finds the same order.
        ext: { idempotency_key: key },
        start_time: startPassed ? 'asap' : start,
        end_time: buy.end_time ?? campaign.flight_end,
        packages: packages.map((p) => ({
          buyer_ref: p.id,
          product_id: p.product_id,
          budget: p.budget ?? 0,
          pricing_option_id:
            products.find((x) => x.product_id === p.product_id)?.pricing_option_id ??
            ctx.store.product(p.product_id)?.pricing_option_id ??
            'default',
          pacing: adcpPacing(p.pacing),
          ...(p.bid_price != null ? { bid_price: p.bid_price } : {}),
          ...(p.start_time ? { start_time: p.start_time } : {}),
          ...(p.end_time ? { end_time: p.end_time } : {}),
          ...(goals?.length ? { optimization_goals: goals } : {}),
          creative_ids: creatives.map((c) => c.id),
        })),
        push_notification_config: {
          url: ctx.webhookUrl,
          token: ctx.webhookToken,
          operation_id: buy.id,
          authentication: { schemes: ['Bearer'], credentials: ctx.webhookToken },
        },
      },
    })
  }
  if (stale.length)
    warnings.push({
      type: 'stale_draft',
      mediaBuyIds: stale,
      hint: 'The flight start of these drafts has passed; they were sent with start_time "asap". Review their dates.',
    })
  return { campaign, dispatches, warnings }
}

/** AdCP knows three pacings; anything else the platform stores goes out as even. */
function adcpPacing(pacing: string | null | undefined): AdcpPackageRequest['pacing'] {
  return pacing === 'asap' || pacing === 'front_loaded' ? pacing : 'even'
}

function round2(n: number): number {
  return Math.round(n * 100) / 100
}
