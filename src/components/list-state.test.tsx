import { render, screen } from '@testing-library/react'
import { ListState } from './list-state'

const list = <ul aria-label="Notifications list" />

function renderState(query: { isPending: boolean; isError: boolean; data?: unknown }, empty = false) {
  return render(
    <ListState query={query} what="notifications" empty={empty} emptyText="No notification asks for you.">
      {list}
    </ListState>,
  )
}

describe('ListState', () => {
  it('says a list that never loaded could not be loaded and is tried again, as an alert', () => {
    renderState({ isPending: false, isError: true })
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Notifications could not be loaded; they are tried again within a minute.',
    )
    expect(screen.queryByRole('list')).toBeNull()
  })

  it('keeps what it showed when a later poll fails', () => {
    renderState({ isPending: false, isError: true, data: {} })
    expect(screen.getByRole('list', { name: 'Notifications list' })).toBeVisible()
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('says it is loading, then that it is empty in words, then shows the list', () => {
    const { rerender } = renderState({ isPending: true, isError: false })
    expect(screen.getByText('Loading notifications…')).toBeVisible()
    rerender(
      <ListState query={{ isPending: false, isError: false, data: {} }} what="notifications" empty emptyText="None.">
        {list}
      </ListState>,
    )
    expect(screen.getByText('None.')).toBeVisible()
    expect(screen.queryByRole('list')).toBeNull()
    rerender(
      <ListState
        query={{ isPending: false, isError: false, data: {} }}
        what="notifications"
        empty={false}
        emptyText="None."
      >
        {list}
      </ListState>,
    )
    expect(screen.getByRole('list', { name: 'Notifications list' })).toBeVisible()
  })
})
