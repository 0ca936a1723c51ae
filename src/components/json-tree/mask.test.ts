import { MASK, isSecretKey, maskSecrets, maskString } from './mask'

describe('maskSecrets', () => {
  it('masks secret-named keys at any depth, whatever their spelling', () => {
    const masked = maskSecrets({
      headers: {
        Authorization: 'Bearer abc.def.ghi',
        'x-scope3-api-key': 'scope3_live_123456',
        Accept: 'application/json',
      },
      push_notification_config: {
        url: '/hook',
        token: 'whk_1234',
        authentication: { schemes: ['Bearer'], credentials: 'whk_1234' },
      },
      nested: [{ auth_token: 't0k3n', apiKey: 'k', password: 'p', client_secret: 's', keep: 'visible' }],
    })
    expect(masked).toEqual({
      headers: { Authorization: MASK, 'x-scope3-api-key': MASK, Accept: 'application/json' },
      push_notification_config: {
        url: '/hook',
        token: MASK,
        authentication: { schemes: ['Bearer'], credentials: MASK },
      },
      nested: [{ auth_token: MASK, apiKey: MASK, password: MASK, client_secret: MASK, keep: 'visible' }],
    })
  })

  it('masks secrets written inside strings (log lines carry arguments as text)', () => {
    const line =
      'MCP: Calling tool create_media_buy with args: {"buyer_ref":"mb_1","push_notification_config":{"token":"whk_sandbox_local","authentication":{"credentials":"whk_sandbox_local"}}}'
    const out = maskString(line)
    expect(out).not.toContain('whk_sandbox_local')
    expect(out).toContain('"buyer_ref":"mb_1"')
    expect(maskString('Authorization: Bearer eyJhbGciOi.J9.abc')).toBe(`Authorization: Bearer ${MASK}`)
    expect(maskString('sent Bearer eyJhbGciOi.J9.abc to agent')).toBe(`sent Bearer ${MASK} to agent`)
    expect(maskString('GET /x?api_key=abcdef&x=1')).toBe(`GET /x?api_key=${MASK}&x=1`)
    expect(maskString('key scope3_abcdef123 used')).toBe(`key ${MASK} used`)
  })

  it('leaves ordinary data alone and does not mutate its input', () => {
    const input = { buyer_ref: 'mb_1', packages: [{ budget: 5, tokens_used: 3 }], message: 'token budget is fine' }
    const copy = structuredClone(input)
    expect(maskSecrets(input)).toEqual(input)
    expect(input).toEqual(copy)
    expect(isSecretKey('tokens_used')).toBe(false)
    expect(isSecretKey('refresh_token')).toBe(true)
  })
})
