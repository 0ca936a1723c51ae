import { useEffect, useId, useRef, useState } from 'react'
import { useRouter } from '@tanstack/react-router'
import type { AdvertiserSummary } from '@/api/schemas/advertiser'
import { CAMPAIGN_STATUSES, MEDIA_BUY_STATUSES } from '@/api/schemas/common'
import { statusMeta } from '@/domain/status'
import { Button } from '@/components/ui/button'
import { Field, FieldLabel } from '@/components/ui/field'
import { Input } from '@/components/ui/input'
import { Select } from '@/components/ui/select'
import { useDebouncedValue } from '@/lib/use-debounced-value'
import { campaignSearchSchema, type CampaignSearch } from './campaign-search'
import { SORT_LABELS } from './campaign-sort'
import { campaignListRoute } from './route-api'

const SEARCH_DEBOUNCE_MS = 300
const DEFAULT_STATUS = ''

type Props = { advertisers: AdvertiserSummary[] }

export function CampaignFilters({ advertisers }: Props) {
  const search = campaignListRoute.useSearch()
  const navigate = campaignListRoute.useNavigate()
  const ids = { q: useId(), advertiser: useId(), status: useId(), buy: useId(), sort: useId() }

  // Any filter change starts again from the first page.
  const update = (patch: Partial<CampaignSearch>) =>
    navigate({ search: (prev) => ({ ...prev, ...patch, cursor: undefined, back: undefined }), replace: true })

  const [name, setName] = useState(search.q ?? '')
  const debouncedName = useDebouncedValue(name.trim(), SEARCH_DEBOUNCE_MS)
  // Push only when the typed text settles on something new, so Back/Forward never fights the input.
  const sentName = useRef(debouncedName)
  const router = useRouter()
  useEffect(() => {
    if (sentName.current === debouncedName) return
    sentName.current = debouncedName
    // The list stays on screen while a campaign the buyer clicked loads: a search settling then must not pull them back.
    if (router.state.location.pathname !== router.state.resolvedLocation?.pathname) return
    void navigate({
      search: (prev) => ({ ...prev, q: debouncedName || undefined, cursor: undefined, back: undefined }),
      replace: true,
    })
  }, [debouncedName, navigate, router])

  const hasFilters = Boolean(search.q || search.advertiserId || search.status?.length || search.mediaBuyStatus?.length)

  return (
    <search aria-label="Filter campaigns" className="mb-4 flex flex-wrap items-end gap-3">
      <Field className="w-64">
        <FieldLabel htmlFor={ids.q}>Name</FieldLabel>
        <Input
          id={ids.q}
          type="search"
          placeholder="Search by name"
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
      </Field>
      <Field>
        <FieldLabel htmlFor={ids.advertiser}>Advertiser</FieldLabel>
        <Select
          id={ids.advertiser}
          value={search.advertiserId ?? ''}
          onChange={(event) => update({ advertiserId: event.target.value || undefined })}
        >
          <option value="">All advertisers</option>
          {advertisers.map((advertiser) => (
            <option key={advertiser.id} value={advertiser.id}>
              {advertiser.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field>
        <FieldLabel htmlFor={ids.status}>Campaign status</FieldLabel>
        <Select
          id={ids.status}
          value={search.status?.[0] ?? DEFAULT_STATUS}
          // Parsed by the URL schema: the default option ('') becomes "not set".
          onChange={(event) => update({ status: campaignSearchSchema.shape.status.parse([event.target.value]) })}
        >
          <option value={DEFAULT_STATUS}>Active, draft or paused</option>
          {CAMPAIGN_STATUSES.map((status) => (
            <option key={status} value={status}>
              {statusMeta(status).label}
            </option>
          ))}
          <option value="ALL">All statuses</option>
        </Select>
      </Field>
      <Field>
        <FieldLabel htmlFor={ids.buy}>Has a media buy that is</FieldLabel>
        <Select
          id={ids.buy}
          value={search.mediaBuyStatus?.[0] ?? ''}
          onChange={(event) =>
            update({ mediaBuyStatus: campaignSearchSchema.shape.mediaBuyStatus.parse([event.target.value]) })
          }
        >
          <option value="">Any status</option>
          {MEDIA_BUY_STATUSES.map((status) => (
            <option key={status} value={status}>
              {statusMeta(status).label}
            </option>
          ))}
        </Select>
      </Field>
      <Field>
        <FieldLabel htmlFor={ids.sort}>Sort this page by</FieldLabel>
        <Select
          id={ids.sort}
          value={search.sort ?? ''}
          onChange={(event) =>
            void navigate({
              search: (prev) => ({
                ...prev,
                sort: campaignSearchSchema.shape.sort.parse(event.target.value || undefined),
              }),
              replace: true,
            })
          }
        >
          <option value="">Platform order</option>
          {Object.entries(SORT_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
      </Field>
      {hasFilters ? (
        <Button
          variant="ghost"
          onClick={() => {
            setName('')
            void navigate({ search: {}, replace: true })
          }}
        >
          Clear filters
        </Button>
      ) : null}
    </search>
  )
}
