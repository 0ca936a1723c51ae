import { useId, useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { campaignPropertyListsQueryOptions } from '@/api/property-lists'
import type { Campaign } from '@/api/schemas/campaign'
import type { CampaignPropertyList } from '@/api/schemas/property-list'
import { ErrorView } from '@/components/error-view'
import { StatusIcon } from '@/components/status-icon'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { Field, FieldDescription, FieldError, FieldLabel } from '@/components/ui/field'
import { Input } from '@/components/ui/input'
import { PageSection } from '@/components/ui/page-section'
import { Skeleton } from '@/components/ui/skeleton'
import { Table, TableCell, TableHead, TableHeaderCell, TableRow } from '@/components/ui/table'
import { formatCount } from '@/lib/format'
import { useSeen } from '@/lib/use-seen'
import { AttachListDialog } from './attach-list-dialog'

function PurposeBadge({ purpose }: { purpose: CampaignPropertyList['purpose'] }) {
  return purpose === 'include' ? (
    <Badge tone="teal">
      <StatusIcon icon="check" />
      Include
    </Badge>
  ) : (
    <Badge tone="grey">
      <StatusIcon icon="ban" />
      Exclude
    </Badge>
  )
}

/** The property lists a campaign's packages carry, and attaching an advertiser include list to every active buy. */
export function PropertyListsSection({ campaign }: { campaign: Campaign }) {
  // Below the buys: asked for when the buyer scrolls to it, so opening a campaign costs no more requests.
  const [seenRef, seen] = useSeen()
  const lists = useQuery({ ...campaignPropertyListsQueryOptions(campaign.campaignId), enabled: seen })
  const [attaching, setAttaching] = useState<{ listId: string; name?: string } | null>(null)
  const [typed, setTyped] = useState('')
  const [typedError, setTypedError] = useState<string | null>(null)
  const inputId = useId()
  const buys = campaign.mediaBuys ?? []
  const buyName = (id: string) => buys.find((b) => b.mediaBuyId === id)?.name ?? id
  const packageCount = (id: string) =>
    buys.find((b) => b.mediaBuyId === id)?.packages?.filter((p) => !['canceled', 'completed'].includes(p.status)).length
  const data = lists.data

  return (
    <PageSection
      ref={seenRef}
      id="property-lists"
      title="Property lists"
      intro={
        <>
          Where this campaign may deliver: the campaign&apos;s and its advertiser&apos;s lists, as its packages carry
          them. A list attached here reaches the packages of every active buy without a re-execute.
        </>
      }
    >
      {lists.isPending ? (
        <Skeleton className="h-20 w-full" />
      ) : lists.isError ? (
        <ErrorView error={lists.error} what="the property lists" onRetry={() => void lists.refetch()} />
      ) : (
        <>
          <p className="mb-2 text-sm">
            {data!.summary.totalLists === 0
              ? 'No property list applies to this campaign.'
              : `${data!.summary.totalLists} ${data!.summary.totalLists === 1 ? 'list' : 'lists'}: ${data!.summary.includeCount} include, ${data!.summary.excludeCount} exclude`}
          </p>
          {data!.propertyLists.length ? (
            <Table aria-labelledby="property-lists-title">
              <TableHead>
                <TableRow>
                  <TableHeaderCell scope="col">List</TableHeaderCell>
                  <TableHeaderCell scope="col">Purpose</TableHeaderCell>
                  <TableHeaderCell scope="col" className="text-right">
                    Properties
                  </TableHeaderCell>
                  <TableHeaderCell scope="col">Carried by</TableHeaderCell>
                  <TableHeaderCell scope="col">
                    <span className="sr-only">Actions</span>
                  </TableHeaderCell>
                </TableRow>
              </TableHead>
              <tbody>
                {data!.propertyLists.map((l) => (
                  <TableRow key={l.listId}>
                    <TableCell>
                      <div className="font-medium">{l.name}</div>
                      <div className="text-xs text-slate-600 dark:text-slate-400">{l.listId}</div>
                    </TableCell>
                    <TableCell>
                      <PurposeBadge purpose={l.purpose} />
                    </TableCell>
                    <TableCell className="text-right tabular-nums">{formatCount(l.propertyCount)}</TableCell>
                    <TableCell>
                      <ul aria-label={`Buys carrying ${l.name}`} className="text-sm">
                        {l.viaMediaBuys.map((v) => {
                          const total = packageCount(v.mediaBuyId)
                          return (
                            <li key={v.mediaBuyId}>
                              {buyName(v.mediaBuyId)}: {v.packageIds.length}
                              {total !== undefined ? ` of ${total}` : ''}{' '}
                              {v.packageIds.length === 1 && total === undefined ? 'package' : 'packages'}
                            </li>
                          )
                        })}
                      </ul>
                    </TableCell>
                    <TableCell className="text-right">
                      {l.purpose === 'include' ? (
                        <Button
                          size="sm"
                          variant="secondary"
                          aria-label={`Attach to all active buys (${l.name})`}
                          onClick={() => setAttaching({ listId: l.listId, name: l.name })}
                        >
                          Attach to all active buys
                        </Button>
                      ) : null}
                    </TableCell>
                  </TableRow>
                ))}
              </tbody>
            </Table>
          ) : null}
          <form
            aria-label="Attach another include list"
            noValidate
            className="mt-3 flex flex-wrap items-start gap-2"
            onSubmit={(e) => {
              e.preventDefault()
              const id = typed.trim()
              if (!id) {
                setTypedError('Enter the id of one of the advertiser’s include lists')
                return
              }
              setTypedError(null)
              setAttaching({ listId: id, name: data!.propertyLists.find((l) => l.listId === id)?.name })
            }}
          >
            <Field>
              <FieldLabel htmlFor={inputId}>Another advertiser include list</FieldLabel>
              <FieldDescription id={`${inputId}-hint`}>Its id, e.g. pl_1756</FieldDescription>
              <div className="flex flex-wrap items-center gap-2">
                <Input
                  id={inputId}
                  value={typed}
                  autoComplete="off"
                  aria-invalid={typedError ? true : undefined}
                  aria-describedby={`${inputId}-hint ${inputId}-error`}
                  onChange={(e) => setTyped(e.target.value)}
                />
                <Button type="submit" variant="secondary">
                  Review attach
                </Button>
              </div>
              <FieldError id={`${inputId}-error`}>{typedError}</FieldError>
            </Field>
          </form>
        </>
      )}
      {attaching && data ? (
        <AttachListDialog
          campaign={campaign}
          listId={attaching.listId}
          listName={attaching.name}
          lists={data.propertyLists}
          onClose={() => setAttaching(null)}
        />
      ) : null}
    </PageSection>
  )
}
