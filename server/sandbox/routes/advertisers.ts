import type { Hono } from 'hono'
import { z } from 'zod'
import type { Ctx } from '../context.ts'
import type { AdvertiserRow } from '../repo/rows.ts'
import { ok } from '../http/respond.ts'
import { notFound } from '../http/errors.ts'
import { parseWith } from '../http/validate.ts'

const querySchema = z.object({
  status: z.enum(['ACTIVE', 'ARCHIVED', 'ALL']).default('ACTIVE'),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: z.coerce.number().int().min(0).default(0),
})

export function advertiserRoutes(api: Hono, ctx: Ctx): void {
  api.get('/advertisers', (c) => {
    const q = parseWith(querySchema, {
      status: c.req.query('status'),
      limit: c.req.query('limit'),
      offset: c.req.query('offset'),
    })
    const where: string[] = []
    const args: (string | number)[] = []
    if (q.status !== 'ALL') {
      where.push('status = ?')
      args.push(q.status)
    }
    const name = c.req.query('name')
    if (name) {
      where.push('name LIKE ?')
      args.push(`%${name}%`)
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : ''
    const total = (ctx.db.prepare(`SELECT COUNT(*) AS n FROM advertisers ${clause}`).get(...args) as { n: number }).n
    const rows = ctx.db
      .prepare(`SELECT * FROM advertisers ${clause} ORDER BY name LIMIT ? OFFSET ?`)
      .all(...args, q.limit, q.offset) as AdvertiserRow[]
    const hasMore = q.offset + rows.length < total
    return ok(c, { items: rows.map(summary), total, hasMore, nextOffset: hasMore ? q.offset + rows.length : null })
  })

  api.get('/advertisers/:advertiserId', (c) => {
    const row = ctx.store.advertiser(c.req.param('advertiserId'))
    if (!row) throw notFound('Advertiser')
    return ok(c, summary(row))
  })
}

function summary(a: AdvertiserRow) {
  return {
    id: a.id,
    name: a.name,
    status: a.status,
    sandbox: a.sandbox === 1,
    ...(a.brand ? { brand: a.brand } : {}),
    primaryCurrency: a.primary_currency,
    currencyLocked: true,
    createdAt: a.created_at,
    updatedAt: a.updated_at,
    linkedAccountCount: 1,
  }
}
