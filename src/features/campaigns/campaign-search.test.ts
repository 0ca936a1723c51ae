import { campaignSearchSchema, filtersFromSearch } from './campaign-search'

describe('campaign list search params', () => {
  it('keeps valid values', () => {
    const search = campaignSearchSchema.parse({
      q: ' spring ',
      status: ['ACTIVE'],
      mediaBuyStatus: ['FAILED'],
      cursor: 'abc',
    })
    expect(search).toEqual({ q: 'spring', status: ['ACTIVE'], mediaBuyStatus: ['FAILED'], cursor: 'abc' })
  })

  it('drops nonsense instead of failing the page', () => {
    const search = campaignSearchSchema.parse({
      status: ['NOPE'],
      mediaBuyStatus: 'FAILED',
      advertiserId: '',
      cursor: 7,
    })
    expect(search).toEqual({})
  })

  it('maps to API filters with a fixed page size', () => {
    expect(filtersFromSearch({ q: 'x', status: [] })).toEqual({
      name: 'x',
      advertiserId: undefined,
      status: undefined,
      mediaBuyStatus: undefined,
      cursor: undefined,
      take: 50,
    })
  })
})
