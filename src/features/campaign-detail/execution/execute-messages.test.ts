import { buy, campaign } from '@/lib/testing/fixtures'
import { describeNothingToExecute } from './execute-messages'

describe('execute with nothing to send (no_media_buys_to_execute)', () => {
  it('says a campaign without buys has none, and that products must be selected first', () => {
    const text = describeNothingToExecute(campaign({ status: 'DRAFT', mediaBuys: [], products: [] }))
    expect(text).toMatch(/^Nothing was sent: this campaign has no media buys/)
    expect(text).toMatch(/Select products/)
    expect(text).not.toMatch(/already sent/)
  })

  it('counts the buys a campaign has by status, and says what execute would send', () => {
    const text = describeNothingToExecute(
      campaign({
        mediaBuys: [
          buy({ mediaBuyId: 'mb_1', status: 'ACTIVE' }),
          buy({ mediaBuyId: 'mb_2', status: 'ACTIVE' }),
          buy({ mediaBuyId: 'mb_3', status: 'REJECTED' }),
        ],
      }),
    )
    expect(text).toContain('(2 active, 1 rejected)')
    expect(text).toContain('Execute sends only drafts and failed buys')
  })
})
