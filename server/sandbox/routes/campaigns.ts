import type { Hono } from 'hono'
import { z } from 'zod'
import { CAMPAIGN_MANAGEMENTS, CAMPAIGN_MODES } from '../../../src/api/schemas/common.ts'
import type { Ctx } from '../context.ts'
import { ok } from '../http/respond.ts'
import { notFound, validation } from '../http/errors.ts'
import { parseWith, readBody } from '../http/validate.ts'
import { createCampaignBodySchema, updateCampaignBodySchema } from '../../../src/api/schemas/update.ts'
import { executeBodySchema } from '../../../src/api/schemas/execute.ts'
import { CAMPAIGN_STATUSES, MEDIA_BUY_STATUSES } from '../../../src/api/schemas/common.ts'
import { loadGraph } from '../services/views.ts'
import { campaignView } from '../services/views-campaign.ts'
import { creativeFormatId } from '../services/views-creatives.ts'
import { cachedCampaignBody } from '../services/campaign-cache.ts'
import { createCampaign, decodeCursor, listCampaigns } from '../services/campaigns.ts'
import { notifyAgents, updateCampaign } from '../services/update.ts'
import { executeCampaign } from '../services/execute.ts'
import { cascade } from '../services/cascade.ts'
import { mediaBuyStatus } from '../services/media-buy-status.ts'
import { audited } from '../services/audit.ts'
import type { AuditAction } from '../../../src/api/schemas/audit-log.ts'
import { updateCreativeBodySchema } from '../../../src/api/schemas/creative.ts'
import { attachPropertyListBodySchema } from '../../../src/api/schemas/property-list.ts'
import { creativeOf, manifestView, platformLinks, updateCreative } from '../services/creative-update.ts'
import { creativeReviewsOf } from '../services/creative-sync.ts'
import { attachPropertyList, campaignPropertyLists } from '../services/property-lists.ts'

const CAMPAIGN_FILTER = [...CAMPAIGN_STATUSES, 'ALL'] as const
const intParam = (min: number, max: number) => z.coerce.number().int().min(min).max(max)
const listQuerySchema = z.object({
  take: intParam(1, 250).default(50),
  skip: intParam(0, Number.MAX_SAFE_INTEGER).default(0),
  status: z.array(z.enum(CAMPAIGN_FILTER)),
  mediaBuyStatus: z.array(z.enum(MEDIA_BUY_STATUSES)),
  management: z.enum([...CAMPAIGN_MANAGEMENTS, 'all']).optional(),
  mode: z.enum(CAMPAIGN_MODES).optional(),
})

/** Repeatable query parameters also accept a comma-separated value. */
function many(values: string[] | undefined): string[] {
  return (values ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean)
}

