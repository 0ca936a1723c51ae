import type { GroupView, InboxEntry } from '@/api/needs-you'
import { VirtualList } from '@/components/virtual-list'
import { InboxItemRow } from './inbox-item'

interface Props {
  id: string
  title: string
  explanation: string
  groups: readonly GroupView[]
  entries: readonly InboxEntry[]
  /** What the search box holds; entries are already filtered by it. */
  query: string
  selectedKey: string | undefined
  focusRequest: { key: string } | null
  empty: string
  onSelect: (key: string) => void
  onVisibleChange: (keys: readonly string[]) => void
}

const GROUP_COUNT_TEXT: Record<string, (n: number) => string> = {
  input: (n) => `${n.toLocaleString('en-US')} ${n === 1 ? 'campaign' : 'campaigns'} with a seller asking`,
  failed: (n) => `${n.toLocaleString('en-US')} with a failed or rejected buy`,
  waiting: (n) => `${n.toLocaleString('en-US')} ${n === 1 ? 'campaign' : 'campaigns'} waiting on a seller`,
}

const getKey = (entry: InboxEntry) => entry.key

/** One section of the inbox: the platform's totals, how much of it is loaded, and every entry, virtualized. */
export function InboxSection(props: Props) {
  const {
    id,
    title,
    explanation,
    groups,
    entries,
    query,
    selectedKey,
    focusRequest,
    empty,
    onSelect,
    onVisibleChange,
  } = props
  const totals = groups.map((g) => g.list.total)
  const total = totals.every((t) => t !== null) ? totals.reduce<number>((a, b) => a + (b ?? 0), 0) : null
  const loaded = groups.reduce((sum, g) => sum + g.list.summaries.length, 0)
  const complete = groups.every((g) => g.list.complete)
  return (
    <section aria-labelledby={`${id}-title`} className="mb-6">
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {title}
        {total === null ? '' : ` (${total.toLocaleString('en-US')} ${total === 1 ? 'campaign' : 'campaigns'})`}
      </h2>
      <p className="text-sm text-slate-700 dark:text-slate-300">{explanation}</p>
      <p className="mb-2 text-sm text-slate-700 dark:text-slate-300">
        {groups
          .map((g) => (g.list.total === null ? null : GROUP_COUNT_TEXT[g.group.id](g.list.total)))
          .filter(Boolean)
          .join(' · ')}
        {!complete && total !== null ? (
          <span role="status" className="ml-1">
            — {loaded.toLocaleString('en-US')} of {total.toLocaleString('en-US')} loaded, the rest on the way.
          </span>
        ) : null}
      </p>
      {entries.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-4 text-sm dark:border-slate-700">
          {query ? `Nothing here matches “${query}”${complete ? '' : ' in what is loaded so far'}.` : empty}
        </p>
      ) : (
        <VirtualList
          labelledBy={`${id}-title`}
          items={entries}
          getKey={getKey}
          estimateSize={92}
          focusRequest={focusRequest}
          onVisibleChange={onVisibleChange}
          renderItem={(entry, position) => (
            <InboxItemRow
              key={entry.key}
              entry={entry}
              position={position}
              selected={entry.key === selectedKey}
              onSelect={() => onSelect(entry.key)}
            />
          )}
        />
      )}
    </section>
  )
}
