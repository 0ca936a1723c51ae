// @vitest-environment node
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import {
  CAMPAIGN_STATUSES,
  EVENT_TARGET_KINDS,
  EVENT_TYPES,
  MEDIA_BUY_STATUSES,
  METRIC_TARGET_KINDS,
  OPTIMIZATION_METRICS,
  PACKAGE_PACINGS,
  PENDING_REASONS,
  MEDIA_BUY_ERROR_CODES,
} from './common.ts'
import { MEDIA_BUY_ACTIONS } from './update.ts'
import { ACTOR_ORIGINS, AUDIT_ACTIONS, AUDIT_LOG_MAX_TAKE, AUDIT_OUTCOMES, AUDIT_RESOURCE_TYPES } from './audit-log.ts'
import {
  NOTIFICATION_STATUSES,
  NOTIFICATION_TYPES,
  NOTIFICATIONS_MAX_LIMIT,
  notificationNeedsBuyer,
} from './notification.ts'
import {
  PACING_RECOMMENDATION_STATUSES,
  SUGGESTION_STATUSES,
  SUGGESTIONS_MAX_LIMIT,
} from './optimization-suggestion.ts'
import { UPDATE_PROPOSAL_STATUSES } from './update-proposal.ts'
import { PROPERTY_LIST_PURPOSES } from './property-list.ts'
import { updateCreativeBodySchema } from './creative.ts'

// The published OpenAPI is the authority for names and enums: when it changes, this test says which list drifted.

type Node = Record<string, unknown>
const specPath = fileURLToPath(new URL('../../../../shared/api/buyer-openapi.yml', import.meta.url))
const spec = parse(readFileSync(specPath, 'utf8')) as Node
const schemas = (spec.components as Node).schemas as Record<string, Node>

function at(node: unknown, ...path: string[]): Node {
  let current = node as Node
  for (const key of path) {
    current = current[key] as Node
    if (current === undefined) throw new Error(`missing ${path.join('.')}`)
  }
  return current
}

/** Enum values of a schema written either as `enum: [...]` or as `anyOf` of one-value enums. */
function enumOf(node: Node): string[] {
  if (Array.isArray(node.enum)) return node.enum as string[]
  if (Array.isArray(node.anyOf)) return (node.anyOf as Node[]).flatMap(enumOf)
  if (Array.isArray(node.allOf)) return (node.allOf as Node[]).flatMap(enumOf)
  if (typeof node.$ref === 'string') return enumOf(schemas[node.$ref.split('/').pop() as string])
  return []
}

const goalVariants = at(
  schemas.UpdateLegacyCampaignBody,
  'properties',
  'mediaBuys',
  'items',
  'properties',
  'optimization_goals',
  'items',
  'anyOf',
) as unknown as Node[]
const goal = (kind: string) => goalVariants.find((g) => enumOf(at(g, 'properties', 'kind'))[0] === kind) as Node
const targetKinds = (kind: string) =>
  (at(goal(kind), 'properties', 'target', 'anyOf') as unknown as Node[]).flatMap((t) =>
    enumOf(at(t, 'properties', 'kind')),
  )
const sorted = (values: readonly string[]) => [...values].sort()

describe('our enums match the published OpenAPI', () => {
  it('media-buy status (the mediaBuyStatus list filter)', () => {
    const param = ((spec.paths as Node)['/campaigns'] as Node).get as Node
    const filter = (param.parameters as Node[]).find((p) => p.name === 'mediaBuyStatus') as Node
    expect(sorted(enumOf(at(filter, 'schema', 'anyOf', '1')))).toEqual(sorted(MEDIA_BUY_STATUSES))
  })

  it('campaign status', () => {
    expect(sorted(enumOf(at(schemas.Campaign, 'properties', 'status')))).toEqual(sorted(CAMPAIGN_STATUSES))
  })

  it('optimization target kinds, for event and metric goals', () => {
    expect(sorted(targetKinds('event'))).toEqual(sorted(EVENT_TARGET_KINDS))
    expect(sorted(targetKinds('metric'))).toEqual(sorted(METRIC_TARGET_KINDS))
  })

  it('optimization metrics and event types', () => {
    expect(sorted(enumOf(at(goal('metric'), 'properties', 'metric')))).toEqual(sorted(OPTIMIZATION_METRICS))
    const source = at(goal('event'), 'properties', 'event_sources', 'items', 'properties', 'event_type')
    expect(sorted(enumOf(source))).toEqual(sorted(EVENT_TYPES))
  })

  it('package pacing and media-buy actions', () => {
    const item = at(schemas.UpdateLegacyCampaignBody, 'properties', 'mediaBuys', 'items', 'properties')
    expect(sorted(enumOf(at(item, 'packages', 'items', 'properties', 'pacing')))).toEqual(sorted(PACKAGE_PACINGS))
    expect(sorted(enumOf(at(item, 'action')))).toEqual(sorted(MEDIA_BUY_ACTIONS))
  })

  it('pending reasons and buy error codes', () => {
    expect(sorted(enumOf(schemas.MediaBuyPendingReason))).toEqual(sorted(PENDING_REASONS))
    expect(sorted(enumOf(schemas.BuyerMediaBuyErrorCode))).toEqual(sorted(MEDIA_BUY_ERROR_CODES))
  })

  it('refuses unknown keys on mediaBuys[] and package items, as the spec does', () => {
    const item = at(schemas.UpdateLegacyCampaignBody, 'properties', 'mediaBuys', 'items')
    expect(item.additionalProperties).toBe(false)
    expect(at(item, 'properties', 'packages', 'items').additionalProperties).toBe(false)
  })
})

