import { useMemo } from 'react'
import { useQuery } from '@tanstack/react-query'
import { advertiserListQueryOptions } from '@/api/advertisers'
import { PageHeader } from '@/components/page-header'
import { useDocumentTitle } from '@/lib/use-document-title'
import { NeedsYouSectionView } from './needs-you-section'
import { NEEDS_YOU_SECTIONS } from './needs-you-sections'

export function NeedsYouPage() {
  useDocumentTitle('Needs you')
  const advertisers = useQuery(advertiserListQueryOptions())
  const names = useMemo(() => new Map((advertisers.data?.items ?? []).map((a) => [a.id, a.name])), [advertisers.data])
  return (
    <>
      <PageHeader title="Needs you" description="Media buys across every seller that wait for you or went wrong." />
      {NEEDS_YOU_SECTIONS.map((section) => (
        <NeedsYouSectionView key={section.id} section={section} advertiserNames={names} />
      ))}
    </>
  )
}
