import type { Ctx } from '../context.ts'

export interface AdvertiserDef {
  id: string
  name: string
  currency: string
  brand: string
  status?: 'ACTIVE' | 'ARCHIVED'
  /** A credit line; Kettle & Crumb's is used up by its first campaign, so executing a second one answers 402. */
  creditLimit?: number
}

export const DEMO_ADVERTISERS: AdvertiserDef[] = [
  { id: '10421', name: 'Northstar Outdoor Co.', currency: 'USD', brand: 'northstaroutdoor.example' },
  { id: '10422', name: 'Lumen Health', currency: 'USD', brand: 'lumenhealth.example' },
  { id: '10423', name: 'Atelier Rive Gauche', currency: 'EUR', brand: 'atelier-rivegauche.example' },
  { id: '10424', name: 'Brightwater Bank', currency: 'GBP', brand: 'brightwaterbank.example' },
  {
    id: '10425',
    name: 'Kettle & Crumb Bakeries',
    currency: 'USD',
    brand: 'kettleandcrumb.example',
    creditLimit: 18_000,
  },
  { id: '10426', name: 'Verdant Mobility', currency: 'EUR', brand: 'verdantmobility.example' },
  // Archived by the demo replay once its last campaign is archived.
  { id: '10427', name: 'Old Harbor Records', currency: 'USD', brand: 'oldharbor.example' },
]

export function insertAdvertisers(ctx: Ctx, defs: AdvertiserDef[], at: string): void {
  for (const a of defs)
    ctx.store.insert('advertisers', {
      id: a.id,
      name: a.name,
      status: a.status ?? 'ACTIVE',
      sandbox: 1,
      primary_currency: a.currency,
      brand: a.brand,
      credit_limit: a.creditLimit ?? null,
      credit_used: 0,
      created_at: at,
      updated_at: at,
    })
}
