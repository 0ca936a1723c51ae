// @vitest-environment node
import { encodeCursor } from '../services/campaigns.ts'
import { openSandbox, type TestSandbox } from './helpers.ts'

const b64 = (text: string) => Buffer.from(text).toString('base64url')

let t: TestSandbox
beforeAll(() => {
  t = openSandbox()
})
afterAll(() => t.done())

describe('GET /campaigns?cursor=…', () => {
  it('pages on with the cursor it issued', async () => {
    const first = await t.call<{ campaigns: { campaignId: string }[]; nextCursor?: string }>('GET', '/campaigns?take=2')
    expect(first.status).toBe(200)
    expect(first.data.nextCursor).toBe(encodeCursor(2))
    const next = await t.call<{ campaigns: { campaignId: string }[] }>(
      'GET',
      `/campaigns?take=2&cursor=${first.data.nextCursor}`,
    )
    expect(next.status).toBe(200)
    expect(next.data.campaigns[0].campaignId).not.toBe(first.data.campaigns[0].campaignId)
  })

  it.each([
    ['the crafted 1e300 offset', 'eyJvIjoxZTMwMH0'],
    ['a huge integer', b64('{"o":9007199254740993}')],
    ['2^63', b64('{"o":9223372036854775808}')],
    ['a negative offset', b64('{"o":-1}')],
    ['a float', b64('{"o":1.5}')],
    ['Infinity-like', b64('{"o":1e999}')],
    ['a string offset', b64('{"o":"10"}')],
    ['a boolean offset', b64('{"o":true}')],
    ['null', b64('null')],
    ['an array', b64('[1]')],
    ['a number', b64('5')],
    ['an object without o', b64('{}')],
    ['not JSON', b64('not json')],
    ['not base64', '!!!%%%'],
    ['a prototype key', b64('{"__proto__":{"o":1}}')],
    ['a very long cursor', 'A'.repeat(5000)],
  ])('answers 400 VALIDATION_ERROR on cursor for %s', async (_what, cursor) => {
    const res = await t.call('GET', `/campaigns?cursor=${encodeURIComponent(cursor)}`)
    expect(res.status).toBe(400)
    expect(res.error).toMatchObject({ code: 'VALIDATION_ERROR', field: 'cursor' })
  })
})