describe('history, notification and suggestion enums match the published OpenAPI', () => {
  const query = (path: string, name: string) => {
    const op = ((spec.paths as Node)[path] as Node).get as Node
    return at((op.parameters as Node[]).find((p) => p.name === name) as Node, 'schema')
  }

  it('audit-log actions, resource types, actor origins and outcomes (the list filters)', () => {
    expect(sorted(enumOf(at(query('/audit-logs', 'actions'), 'anyOf', '0', 'items')))).toEqual(sorted(AUDIT_ACTIONS))
    expect(sorted(enumOf(at(query('/audit-logs', 'resourceTypes'), 'anyOf', '0', 'items')))).toEqual(
      sorted(AUDIT_RESOURCE_TYPES),
    )
    expect(sorted(enumOf(query('/audit-logs', 'actorOrigin')))).toEqual(sorted(ACTOR_ORIGINS))
    expect(sorted(enumOf(query('/audit-logs', 'outcome')))).toEqual(sorted(AUDIT_OUTCOMES))
    expect(query('/audit-logs', 'take').maximum).toBe(AUDIT_LOG_MAX_TAKE)
  })

  it('notification statuses, and every type we name is one the spec lists', () => {
    const summary = at(schemas.NotificationSummary, 'properties')
    expect(sorted(enumOf(at(summary, 'status')))).toEqual(sorted(NOTIFICATION_STATUSES))
    expect(enumOf(at(summary, 'type'))).toEqual(expect.arrayContaining([...NOTIFICATION_TYPES]))
    expect(query('/notifications', 'limit').maximum).toBe(NOTIFICATIONS_MAX_LIMIT)
  })

  it("the types that need the buyer are D11's, and only those", () => {
    const needing = NOTIFICATION_TYPES.filter(notificationNeedsBuyer)
    expect(sorted(needing)).toEqual(
      sorted([
        'media_buy.stuck',
        'media_buy.forward_failed',
        'media_buy.source_rejected',
        'creative.rejected',
        'optimization.suggestion_received',
        'media_buy_update_proposal.rejected',
        'media_buy_update_proposal.expired',
      ]),
    )
    expect(notificationNeedsBuyer('campaign.healthy')).toBe(false)
  })

  it('suggestion statuses and pacing recommendation statuses', () => {
    expect(sorted(enumOf(query('/optimization-suggestions', 'status')))).toEqual(sorted(SUGGESTION_STATUSES))
    const pacing = at(schemas.OptimizationSuggestionDetail, 'properties', 'pacingRecommendation', 'properties')
    expect(sorted(enumOf(at(pacing, 'status')))).toEqual(sorted(PACING_RECOMMENDATION_STATUSES))
    expect(query('/optimization-suggestions', 'limit').maximum).toBe(SUGGESTIONS_MAX_LIMIT)
  })

  it('update proposal statuses', () => {
    const ok = at((spec.paths as Node)['/update-proposals/{id}'] as Node, 'get', 'responses', '200', 'content')
    const status = at(ok, 'application/json', 'schema', 'properties', 'status')
    expect(sorted(enumOf(status))).toEqual(sorted(UPDATE_PROPOSAL_STATUSES))
  })

  it('property list purposes', () => {
    expect(sorted(enumOf(at(schemas.CampaignPropertyListEntry, 'properties', 'purpose')))).toEqual(
      sorted(PROPERTY_LIST_PURPOSES),
    )
  })

  it('the creative update fields we send, with their limits', () => {
    const props = at(schemas.UpdateCreativeManifestMetadata, 'properties')
    for (const key of Object.keys(updateCreativeBodySchema.shape)) expect(props).toHaveProperty(key)
    expect(at(props, 'name')).toMatchObject({ minLength: 1, maxLength: 255 })
    expect(at(props, 'message')).toMatchObject({ maxLength: 5000 })
    expect(at(props, 'click_url')).toMatchObject({ format: 'uri' })
  })
})
