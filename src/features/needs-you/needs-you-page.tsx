import { useEffect, useMemo, useRef, useState, type ComponentType } from 'react'
import { getRouteApi, useNavigate } from '@tanstack/react-router'
import { requestFreshReads } from '@/api/client'
import { useOnScreenDetails } from '@/api/campaigns'
import { entryCampaignId, entryMatches, useNeedsYouInbox, type InboxEntry } from '@/api/needs-you'
import { canCancel } from './item-detail'
import { ErrorView } from '@/components/error-view'
import { Freshness } from '@/components/freshness'
import { PageHeader } from '@/components/page-header'
import { Button } from '@/components/ui/button'
import { Skeleton } from '@/components/ui/skeleton'
import { useDocumentTitle } from '@/lib/use-document-title'
import { useSettledList } from '@/lib/use-settled-list'
import { useOpenAnswer } from './answer-url'
import type { AnswerKind } from './inbox-search'
import { CampaignEntryDetail } from './campaign-entry-detail'
import { InboxSection } from './inbox-section'
import { ItemDetail } from './item-detail'
import { ShortcutsDialog } from './shortcuts-dialog'
import { useInboxKeys } from './use-inbox-keys'

const route = getRouteApi('/needs-you')

/** The selected key, or, once a campaign's buys are in, the first buy that took its campaign entry's place. */
function findSelected(all: readonly InboxEntry[], key: string | undefined): InboxEntry | undefined {
  if (!key) return all[0]
  return all.find((e) => e.key === key) ?? all.find((e) => `${entryCampaignId(e)}:${e.group}` === key) ?? all[0]
}

/**
 * The inbox. Answering a buy opens its dialog through the URL (`dialog`, `dialogCampaign`, `dialogBuy`); the route
 * draws that dialog. `sections` are further things the buyer owes, listed after the buys (notifications, suggestions).
 */
