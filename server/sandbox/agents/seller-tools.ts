import type {
  AdcpError,
  AdcpResponse,
  CreateMediaBuyArgs,
  SellerTool,
  SyncCreativesArgs,
  UpdateMediaBuyArgs,
} from './adcp.ts'
import type { SimulatedAgent } from './simulated-agent.ts'
import { adcpFormat, adcpProduct, formatsOf, matchBrief, productsOf } from './products.ts'
import { createErrors, schemaErrors, SELLER_TOOLS, updateErrors, withImplicitAccount } from './validate.ts'
import { mediaBuys, mediaBuyDeliveries } from './reports.ts'
import { createKey, replayCreate, replayUpdate, updateKey } from './idempotency.ts'

// The seller's front door: every tool call, whichever transport carried it, is checked here before the seller acts,
// and every refusal is an AdCP `errors[]` answer.

const failed = (errors: AdcpError[], extra: Record<string, unknown> = {}): AdcpResponse => ({
  status: 'failed',
  ...extra,
  errors,
})

const isTool = (tool: string): tool is SellerTool => (SELLER_TOOLS as string[]).includes(tool)

export function answer(agent: SimulatedAgent, tool: string, rawArgs: unknown): AdcpResponse {
  if (!isTool(tool))
    return failed([
      { code: 'UNSUPPORTED_TOOL', message: `${agent.profile.name} does not serve ${tool}`, recovery: 'terminal' },
    ])
  const given =
    typeof rawArgs === 'object' && rawArgs !== null && !Array.isArray(rawArgs)
      ? (rawArgs as Record<string, unknown>)
      : undefined
  if (!given)
    return failed([
      { code: 'INVALID_REQUEST', message: 'The arguments must be a JSON object', recovery: 'correctable' },
    ])
  const args = withImplicitAccount(tool, given)
  const echo = typeof args.buyer_ref === 'string' ? { buyer_ref: args.buyer_ref } : {}
  const invalid = schemaErrors(tool, args)
  if (invalid.length) return failed(invalid, echo)
  switch (tool) {
    case 'get_adcp_capabilities':
      return capabilities(agent)
    case 'get_products': {
      const brief = typeof args.brief === 'string' ? args.brief : undefined
      return { status: 'completed', products: matchBrief(productsOf(agent.id), brief).map(adcpProduct) }
    }
    case 'list_creative_formats':
      return { status: 'completed', formats: formatsOf(agent.id).map(adcpFormat) }
    case 'create_media_buy': {
      const req = args as unknown as CreateMediaBuyArgs
      // A repeated key gets the order it made, before the business rules: a resend whose start has passed since the
      // first attempt must still find its order rather than be refused.
      const key = createKey(req)
      const seen = agent.recall(key)
      const existing = seen && agent.load(seen.adcp_media_buy_id)
      if (existing) return replayCreate(existing)
      const errors = [...createErrors(agent.profile, req, agent.now()), ...inlineCreativeErrors(agent, req)]
      return errors.length
        ? failed(errors, echo)
        : agent.underKey(key, tool, () => agent.create(withInlineCreatives(agent, req)))
    }
    case 'update_media_buy': {
      const req = args as unknown as UpdateMediaBuyArgs
      const key = updateKey(req)
      const seen = agent.recall(key)
      if (seen) return replayUpdate(seen, agent.load(seen.adcp_media_buy_id))
      const order = req.media_buy_id
        ? agent.load(req.media_buy_id)
        : req.buyer_ref
          ? agent.loadByBuyerRef(req.buyer_ref)
          : undefined
      if (!order)
        return failed([
          {
            code: 'MEDIA_BUY_NOT_FOUND',
            message: `No media buy ${req.media_buy_id ?? req.buyer_ref ?? ''} at ${agent.profile.name}`.trim(),
            field: 'media_buy_id',
            recovery: 'terminal',
          },
        ])
      const errors = updateErrors(agent.profile, req, order, agent.now())
      return errors.length
        ? failed(errors, { media_buy_id: order.id, buyer_ref: order.buyerRef })
        : agent.underKey(key, tool, () => agent.update(order, req))
    }
    case 'get_media_buys':
      return mediaBuys(agent, idsOf(args), stringsOf(args.buyer_refs))
    case 'get_media_buy_delivery':
      return mediaBuyDeliveries(agent, idsOf(args))
    case 'sync_creatives': {
      const req = args as unknown as SyncCreativesArgs
      const errors = agent.creatives.errors(req)
      return errors.length ? failed(errors) : agent.creatives.sync(req)
    }
    case 'list_creatives':
      return agent.creatives.list(args)
  }
}

/** Inline creatives (packages[].creatives) meet the same checks as sync_creatives, with fields named in place. */
function inlineCreativeErrors(agent: SimulatedAgent, req: CreateMediaBuyArgs): AdcpError[] {
  return (req.packages ?? []).flatMap((p, i) =>
    agent.creatives
      .errors({ creatives: p.creatives ?? [] })
      .map((e) => ({ ...e, field: e.field && `packages[${i}].${e.field}` })),
  )
}

/** The seller files inline creatives in its library (and reviews them), then books them as the package's creatives. */
function withInlineCreatives(agent: SimulatedAgent, req: CreateMediaBuyArgs): CreateMediaBuyArgs {
  if (!req.packages?.some((p) => p.creatives?.length)) return req
  return {
    ...req,
    packages: req.packages.map((p) => {
      if (!p.creatives?.length) return p
      agent.creatives.sync({ creatives: p.creatives })
      return { ...p, creative_ids: [...new Set([...(p.creative_ids ?? []), ...p.creatives.map((c) => c.creative_id)])] }
    }),
  }
}

function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : []
}

function idsOf(args: Record<string, unknown>): string[] {
  return stringsOf(args.media_buy_ids)
}

/** get_adcp_capabilities: what this seller really does, so a buyer's client knows what to send. */
function capabilities(agent: SimulatedAgent): AdcpResponse {
  const products = productsOf(agent.id).map(adcpProduct)
  return {
    status: 'completed',
    adcp: { major_versions: [3] },
    // Creative: the seller hosts a creative library (list_creative_formats, sync_creatives, list_creatives), which
    // is also what inline_creative_management means to a buyer: creatives travel with the buy or ahead of it.
    supported_protocols: ['media_buy', 'creative'],
    account: { require_operator_auth: false, supported_billing: ['operator'], sandbox: true },
    media_buy: {
      supported_pricing_models: ['cpm'],
      reporting: { supports_date_range: false, supports_daily_breakdown: true, supports_webhooks: true },
      features: {
        inline_creative_management: true,
        property_list_filtering: false,
        content_standards: false,
        conversion_tracking: false,
        audience_management: false,
      },
      portfolio: {
        publisher_domains: [...new Set(products.flatMap((p) => p.publisher_properties.map((x) => x.publisher_domain)))],
        primary_channels: [...new Set(products.flatMap((p) => p.channels))],
      },
    },
  }
}
