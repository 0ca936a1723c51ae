import { useQuery } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { campaignAdcpStatusQueryOptions } from '@/api/campaigns'
import type { InboxItem } from '@/api/needs-you-items'
import { checkBuy } from '@/domain/actions'
import { canResubmit } from '@/domain/campaign-actions'
import { PendingChangeView } from '@/components/pending-change-view'
import { StatusBadge } from '@/components/status-badge'
import { Button, buttonClasses } from '@/components/ui/button'
import { formatDateTime } from '@/lib/format'
import { answerTrigger } from './answer-url'
import type { AnswerKind } from './inbox-search'

const ANSWERS: { kind: AnswerKind; label: string }[] = [
  { kind: 'budget', label: 'Change budget and reply' },
  { kind: 'reply', label: 'Reply (and dates)' },
  { kind: 'creatives', label: 'Change creatives and reply' },
  { kind: 'goals', label: 'Change goals and reply' },
]

interface Props {
  item: InboxItem
  /** Opens the answer's dialog. */
  onAnswer: (kind: AnswerKind) => void
}

/** CONTRACT §4.2: cancel only where the status allows it (never a failed or rejected buy). */
export const canCancel = (buy: InboxItem['buy']) => checkBuy(buy, 'cancel').allowed

/** The selected item: what the seller said (text only), blockers from media-buy-status, pending change, and the answers. */
export function ItemDetail({ item, onAnswer }: Props) {
  const { campaign, buy } = item
  const live = useQuery({
    ...campaignAdcpStatusQueryOptions(campaign.campaignId),
    enabled: item.kind === 'input',
  })
  const blockers = (live.data?.media_buys.find((b) => b.media_buy_id === buy.mediaBuyId)?.blockers ?? [])
    // A blocker that only repeats the seller's message (already quoted above) adds nothing.
    .filter((b) => !buy.sourceMessage || !b.includes(buy.sourceMessage))
  const cancelable = canCancel(buy)
  // A failed or rejected buy: send it again, or archive it; the seller's reason is quoted above.
  const closedOut = item.kind === 'failed' || item.kind === 'rejected'
  const archivable = checkBuy(buy, 'archive').allowed
  const resubmittable = canResubmit(campaign.status, buy.status)
  return (
    <section
      aria-labelledby="inbox-detail-title"
      className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 id="inbox-detail-title" className="flex flex-wrap items-center gap-2 text-lg font-semibold">
        <StatusBadge status={buy.status} /> {buy.name}
      </h2>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="font-medium">Campaign</dt>
        <dd>
          <Link
            to="/campaigns/$campaignId"
            params={{ campaignId: campaign.campaignId }}
            className="text-blue-800 underline dark:text-blue-300"
          >
            {campaign.name}
          </Link>
        </dd>
        <dt className="font-medium">Seller</dt>
        <dd>{item.seller || 'not reported'}</dd>
        <dt className="font-medium">Waiting since</dt>
        <dd>{formatDateTime(item.since)}</dd>
      </dl>
      {item.message ? (
        <figure className="mt-3 rounded-md border-l-4 border-amber-600 bg-amber-50 p-3 text-sm dark:border-amber-400 dark:bg-slate-800">
          <figcaption className="font-medium">
            {item.kind === 'pending-change' ? 'Your reason' : `${item.seller || 'The seller'} says`}
          </figcaption>
          <blockquote className="mt-1 whitespace-pre-wrap">{item.message}</blockquote>
        </figure>
      ) : null}
      {item.reasons.length + blockers.length > 0 ? (
        <ul aria-label="Why" className="mt-3 list-disc space-y-1 pl-5 text-sm">
          {[...item.reasons, ...blockers].map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      ) : null}
      {buy.pendingChange ? (
        <div className="mt-3">
          <PendingChangeView change={buy.pendingChange} buy={buy} currency={campaign.budget?.currency ?? 'USD'} />
        </div>
      ) : null}
      <div className="mt-4 flex flex-wrap gap-2">
        {item.kind === 'input'
          ? ANSWERS.map((a) => (
              <Button
                key={a.kind}
                size="sm"
                variant={a.kind === 'budget' ? 'primary' : 'secondary'}
                data-dialog-trigger={answerTrigger(a.kind)}
                onClick={() => onAnswer(a.kind)}
              >
                {a.label}
              </Button>
            ))
          : null}
        {closedOut && resubmittable ? (
          <Button
            size="sm"
            variant="primary"
            data-dialog-trigger={answerTrigger('resubmit')}
            onClick={() => onAnswer('resubmit')}
          >
            Send again
          </Button>
        ) : null}
        {item.needsBuyer && cancelable ? (
          <Button
            size="sm"
            variant="danger"
            data-dialog-trigger={answerTrigger('cancel')}
            onClick={() => onAnswer('cancel')}
          >
            Cancel buy
          </Button>
        ) : null}
        {closedOut && archivable ? (
          <Button
            size="sm"
            variant="danger"
            data-dialog-trigger={answerTrigger('archive')}
            onClick={() => onAnswer('archive')}
          >
            Archive buy
          </Button>
        ) : null}
        <Link
          to="/campaigns/$campaignId"
          params={{ campaignId: campaign.campaignId }}
          className={buttonClasses({ size: 'sm', variant: 'ghost' })}
        >
          Open campaign
        </Link>
      </div>
    </section>
  )
}
