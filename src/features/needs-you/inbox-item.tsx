import type { InboxItem } from '@/api/needs-you-items'
import { StatusBadge } from '@/components/status-badge'
import { formatRelativeTime } from '@/lib/format'
import clsx from 'clsx'

const KIND_LABEL: Record<InboxItem['kind'], string> = {
  input: 'Seller asks',
  failed: 'Failed',
  rejected: 'Rejected',
  creative: 'Creative rejected',
  'pending-approval': 'Waiting for approval',
  'pending-change': 'Change waiting for approval',
}

interface Props {
  item: InboxItem
  selected: boolean
  now: number
  onSelect: () => void
}

/** One row: status, buy, campaign, seller, how long it waited, the seller's words (as text). */
export function InboxItemRow({ item, selected, now, onSelect }: Props) {
  return (
    <li
      role="option"
      id={`inbox-item-${item.key}`}
      aria-selected={selected}
      aria-current={selected ? 'true' : undefined}
      tabIndex={selected ? 0 : -1}
      // A click focuses the option (tabIndex -1) and focus selects it: one path for mouse and keyboard.
      onFocus={selected ? undefined : onSelect}
      data-key={item.key}
      className={clsx(
        'cursor-pointer rounded-md border p-3 text-sm outline-none focus-visible:ring-2 focus-visible:ring-blue-600 dark:focus-visible:ring-blue-400',
        selected
          ? 'border-blue-700 bg-blue-50 dark:border-blue-400 dark:bg-slate-800'
          : 'border-slate-200 bg-white hover:bg-slate-50 dark:border-slate-800 dark:bg-slate-900 dark:hover:bg-slate-800',
      )}
    >
      <div className="flex flex-wrap items-center gap-2">
        <StatusBadge status={item.kind === 'pending-change' ? 'PENDING_APPROVAL' : item.buy.status} />
        <span className="font-medium">{item.buy.name}</span>
        <span className="text-slate-700 dark:text-slate-300">{KIND_LABEL[item.kind]}</span>
      </div>
      <p className="mt-1 text-slate-700 dark:text-slate-300">
        {item.campaign.name} · {item.seller || 'sales agent not reported'} · since{' '}
        {formatRelativeTime(Date.parse(item.since), now)}
      </p>
      {item.message ? <p className="mt-1 line-clamp-2">“{item.message}”</p> : null}
    </li>
  )
}