export function campaignRoutes(api: Hono, ctx: Ctx): void {
  api.get('/campaigns', (c) => {
    const q = parseWith(listQuerySchema, {
      take: c.req.query('take'),
      skip: c.req.query('skip'),
      status: many(c.req.queries('status')),
      mediaBuyStatus: many(c.req.queries('mediaBuyStatus')),
      management: c.req.query('management'),
      mode: c.req.query('mode'),
    })
    const cursor = c.req.query('cursor')
    const offset = cursor ? decodeCursor(cursor) : q.skip
    if (offset === undefined) throw validation('The cursor is not one this API issued', 'cursor')
    return ok(
      c,
      listCampaigns(ctx, {
        advertiserId: c.req.query('advertiserId'),
        name: c.req.query('name'),
        status: q.status,
        mediaBuyStatus: q.mediaBuyStatus,
        mode: q.mode,
        management: q.management,
        includeArchived: c.req.query('includeArchived') === 'true',
        take: q.take,
        offset,
      }),
    )
  })

  api.post('/campaigns', async (c) => {
    const refusal = refusalOf(ctx, 'CREATE', null, 'Create campaign')
    const { campaignId, warnings } = await audited(ctx, refusal, async () => {
      const body = await readBody(c, createCampaignBodySchema)
      refusal.resourceName = body.name
      refusal.parameters = { request: body }
      return createCampaign(ctx, body)
    })
    return ok(c, { campaign: view(ctx, campaignId), ...(warnings.length ? { warnings } : {}) }, 201)
  })

  api.get('/campaigns/:id', (c) => {
    const mediaBuyIds = many(c.req.queries('mediaBuyId'))
    const includeProductDetails = c.req.query('includeProductDetails') !== 'false'
    if (mediaBuyIds.length || !includeProductDetails)
      return ok(c, { campaign: view(ctx, c.req.param('id'), { mediaBuyIds, includeProductDetails }) })
    const campaign = ctx.store.campaign(c.req.param('id'))
    if (!campaign) throw notFound('Campaign')
    const body = cachedCampaignBody(ctx, campaign, c.req.query('fresh') === 'true')
    return c.body(body, 200, { 'content-type': 'application/json; charset=UTF-8' })
  })

  api.put('/campaigns/:id', async (c) => {
    const refusal = refusalOf(ctx, 'UPDATE', c.req.param('id'), 'Update')
    const { warnings, notices } = await audited(ctx, refusal, async () => {
      const body = await readBody(c, updateCampaignBodySchema)
      refusal.parameters = { request: body }
      return updateCampaign(ctx, c.req.param('id'), body)
    })
    await notifyAgents(ctx, notices)
    return ok(c, { campaign: view(ctx, c.req.param('id')), ...(warnings.length ? { warnings } : {}) })
  })

  api.post('/campaigns/:id/execute', async (c) => {
    const id = c.req.param('id')
    const result = await audited(ctx, refusalOf(ctx, 'EXECUTE', id, 'Execute'), async () => {
      const body = await readBody(c, executeBodySchema.optional())
      return executeCampaign(ctx, id, body?.debug === true)
    })
    return ok(c, result)
  })

  api.post('/campaigns/:id/pause', async (c) => {
    const id = c.req.param('id')
    return ok(c, await audited(ctx, refusalOf(ctx, 'DEACTIVATE', id, 'Pause'), () => cascade(ctx, id, 'pause')))
  })
  api.post('/campaigns/:id/reactivate', async (c) => {
    const id = c.req.param('id')
    return ok(c, await audited(ctx, refusalOf(ctx, 'ACTIVATE', id, 'Reactivate'), () => cascade(ctx, id, 'reactivate')))
  })
  api.get('/campaigns/:id/media-buy-status', async (c) => ok(c, await mediaBuyStatus(ctx, c.req.param('id'))))

  api.get('/campaigns/:id/creatives', (c) => {
    const campaign = ctx.store.campaign(c.req.param('id'))
    if (!campaign) throw notFound('Campaign')
    const q = parseWith(
      z.object({ take: intParam(1, 250).default(50), skip: intParam(0, Number.MAX_SAFE_INTEGER).default(0) }),
      { take: c.req.query('take'), skip: c.req.query('skip') },
    )
    const search = c.req.query('search')?.toLowerCase()
    const graph = loadGraph(ctx, campaign)
    const reviews = creativeReviewsOf(ctx, campaign.id)
    const all = graph.creatives.filter((cr) => !search || cr.name.toLowerCase().includes(search))
    const manifests = all.slice(q.skip, q.skip + q.take).map((cr) => {
      const links = platformLinks(ctx, campaign.id, cr.id, reviews)
      const synced = links.filter((l) => l.status === 'synced')
      return {
        creative_id: cr.id,
        campaign_id: campaign.id,
        name: cr.name,
        format_id: creativeFormatId(cr),
        format_kind: cr.format_kind,
        ...(cr.preview_url ? { preview_url: cr.preview_url } : {}),
        requires_upgrade: false,
        platform_links: links,
        sync_status: { synced: synced.length > 0, agent_count: synced.length },
        asset_count: cr.asset_count,
        created_at: cr.created_at,
        updated_at: cr.updated_at,
      }
    })
    return ok(c, { manifests, total: all.length })
  })

  api.get('/campaigns/:id/creatives/:creativeId', (c) => {
    const { creative } = creativeOf(ctx, c.req.param('id'), c.req.param('creativeId'))
    return ok(c, manifestView(ctx, c.req.param('id'), creative))
  })

  api.put('/campaigns/:id/creatives/:creativeId', async (c) => {
    const id = c.req.param('id')
    const creativeId = c.req.param('creativeId')
    const refusal = {
      ...refusalOf(ctx, 'UPDATE', id, 'Update creative'),
      resourceType: 'CREATIVE' as const,
      resourceId: creativeId,
      resourceName: ctx.store.creativesOf(id).find((cr) => cr.id === creativeId)?.name ?? null,
      parentType: 'CAMPAIGN' as const,
    }
    const { warnings } = await audited(ctx, refusal, async () => {
      const body = await readBody(c, updateCreativeBodySchema)
      refusal.parameters = { request: body }
      creativeOf(ctx, id, creativeId)
      return updateCreative(ctx, id, creativeId, body)
    })
    return ok(c, manifestView(ctx, id, creativeOf(ctx, id, creativeId).creative, warnings))
  })

  api.get('/campaigns/:id/property-lists', (c) => ok(c, campaignPropertyLists(ctx, c.req.param('id'))))

  api.post('/campaigns/:id/property-lists', async (c) => {
    const id = c.req.param('id')
    const refusal = refusalOf(ctx, 'UPDATE', id, 'Attach property list')
    return ok(
      c,
      await audited(ctx, refusal, async () => {
        const body = await readBody(c, attachPropertyListBodySchema)
        refusal.parameters = { request: body }
        return attachPropertyList(ctx, id, body.propertyListId)
      }),
    )
  })
}

/** What a refused request's history row says; the route fills in the request once its body is read. */
function refusalOf(ctx: Ctx, action: AuditAction, campaignId: string | null, verb: string) {
  return {
    action,
    resourceType: 'CAMPAIGN' as const,
    resourceId: campaignId,
    resourceName: campaignId ? (ctx.store.campaign(campaignId)?.name ?? null) : null,
    campaignId,
    verb,
    parameters: {} as Record<string, unknown>,
  }
}

function view(ctx: Ctx, id: string, options?: Parameters<typeof campaignView>[2]) {
  const campaign = ctx.store.campaign(id)
  if (!campaign) throw notFound('Campaign')
  return campaignView(ctx, loadGraph(ctx, campaign), options)
}
