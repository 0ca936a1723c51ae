import { mergeEdits } from './merge-edits'

describe('keeping my values after a conflict', () => {
  it('keeps what the buyer typed and takes the current value of everything else', () => {
    const opened = {
      lines: [
        { id: 'a', budget: '700' },
        { id: 'b', budget: '300' },
      ],
    }
    const mine = {
      lines: [
        { id: 'a', budget: '700' },
        { id: 'b', budget: '250' },
      ],
    }
    const fresh = {
      lines: [
        { id: 'a', budget: '650' },
        { id: 'b', budget: '300' },
      ],
    }
    expect(mergeEdits(opened, mine, fresh)).toEqual({
      lines: [
        { id: 'a', budget: '650' },
        { id: 'b', budget: '250' },
      ],
    })
  })

  it('keeps a list the buyer reshaped as typed, and takes a list they left alone as it is now', () => {
    expect(mergeEdits({ caps: [1, 2] }, { caps: [1] }, { caps: [1, 2, 3] })).toEqual({ caps: [1] })
    expect(mergeEdits({ caps: [1, 2] }, { caps: [1, 2] }, { caps: [1, 2, 3] })).toEqual({ caps: [1, 2, 3] })
  })
})
