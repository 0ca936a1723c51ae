import { useState } from 'react'
import { getRouteApi, useNavigate } from '@tanstack/react-router'
import { useNeedsYouInbox } from '@/api/needs-you'
import type { AnswerKind, NeedsYouSlots } from '@/components/needs-you-slots'
import { ErrorView } from '@/components/error-view'
import { Freshness } from '@/components/freshness'
import { PageHeader } from '@/components/page-header'
import { Button } from '@/components/ui/button'
import { Skeleton } from '@/components/ui/skeleton'
import { useDocumentTitle } from '@/lib/use-document-title'
import { InboxSection } from './inbox-section'
import { ItemDetail } from './item-detail'
import { ShortcutsDialog } from './shortcuts-dialog'
import { useInboxKeys } from './use-inbox-keys'

const route = getRouteApi('/needs-you')

export function NeedsYouPage({ slots }: { slots: NeedsYouSlots }) {
  useDocumentTitle('Needs you')
  const inbox = useNeedsYouInbox()
  const { item: selectedKey } = route.useSearch()
  const navigateSearch = route.useNavigate()
  const navigate = useNavigate()
  const [answer, setAnswer] = useState<{
    key: string
    kind: AnswerKind
  } | null>(null)
  const [help, setHelp] = useState(false)
  const all = [...inbox.needsYou, ...inbox.waiting]
  const selected = all.find((i) => i.key === selectedKey) ?? all[0]
  // Waiting times are measured at the last refresh of the lists (render stays pure).
  const now = inbox.lists.updatedAt
  const AnswerDialog = slots.answerDialog
  const answering = answer ? all.find((i) => i.key === answer.key) : undefined

  const select = (key: string, focus = false) => {
    void navigateSearch({ search: { item: key }, replace: true })
    if (focus) requestAnimationFrame(() => document.getElementById(`inbox-item-${key}`)?.focus())
  }
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
        selected &&
        void navigate({
          to: '/campaigns/$campaignId',
          params: { campaignId: selected.campaign.campaignId },
        }),
      reply: () => selected?.kind === 'input' && setAnswer({ key: selected.key, kind: 'budget' }),
      cancel: () => selected?.needsBuyer && setAnswer({ key: selected.key, kind: 'cancel' }),
      help: () => setHelp(true),
    },
    !answer && !help,
  )

  return (
    <>
      <PageHeader
        title="Needs you"
        description="Media buys across every campaign and seller that wait on you, and those waiting on the seller."
      />
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <Button size="sm" variant="secondary" onClick={() => void inbox.lists.refetch()}>
          Refresh
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setHelp(true)} aria-keyshortcuts="?">
          Keyboard shortcuts
        </Button>
        <Freshness updatedAt={inbox.lists.updatedAt} isFetching={inbox.lists.fetching} />
      </div>
      {inbox.lists.error ? (
        <ErrorView error={inbox.lists.error} what="the Needs you lists" onRetry={() => void inbox.lists.refetch()} />
      ) : null}
      {inbox.lists.pending ? (
        <Skeleton className="h-24 w-full" />
      ) : (
        <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
          <div>
            {inbox.loadingCampaigns > 0 ? (
              <p className="mb-2 text-sm">Loading {inbox.loadingCampaigns} campaign(s)…</p>
            ) : null}
            {inbox.failedCampaigns > 0 ? (
              <p className="mb-2 text-sm">
                {inbox.failedCampaigns} campaign(s) could not be loaded; their buys are not listed. Try Refresh.
              </p>
            ) : null}
            <InboxSection
              id="needs-you"
              title="Needs you"
              explanation="Sellers asked you something, a buy failed or was rejected, or creatives were rejected."
              items={inbox.needsYou}
              selectedKey={selected?.key}
              now={now}
              empty="Nothing needs you right now."
              onSelect={select}
            />
            <InboxSection
              id="waiting"
              title="Waiting on the seller"
              explanation="Not your move: buys and changes the seller has yet to approve."
              items={inbox.waiting}
              selectedKey={selected?.key}
              now={now}
              empty="Nothing is waiting on a seller."
              onSelect={select}
            />
          </div>
          <div className="lg:sticky lg:top-4 lg:self-start">
            {selected ? (
              <ItemDetail
                item={selected}
                canAnswer={Boolean(AnswerDialog)}
                onAnswer={(kind) => setAnswer({ key: selected.key, kind })}
              />
            ) : null}
          </div>
        </div>
      )}
      {AnswerDialog && answer && answering ? (
        <AnswerDialog
          campaign={answering.campaign}
          buy={answering.buy}
          kind={answer.kind}
          onClose={() => setAnswer(null)}
        />
      ) : null}
      <ShortcutsDialog open={help} onClose={() => setHelp(false)} />
    </>
  )
}
