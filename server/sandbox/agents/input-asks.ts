import { DAY } from '../clock.ts'
import type { Db } from '../db/open.ts'
import type { Order } from './order.ts'
import { formatMoney } from './money.ts'

// What the input-asking seller (Harbor Streaming) needs before it accepts an order, and how it reads the buyer's
// answer (CONTRACT D5). The ask is chosen once, at the first review, from the order itself, so it is deterministic
// per buy; the reply is then checked against that one ask only.

export type Ask =
  | { kind: 'budget'; minimum: number }
  | { kind: 'signatory' }
  | { kind: 'creative'; format: string }
  | { kind: 'start'; notBefore: string }

/** Orders at or above this total need a signed insertion order. */
export const SIGNATORY_FROM = 50_000
/** The format CTV inventory serves; an order without one cannot deliver. */
export const CTV_FORMAT = 'video_vast'
/** Live sports inventory is booked a week ahead. */
export const SPORTS_PRODUCT = 'prod_hb_ctv_sports'
export const SPORTS_LEAD_MS = 7 * DAY
/** "Signatory: First Last" (two or more capitalised words). */
export const SIGNATORY_PATTERN = /[Ss]ignatory:\s*([A-Z][\p{L}'’-]+(?:\s+[A-Z][\p{L}'’-]+)+)/u

export interface OrderFacts {
  total: number
  minimum: number
  currency: string
  startTime: string
  productIds: readonly string[]
  creativeFormats: readonly string[]
  /** When the seller reviews. */
  at: string
}

export function chooseAsk(o: OrderFacts): Ask | null {
  if (o.total < o.minimum) return { kind: 'budget', minimum: o.minimum }
  if (o.total >= SIGNATORY_FROM) return { kind: 'signatory' }
  if (!o.creativeFormats.includes(CTV_FORMAT)) return { kind: 'creative', format: CTV_FORMAT }
  const earliest = Date.parse(o.at) + SPORTS_LEAD_MS
  if (o.productIds.includes(SPORTS_PRODUCT) && Date.parse(o.startTime) < earliest)
    return { kind: 'start', notBefore: new Date(Math.ceil(earliest / DAY) * DAY).toISOString() }
  return null
}

const day = (iso: string) => iso.slice(0, 10)

export function askMessage(ask: Ask, seller: string, o: OrderFacts): string {
  switch (ask.kind) {
    case 'budget':
      return `${seller} requires a minimum commitment of ${formatMoney(ask.minimum, o.currency)} for CTV inventory. Please raise the media buy budget to at least ${formatMoney(ask.minimum, o.currency)} (currently ${formatMoney(o.total, o.currency)}).`
    case 'signatory':
      return `Orders of ${formatMoney(SIGNATORY_FROM, o.currency)} or more need a signed insertion order. Please reply with the name of the person who signs the IO, as "Signatory: First Last".`
    case 'creative':
      return `None of the creatives on this order is in the ${ask.format} format our CTV ad server plays. Please attach a creative in ${ask.format} format (for example a 30 s VAST spot).`
    case 'start':
      return `Live sports inventory is booked a week ahead. Please move the start of this buy to ${day(ask.notBefore)} or later (currently ${day(o.startTime)}).`
  }
}

export type Verdict = { ok: true; message: string } | { ok: false; message: string }

/** Does the buyer's reply (the changed order plus their words) answer the ask? */
export function checkReply(ask: Ask, seller: string, o: OrderFacts, reply: string | undefined): Verdict {
  switch (ask.kind) {
    case 'budget':
      return o.total >= ask.minimum
        ? {
            ok: true,
            message: `Thanks, the budget of ${formatMoney(o.total, o.currency)} meets the minimum. The order is back in review.`,
          }
        : {
            ok: false,
            message: `The budget is still ${formatMoney(o.total, o.currency)}. ${seller} needs at least ${formatMoney(ask.minimum, o.currency)} for this inventory; please raise the media buy budget to at least ${formatMoney(ask.minimum, o.currency)}.`,
          }
    case 'signatory': {
      const name = SIGNATORY_PATTERN.exec(reply ?? '')?.[1]
      return name
        ? { ok: true, message: `Thanks, the IO goes to ${name} for signature. The order is back in review.` }
        : {
            ok: false,
            message: 'The reply does not name a signatory. Please write the IO signatory as "Signatory: First Last".',
          }
    }
    case 'creative':
      return o.creativeFormats.includes(ask.format)
        ? { ok: true, message: `Thanks, the ${ask.format} creative is in. The order is back in review.` }
        : {
            ok: false,
            message: `The order still has no creative in ${ask.format} format (it carries ${o.creativeFormats.join(', ') || 'none'}). Please attach one.`,
          }
    case 'start':
      return Date.parse(o.startTime) >= Date.parse(ask.notBefore)
        ? { ok: true, message: `Thanks, a start on ${day(o.startTime)} works. The order is back in review.` }
        : {
            ok: false,
            message: `The start is still ${day(o.startTime)}. Please move it to ${day(ask.notBefore)} or later.`,
          }
  }
}

/** Budget asks are the ones a platform maps to a field; the rest are answered in words or other fields. */
export function askErrors(ask: Ask, currency: string): Record<string, unknown> {
  switch (ask.kind) {
    case 'budget':
      return {
        reason: 'BUDGET_TOO_LOW',
        errors: [
          {
            code: 'BUDGET_TOO_LOW',
            message: `Minimum budget is ${formatMoney(ask.minimum, currency)}`,
            field: 'packages[].budget',
          },
        ],
      }
    case 'signatory':
      return {
        reason: 'IO_SIGNATORY_REQUIRED',
        errors: [{ code: 'IO_SIGNATORY_REQUIRED', message: 'Name the IO signatory' }],
      }
    case 'creative':
      return {
        reason: 'CREATIVE_FORMAT_REQUIRED',
        errors: [
          { code: 'CREATIVE_FORMAT_REQUIRED', message: `A ${ask.format} creative is required`, field: 'creative_ids' },
        ],
      }
    case 'start':
      return {
        reason: 'START_TOO_EARLY',
        errors: [{ code: 'START_TOO_EARLY', message: `Start on ${day(ask.notBefore)} or later`, field: 'start_time' }],
      }
  }
}

/** What the seller knows about an order when it reviews it; creative formats come from the creatives it carries. */
export function orderFacts(db: Db, minimum: number, order: Order, total: number, at: string): OrderFacts {
  const ids = order.state.creativeIds ?? []
  const formats = ids.length
    ? db
        .prepare<string[], { format_kind: string }>(
          `SELECT format_kind FROM creatives WHERE id IN (${ids.map(() => '?').join(',')})`,
        )
        .all(...ids)
        .map((r) => r.format_kind)
    : []
  return {
    total,
    minimum,
    currency: order.state.currency,
    startTime: order.state.startTime,
    productIds: order.state.packages.filter((p) => !p.canceled).map((p) => p.product_id),
    creativeFormats: [...new Set(formats)],
    at,
  }
}
