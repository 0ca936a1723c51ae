import { describeBuyReason } from './buy-reasons'

describe('describeBuyReason', () => {
  it('puts every why-field in words', () => {
    expect(
      describeBuyReason({
        pendingReason: 'awaiting_creative_approval',
        errorCode: 'source_rejected',
        errorOwner: 'buyer_input',
        sourceMessage: 'Landing page?',
      }),
    ).toEqual(['Waiting for creative approval', 'Rejected by the seller (needs you)', 'Seller says: “Landing page?”'])
  })
  it('humanizes codes it does not know', () => {
    expect(describeBuyReason({ pendingReason: 'NEW_REASON_CODE' })).toEqual(['New reason code'])
  })
})

describe('whose move it is', () => {
  it('says in words that an answer is awaited when only the owner is known', () => {
    expect(describeBuyReason({ errorOwner: 'buyer_input', sourceMessage: 'Raise the budget' })).toEqual([
      'Waiting for your answer',
      'Seller says: “Raise the budget”',
    ])
  })
})
