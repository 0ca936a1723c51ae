import { creativeLabel, goalLabel, metricLabel, packageName, pacingLabel, statusPhrase, upperFirst } from './labels'

describe('pacing in words', () => {
  it('names each pacing, says "not set" when there is none, and shows an unknown one verbatim', () => {
    expect(pacingLabel('asap')).toBe('As soon as possible')
    expect(pacingLabel('front_loaded')).toBe('Front-loaded')
    expect(pacingLabel(null)).toBe('not set')
    expect(pacingLabel(undefined)).toBe('not set')
    expect(pacingLabel('')).toBe('not set')
    expect(pacingLabel('hourly_burst')).toBe('hourly_burst')
  })
})

describe('goals in a few words', () => {
  it('names a metric goal by its metric, and spells out a metric this dashboard does not know', () => {
    expect(metricLabel('completed_views')).toBe('Completed views')
    expect(metricLabel('cost_per_view')).toBe('cost per view')
    expect(goalLabel({ kind: 'metric', metric: 'attention_score' })).toBe('Attention score')
    expect(goalLabel({ kind: 'metric', metric: 'new_metric_x' })).toBe('new metric x')
  })

  it('names an event goal by its events: the custom name when there is one, else the event type', () => {
    expect(
      goalLabel({
        kind: 'event',
        event_sources: [
          { event_source_id: 'px_1', event_type: 'purchase' },
          { event_source_id: 'px_2', event_type: 'custom', custom_event_name: 'newsletter_signup' },
          { event_source_id: 'px_3', event_type: 'add_to_cart', custom_event_name: '' },
        ],
      }),
    ).toBe('Event: purchase, newsletter signup, add to cart')
  })

  it('ignores a custom event name that is not text, and names the event by its type', () => {
    expect(goalLabel({ kind: 'event', event_sources: [{ event_type: 'purchase', custom_event_name: 42 }] })).toBe(
      'Event: purchase',
    )
  })

  it('says "Event goal" when an event goal names no event', () => {
    expect(goalLabel({ kind: 'event' })).toBe('Event goal')
    expect(goalLabel({ kind: 'event', event_sources: [] })).toBe('Event goal')
    expect(goalLabel({ kind: 'event', event_sources: [{ event_source_id: 'px_1' }] })).toBe('Event goal')
  })

  it('names a goal of another kind by its kind, and one without a kind just "Goal"', () => {
    expect(goalLabel({ kind: 'metric' })).toBe('metric goal')
    expect(goalLabel({ kind: 'brand_lift', metric: 'clicks' })).toBe('brand_lift goal')
    expect(goalLabel({ metric: 'clicks' })).toBe('Goal')
  })
})

describe('statuses inside a sentence', () => {
  it('puts the right article before the status word', () => {
    expect(statusPhrase('ARCHIVED')).toBe('an archived')
    expect(statusPhrase('REJECTED')).toBe('a rejected')
    expect(upperFirst(statusPhrase('INPUT_REQUIRED'))).toBe('An input required')
  })
})

describe('package names', () => {
  const buy = {
    products: [
      { productId: 'p1', productName: 'Homepage takeover' },
      { productId: 'p2', productName: 'Run of site' },
      { productId: 'p3' },
    ],
  }

  it('names a package by its product, and by the product id when the product has no name or is not on the buy', () => {
    expect(packageName(buy, { packageId: 'pkg_2', productIds: ['p2'] })).toBe('Run of site')
    expect(packageName(buy, { packageId: 'pkg_3', productIds: ['p3'] })).toBe('p3')
    expect(packageName(buy, { packageId: 'pkg_9', productIds: ['p9'] })).toBe('p9')
    expect(packageName({}, { packageId: 'pkg_9', productIds: ['p9'] })).toBe('p9')
  })

  it('falls back to the package id when the package names no product', () => {
    expect(packageName(buy, { packageId: 'pkg_1' })).toBe('pkg_1')
    expect(packageName(buy, { packageId: 'pkg_1', productIds: [] })).toBe('pkg_1')
    expect(packageName(buy, { packageId: 'pkg_1', productIds: [''] })).toBe('pkg_1')
  })

  it('adds the pacing period of a paced buy, by its label or else its number', () => {
    expect(
      packageName(buy, { packageId: 'pkg_1', productIds: ['p1'], pacingPeriod: { index: 2, label: 'Week 2' } }),
    ).toBe('Homepage takeover · Week 2')
    expect(packageName(buy, { packageId: 'pkg_1', productIds: ['p1'], pacingPeriod: { index: 3 } })).toBe(
      'Homepage takeover · period 3',
    )
  })
})

describe('creative names', () => {
  it('names a creative with its format, and by its id when it has no name', () => {
    expect(creativeLabel({ name: 'Trail MREC', format: 'display 300×250' }, 'cr_1')).toBe(
      'Trail MREC (display 300×250)',
    )
    expect(creativeLabel({ name: 'Trail MREC' }, 'cr_1')).toBe('Trail MREC')
    expect(creativeLabel({ format: 'display 300×250' }, 'cr_1')).toBe('cr_1')
  })
})