export function NeedsYouPage({ sections: extraSections = [] }: { sections?: readonly ComponentType[] }) {
  useDocumentTitle('Needs you')
  const inbox = useNeedsYouInbox()
  const { item: selectedKey, q = '', dialog } = route.useSearch()
  const navigateSearch = route.useNavigate()
  const navigate = useNavigate()
  const searchRef = useRef<HTMLInputElement>(null)
  const openAnswer = useOpenAnswer()
  const [help, setHelp] = useState(false)
  const [focusRequest, setFocusRequest] = useState<{ key: string } | null>(null)

  const sections = useMemo(() => {
    const pick = (needsBuyer: boolean) => {
      const groups = inbox.groups.filter((g) => g.group.needsBuyer === needsBuyer)
      const entries = groups.flatMap((g) => g.entries)
      return { groups, entries: q ? entries.filter((e) => entryMatches(e, q)) : entries }
    }
    return { mine: pick(true), waiting: pick(false) }
  }, [inbox.groups, q])
  const all = useMemo(() => [...sections.mine.entries, ...sections.waiting.entries], [sections])
  const selected = findSelected(all, selectedKey)

  // Details for the entries on screen and the one opened, once scrolling settles.
  const [visible, setVisible] = useState<{ mine: readonly string[]; waiting: readonly string[] }>({
    mine: [],
    waiting: [],
  })
  // A section's order settles once all its pages are in; details asked for before that could be for entries that
  // the next page pushes off the screen.
  const settledMine = sections.mine.groups.every((g) => g.list.complete)
  const settledWaiting = sections.waiting.groups.every((g) => g.list.complete)
  const onScreenKeys = useSettledList(
    useMemo(
      () => [...(settledMine ? visible.mine : []), ...(settledWaiting ? visible.waiting : [])],
      [visible, settledMine, settledWaiting],
    ),
  )
  const byKey = useMemo(() => new Map(all.map((e) => [e.key, e])), [all])
  const wanted = useMemo(() => {
    const opened = selectedKey || settledMine ? selected : undefined
    const ids = [opened, ...onScreenKeys.map((k) => byKey.get(k))].flatMap((e) => (e ? [entryCampaignId(e)] : []))
    return [...new Set(ids)]
  }, [selected, selectedKey, settledMine, onScreenKeys, byKey])
  useOnScreenDetails(wanted)

  const loadedAt = inbox.groups.map((g) => g.list.updatedAt).filter(Boolean)
  const updatedAt = loadedAt.length ? Math.min(...loadedAt) : 0
  const fetching = inbox.groups.some((g) => g.list.fetching)
  const error = inbox.groups.find((g) => g.list.error)?.list.error ?? null
  const pending = inbox.groups.some((g) => g.list.pending)
  const refresh = () => {
    requestFreshReads()
    return inbox.refetch()
  }

  // A campaign's entry gave way to its buys (or an answered buy left): the selection moves to what took its place,
  // and so does the focus if it went with the old option.
  useEffect(() => {
    if (!selectedKey || !selected || selected.key === selectedKey) return
    const focusLost = document.activeElement === document.body
    void navigateSearch({ search: (prev) => ({ ...prev, item: selected.key }), replace: true, resetScroll: false })
    if (focusLost) requestAnimationFrame(() => setFocusRequest({ key: selected.key }))
  }, [selectedKey, selected, navigateSearch])

  const select = (key: string, focus = false) => {
    void navigateSearch({ search: (prev) => ({ ...prev, item: key }), replace: true, resetScroll: false })
    if (focus) setFocusRequest({ key })
  }
  const answer = (kind: AnswerKind) =>
    selected?.level === 'buy' &&
    openAnswer({ kind, campaignId: selected.campaign.campaignId, mediaBuyId: selected.buy.mediaBuyId })
  const step = (delta: number) => {
    if (all.length === 0) return
    const at = selected ? all.indexOf(selected) : -1
    select(all[Math.min(all.length - 1, Math.max(0, at + delta))].key, true)
  }
  useInboxKeys(
    {
      next: () => step(1),
      previous: () => step(-1),
      open: () =>
        selected && void navigate({ to: '/campaigns/$campaignId', params: { campaignId: entryCampaignId(selected) } }),
      reply: () => selected?.level === 'buy' && selected.kind === 'input' && answer('budget'),
      cancel: () => selected?.level === 'buy' && selected.needsBuyer && canCancel(selected.buy) && answer('cancel'),
      help: () => setHelp(true),
      search: () => searchRef.current?.focus(),
    },
    !dialog && !help,
  )

  return (
    <>
      <PageHeader
        title="Needs you"
        description="Media buys across every campaign and seller that wait on you, and those waiting on the seller."
      />
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <label className="flex items-center gap-2 text-sm">
          <span className="font-medium">Find</span>
          <input
            ref={searchRef}
            type="search"
            value={q}
            onChange={(e) =>
              void navigateSearch({
                search: (prev) => ({ ...prev, q: e.target.value || undefined }),
                replace: true,
                resetScroll: false,
              })
            }
            placeholder="Campaign, buy or seller"
            aria-keyshortcuts="/"
            className="w-72 rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-900"
          />
        </label>
        <Button size="sm" variant="secondary" onClick={() => void refresh()}>
          Refresh
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setHelp(true)} aria-keyshortcuts="?">
          Keyboard shortcuts
        </Button>
        <Freshness updatedAt={pending ? 0 : updatedAt} isFetching={fetching} />
      </div>
      {error ? <ErrorView error={error} what="the Needs you lists" onRetry={() => void refresh()} /> : null}
      {pending ? (
        <Skeleton className="h-24 w-full" />
      ) : (
        <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
          <div>
            <InboxSection
              id="needs-you"
              title="Needs you"
              explanation="Sellers asked you something, a buy failed or was rejected, or creatives were rejected."
              groups={sections.mine.groups}
              entries={sections.mine.entries}
              query={q}
              selectedKey={selected?.key}
              focusRequest={focusRequest}
              empty="Nothing needs you right now."
              onSelect={select}
              onVisibleChange={(keys) => setVisible((v) => ({ ...v, mine: keys }))}
            />
            {extraSections.map((Section, i) => (
              <Section key={i} />
            ))}
            <InboxSection
              id="waiting"
              title="Waiting on the seller"
              explanation="Not your move: buys and changes the seller has yet to approve."
              groups={sections.waiting.groups}
              entries={sections.waiting.entries}
              query={q}
              selectedKey={selected?.key}
              focusRequest={focusRequest}
              empty="Nothing is waiting on a seller."
              onSelect={select}
              onVisibleChange={(keys) => setVisible((v) => ({ ...v, waiting: keys }))}
            />
          </div>
          <div className="lg:sticky lg:top-4 lg:self-start">
            {selected?.level === 'buy' ? (
              <ItemDetail item={selected} onAnswer={answer} />
            ) : selected ? (
              <CampaignEntryDetail entry={selected} />
            ) : null}
          </div>
        </div>
      )}
      <ShortcutsDialog open={help} onClose={() => setHelp(false)} />
    </>
  )
}
