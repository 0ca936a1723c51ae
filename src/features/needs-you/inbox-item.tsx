import type { InboxEntry, NeedsYouGroupId } from '@/api/needs-you'
import type { InboxItem } from '@/api/needs-you-items'
import { StatusBadge } from '@/components/status-badge'
import type { VirtualItemProps } from '@/components/virtual-list'
import { TimeAgo } from '@/components/time-ago'
import clsx from 'clsx'

const KIND_LABEL: Record<InboxItem['kind'], string> = {
  input: 'Seller asks',
  failed: 'Failed',
  rejected: 'Rejected',
  creative: 'Creative rejected',
  'pending-approval': 'Waiting for approval',
  'pending-change': 'Change waiting for approval',
}

/** What the list call alone says of a campaign in a group, before its buys are loaded. */
const GROUP_TEXT: Record<NeedsYouGroupId, { status: string; text: string }> = {
  input: { status: 'INPUT_REQUIRED', text: 'A seller asks you something' },
  failed: { status: 'FAILED', text: 'A buy failed or was rejected' },
  waiting: { status: 'PENDING_APPROVAL', text: 'A buy or a change waits for the seller' },
}

interface Props {
  entry: InboxEntry
  selected: boolean
  onSelect: () => void
  position: VirtualItemProps
}

/** One option: status, buy, campaign, seller, how long it waited, the seller's words (as text). */
export function InboxItemRow({ entry, selected, onSelect, position }: Props) {
  const { index, setSize, ...placement } = position
  return (
    <li
      {...placement}
      role="option"
      id={`inbox-item-${entry.key}`}
      aria-selected={selected}
      aria-current={selected ? 'true' : undefined}
      aria-posinset={index + 1}
      aria-setsize={setSize}
      tabIndex={selected ? 0 : -1}
      // A click focuses the option (tabIndex -1) and focus selects it: one path for mouse and keyboard.
      onFocus={selected ? undefined : onSelect}
      data-key={entry.key}
      className="group cursor-pointer pb-2 outline-none"
    >
      <div
        className={clsx(
          'rounded-md border p-3 text-sm group-focus-visible:ring-2 group-focus-visible:ring-blue-600 dark:group-focus-visible:ring-blue-400',
          selected
            ? 'border-blue-700 bg-blue-50 dark:border-blue-400 dark:bg-slate-800'
            : 'border-slate-200 bg-white hover:bg-slate-50 dark:border-slate-800 dark:bg-slate-900 dark:hover:bg-slate-800',
        )}
      >
        {entry.level === 'campaign' ? <CampaignLine entry={entry} /> : <BuyLines item={entry} />}
      </div>
    </li>
  )
}

function CampaignLine({ entry }: { entry: Extract<InboxEntry, { level: 'campaign' }> }) {
  const group = GROUP_TEXT[entry.group]
  return (
    <>
      <div className="flex flex-wrap items-center gap-2">
        <StatusBadge status={group.status} />
        <span className="font-medium">{entry.summary.name}</span>
      </div>
      <p className="mt-1 text-slate-700 dark:text-slate-300">
        {group.text} · changed <TimeAgo at={Date.parse(entry.summary.updatedAt)} /> ·{' '}
        <span className="italic">loading the buys…</span>
      </p>
    </>
  )
}

function BuyLines({ item }: { item: InboxItem }) {
  return (
    <>
      <div className="flex flex-wrap items-center gap-2">
        <StatusBadge status={item.kind === 'pending-change' ? 'PENDING_APPROVAL' : item.buy.status} />
        <span className="font-medium">{item.buy.name}</span>
        <span className="text-slate-700 dark:text-slate-300">{KIND_LABEL[item.kind]}</span>
      </div>
      <p className="mt-1 text-slate-700 dark:text-slate-300">
        {item.campaign.name} · {item.seller || 'sales agent not reported'} · since{' '}
        <TimeAgo at={Date.parse(item.since)} />
      </p>
      {item.message ? <p className="mt-1 line-clamp-2">“{item.message}”</p> : null}
    </>
  )
}
