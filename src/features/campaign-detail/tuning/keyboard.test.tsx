import { act, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { buy, campaign } from '@/lib/testing/fixtures'
import { ActionsMenu } from './actions-menu'
import { BudgetPacingDialog } from './budget-pacing-dialog'
import { renderTuning } from './test-helpers'

const frame = () => act(() => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined))))
const items = [
  { label: 'Edit budget and pacing', onSelect: vi.fn() },
  { label: 'Cancel buy', onSelect: vi.fn(), disabledReason: 'A completed buy cannot be canceled.' },
  { label: 'Archive', onSelect: vi.fn() },
]

describe('actions menu keyboard (WAI-ARIA menu button)', () => {
  it('opens on ArrowDown, moves with arrows, Home and End, wraps, and Escape returns focus to the button', async () => {
    renderTuning(<ActionsMenu label="Actions for Acme" items={items} />)
    const trigger = screen.getByRole('button', { name: 'Actions for Acme' })
    expect(trigger).toHaveAttribute('aria-haspopup', 'menu')
    trigger.focus()
    await userEvent.keyboard('{ArrowDown}')
    await frame()
    expect(trigger).toHaveAttribute('aria-expanded', 'true')
    const menu = screen.getByRole('menu', { name: 'Actions for Acme' })
    expect(menu).toBeVisible()
    expect(screen.getByRole('menuitem', { name: 'Edit budget and pacing' })).toHaveFocus()
    await userEvent.keyboard('{ArrowDown}')
    // Unavailable items are still reachable, and say why.
    const cancel = screen.getByRole('menuitem', { name: 'Cancel buy' })
    expect(cancel).toHaveFocus()
    expect(cancel).toHaveAccessibleDescription('A completed buy cannot be canceled.')
    await userEvent.keyboard('{End}')
    expect(screen.getByRole('menuitem', { name: 'Archive' })).toHaveFocus()
    await userEvent.keyboard('{ArrowDown}')
    expect(screen.getByRole('menuitem', { name: 'Edit budget and pacing' })).toHaveFocus()
    await userEvent.keyboard('{ArrowUp}')
    expect(screen.getByRole('menuitem', { name: 'Archive' })).toHaveFocus()
    await userEvent.keyboard('{Home}')
    expect(screen.getByRole('menuitem', { name: 'Edit budget and pacing' })).toHaveFocus()
    await userEvent.keyboard('{Escape}')
    expect(menu).not.toBeVisible()
    expect(trigger).toHaveFocus()
    expect(trigger).toHaveAttribute('aria-expanded', 'false')
  })

  it('opens on ArrowUp at the last item, and Enter runs the focused item', async () => {
    renderTuning(<ActionsMenu label="Actions for Acme" items={items} />)
    screen.getByRole('button', { name: 'Actions for Acme' }).focus()
    await userEvent.keyboard('{ArrowUp}')
    await frame()
    expect(screen.getByRole('menuitem', { name: 'Archive' })).toHaveFocus()
    await userEvent.keyboard('{Enter}')
    expect(items[2].onSelect).toHaveBeenCalledTimes(1)
  })
})

describe('discarding edits', () => {
  it('moves focus to the confirmation, whose safe answer keeps the edits', async () => {
    const b = buy({
      mediaBuyId: 'mb_1',
      status: 'PAUSED',
      packages: [{ packageId: 'pkg_1', status: 'paused', budget: 700 }],
    })
    const onClose = vi.fn()
    renderTuning(<BudgetPacingDialog campaign={campaign({ mediaBuys: [b] })} buy={b} onClose={onClose} />)
    await userEvent.type(screen.getByLabelText('Budget (USD)'), '5')
    await userEvent.keyboard('{Escape}')
    expect(screen.getByRole('group', { name: 'Discard your edits?' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Keep editing' })).toHaveFocus()
    await userEvent.keyboard('{Enter}')
    expect(onClose).not.toHaveBeenCalled()
    expect(screen.getByLabelText('Budget (USD)')).toHaveValue('7005')
  })
})
