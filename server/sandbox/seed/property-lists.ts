import type { Ctx } from '../context.ts'
import { listIdsOf, PROPERTY_LIST_AGENT_URL } from '../services/property-lists.ts'

interface ListDef {
  id: string
  advertiserId: string
  name: string
  purpose: 'include' | 'exclude'
  properties: number
  /** Carried by the packages of these demo campaigns: every live buy, or only the first (a list added after launch). */
  on?: { campaignId: string; buys: 'all' | 'first' }[]
}

/**
 * The advertisers' property lists. Northstar's include list reached only the first buy of Summer Trail Gear, so
 * attaching it to the campaign has buys to reach; a brand-safety exclude list sits on every package of it.
 */
const LISTS: ListDef[] = [
  {
    id: 'pl_northstar_outdoor',
    advertiserId: '10421',
    name: 'Northstar — Outdoor & adventure publishers',
    purpose: 'include',
    properties: 184,
    on: [{ campaignId: 'cmp_100000001', buys: 'first' }],
  },
  {
    id: 'pl_northstar_safety',
    advertiserId: '10421',
    name: 'Brand safety — excluded sites',
    purpose: 'exclude',
    properties: 1240,
    on: [
      { campaignId: 'cmp_100000001', buys: 'all' },
      { campaignId: 'cmp_100000002', buys: 'all' },
    ],
  },
  {
    id: 'pl_northstar_video',
    advertiserId: '10421',
    name: 'Northstar — Premium video publishers',
    purpose: 'include',
    properties: 62,
    on: [{ campaignId: 'cmp_100000002', buys: 'first' }],
  },
  {
    id: 'pl_lumen_health',
    advertiserId: '10422',
    name: 'Lumen — Health & wellness publishers',
    purpose: 'include',
    properties: 97,
  },
]

export function seedPropertyLists(ctx: Ctx, at: string): void {
  for (const l of LISTS) {
    ctx.store.insert('property_lists', {
      id: l.id,
      advertiser_id: l.advertiserId,
      name: l.name,
      purpose: l.purpose,
      property_count: l.properties,
      created_at: at,
      updated_at: at,
    })
    for (const place of l.on ?? []) {
      const buys = ctx.store.buysOf(place.campaignId).filter((b) => b.status === 'ACTIVE' || b.status === 'PAUSED')
      for (const buy of place.buys === 'all' ? buys : buys.slice(0, 1))
        for (const pkg of ctx.store.packagesOf(buy.id)) {
          if (pkg.status === 'canceled' || listIdsOf(pkg.targeting_json).includes(l.id)) continue
          const t = (pkg.targeting_json ? JSON.parse(pkg.targeting_json) : {}) as Record<string, unknown>
          const ref = { agent_url: PROPERTY_LIST_AGENT_URL, list_id: l.id }
          const next = t.property_list
            ? { ...t, property_lists: [...((t.property_lists as unknown[]) ?? []), ref] }
            : { ...t, property_list: ref }
          ctx.store.update('packages', pkg.id, { targeting_json: JSON.stringify(next) })
        }
    }
  }
}
