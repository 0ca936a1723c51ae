import {
  CreateMediaBuyRequestSchema,
  GetAdCPCapabilitiesRequestSchema,
  GetMediaBuyDeliveryRequestSchema,
  GetMediaBuysRequestSchema,
  GetProductsRequestSchema,
  ListCreativeFormatsRequestSchema,
  ListCreativesRequestSchema,
  SyncCreativesRequestSchema,
  UpdateMediaBuyRequestSchema,
} from '@adcp/client'
import type { AdcpError, CreateMediaBuyArgs, SellerTool, UpdateMediaBuyArgs } from './adcp.ts'
import type { AgentProfile } from './catalog.ts'
import type { Order } from './order.ts'
import { CURRENCIES, minSpend, pricingOptionId, productsOf } from './products.ts'
import { formatMoney } from './money.ts'

// A seller checks every request twice before it acts: against the AdCP request schema its library ships (shape,
// required fields, enums), then against its own business rules (what it sells, for how much, when). Either way a bad
// request gets AdCP errors the buyer can correct, never a crash.

interface Issue {
  path: readonly PropertyKey[]
  message: string
}
interface Schema {
  safeParse(value: unknown): { success: true } | { success: false; error: { issues: readonly Issue[] } }
}

const SCHEMAS: Record<SellerTool, Schema> = {
  get_adcp_capabilities: GetAdCPCapabilitiesRequestSchema,
  get_products: GetProductsRequestSchema,
  list_creative_formats: ListCreativeFormatsRequestSchema,
  create_media_buy: CreateMediaBuyRequestSchema,
  update_media_buy: UpdateMediaBuyRequestSchema,
  get_media_buys: GetMediaBuysRequestSchema,
  get_media_buy_delivery: GetMediaBuyDeliveryRequestSchema,
  sync_creatives: SyncCreativesRequestSchema,
  list_creatives: ListCreativesRequestSchema,
}

export const SELLER_TOOLS = Object.keys(SCHEMAS) as SellerTool[]

