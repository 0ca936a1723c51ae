import type { InboxItem } from '@/api/needs-you-items'
import { InboxItemRow } from './inbox-item'

interface Props {
  id: string
  title: string
  explanation: string
  items: InboxItem[]
  selectedKey: string | undefined
  now: number
  empty: string
  onSelect: (key: string) => void
}

export function InboxSection({ id, title, explanation, items, selectedKey, now, empty, onSelect }: Props) {
  return (
    <section aria-labelledby={`${id}-title`} className="mb-6">
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {title} ({items.length})
      </h2>
      <p className="mb-2 text-sm text-slate-700 dark:text-slate-300">{explanation}</p>
      {items.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-4 text-sm dark:border-slate-700">{empty}</p>
      ) : (
        <ul role="listbox" aria-labelledby={`${id}-title`} className="space-y-2">
          {items.map((item) => (
            <InboxItemRow
              key={item.key}
              item={item}
              selected={item.key === selectedKey}
              now={now}
              onSelect={() => onSelect(item.key)}
            />
          ))}
        </ul>
      )}
    </section>
  )
}