/** `packages[0].pacing` from a zod path, the way AdCP error `field`s are written. */
function fieldOf(path: readonly PropertyKey[]): string {
  return path.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${String(k)}` : String(k)), '')
}

export const correctable = (code: string, message: string, field?: string, suggestion?: string): AdcpError => ({
  code,
  message,
  recovery: 'correctable',
  ...(field ? { field } : {}),
  ...(suggestion ? { suggestion } : {}),
})

/**
 * The sellers run AdCP's implicit account model: a request that names no account is booked on the caller's own
 * account (for a buy, the brand's natural key), so `account` may be left out even though the schema lists it.
 */
export function withImplicitAccount(tool: SellerTool, args: Record<string, unknown>): Record<string, unknown> {
  if (args.account !== undefined) return args
  if (tool === 'create_media_buy' && typeof args.brand === 'object' && args.brand !== null && 'domain' in args.brand)
    return { ...args, account: { brand: args.brand, operator: String(args.brand.domain) } }
  if (tool === 'sync_creatives') return { ...args, account: { account_id: 'default' } }
  return args
}

export function schemaErrors(tool: SellerTool, args: unknown): AdcpError[] {
  const result = SCHEMAS[tool].safeParse(args)
  if (result.success) return []
  return result.error.issues.slice(0, 10).map((issue) => {
    const field = fieldOf(issue.path)
    return correctable('INVALID_REQUEST', field ? `${field}: ${issue.message}` : issue.message, field || undefined)
  })
}

const validTime = (s: string) => Number.isFinite(Date.parse(s))

/** What a seller will not book: products it does not sell, money it cannot take, flights that make no sense. */
export function createErrors(agent: AgentProfile, req: CreateMediaBuyArgs, now: Date): AdcpError[] {
  const errors: AdcpError[] = []
  const catalogue = productsOf(agent.id)
  const currency = req.total_budget?.currency ?? CURRENCIES[0]
  if (!CURRENCIES.includes(currency))
    errors.push(
      correctable(
        'UNSUPPORTED_CURRENCY',
        `${agent.name} settles in ${CURRENCIES.join(' or ')}, not ${currency}`,
        'total_budget.currency',
      ),
    )
  if (req.total_budget && !(req.total_budget.amount > 0))
    errors.push(correctable('INVALID_BUDGET', 'The total budget must be greater than zero', 'total_budget.amount'))
  const start = req.start_time === 'asap' ? now.getTime() : Date.parse(req.start_time)
  const end = Date.parse(req.end_time)
  if (req.start_time !== 'asap' && !validTime(req.start_time))
    errors.push(correctable('INVALID_REQUEST', 'start_time must be "asap" or an ISO 8601 date-time', 'start_time'))
  else if (req.start_time !== 'asap' && start < now.getTime())
    errors.push(
      correctable(
        'START_TIME_IN_PAST',
        `The flight cannot start in the past (${req.start_time})`,
        'start_time',
        'Send "asap" or a future start.',
      ),
    )
  if (!validTime(req.end_time))
    errors.push(correctable('INVALID_REQUEST', 'end_time must be an ISO 8601 date-time', 'end_time'))
  else if (end <= start)
    errors.push(correctable('INVALID_FLIGHT_DATES', 'end_time must be after start_time', 'end_time'))
  else if (end <= now.getTime())
    errors.push(correctable('INVALID_FLIGHT_DATES', 'end_time must be in the future', 'end_time'))
  const packages = req.packages ?? []
  if (packages.length === 0)
    errors.push(correctable('INVALID_REQUEST', 'A media buy needs at least one package', 'packages'))
  packages.forEach((p, i) => {
    const at = `packages[${i}]`
    const product = catalogue.find((x) => x.id === p.product_id)
    if (!product) {
      errors.push(
        correctable(
          'PRODUCT_NOT_FOUND',
          `${agent.name} does not sell product ${p.product_id}`,
          `${at}.product_id`,
          'Pick a product from get_products.',
        ),
      )
      return
    }
    if (p.pricing_option_id !== pricingOptionId(product.id))
      errors.push(
        correctable(
          'PRICING_OPTION_NOT_FOUND',
          `Product ${product.id} has no pricing option ${p.pricing_option_id}`,
          `${at}.pricing_option_id`,
          `Use ${pricingOptionId(product.id)}.`,
        ),
      )
    if (!(p.budget > 0))
      errors.push(correctable('INVALID_BUDGET', 'A package budget must be greater than zero', `${at}.budget`))
    else if (p.budget < minSpend(product))
      errors.push(
        correctable(
          'BUDGET_BELOW_MINIMUM',
          `${product.name} needs at least ${formatMoney(minSpend(product), currency)} per package`,
          `${at}.budget`,
        ),
      )
    if (
      p.start_time &&
      p.end_time &&
      validTime(p.start_time) &&
      validTime(p.end_time) &&
      Date.parse(p.end_time) <= Date.parse(p.start_time)
    )
      errors.push(
        correctable('INVALID_FLIGHT_DATES', 'A package end_time must be after its start_time', `${at}.end_time`),
      )
  })
  return errors
}

/** The same rules for a change to a booked order; packages are found by package_id or buyer_ref. */
export function updateErrors(agent: AgentProfile, req: UpdateMediaBuyArgs, order: Order, now: Date): AdcpError[] {
  const errors: AdcpError[] = []
  const start = req.start_time ?? order.state.startTime
  const end = req.end_time ?? order.state.endTime
  const startMs = start === 'asap' ? now.getTime() : Date.parse(start)
  if (
    (req.start_time && req.start_time !== 'asap' && !validTime(req.start_time)) ||
    (req.end_time && !validTime(req.end_time))
  )
    errors.push(
      correctable(
        'INVALID_REQUEST',
        'Flight dates must be ISO 8601 date-times',
        req.end_time ? 'end_time' : 'start_time',
      ),
    )
  else if ((req.start_time || req.end_time) && Date.parse(end) <= startMs)
    errors.push(correctable('INVALID_FLIGHT_DATES', 'end_time must be after start_time', 'end_time'))
  const catalogue = productsOf(agent.id)
  ;(req.packages ?? []).forEach((p, i) => {
    const at = `packages[${i}]`
    const pkg = order.state.packages.find(
      (x) => (p.package_id && x.package_id === p.package_id) || (p.buyer_ref && x.buyer_ref === p.buyer_ref),
    )
    if (!pkg) {
      errors.push(
        correctable(
          'PACKAGE_NOT_FOUND',
          `Media buy ${order.id} has no package ${p.package_id ?? p.buyer_ref ?? ''}`.trim(),
          `${at}.package_id`,
        ),
      )
      return
    }
    const product = catalogue.find((x) => x.id === pkg.product_id)
    if (p.budget !== undefined && p.budget !== null) {
      if (!(p.budget > 0))
        errors.push(correctable('INVALID_BUDGET', 'A package budget must be greater than zero', `${at}.budget`))
      else if (product && p.budget < minSpend(product))
        errors.push(
          correctable(
            'BUDGET_BELOW_MINIMUM',
            `${product.name} needs at least ${formatMoney(minSpend(product), order.state.currency)} per package`,
            `${at}.budget`,
          ),
        )
    }
  })
  return errors
}
