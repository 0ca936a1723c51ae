import type { TreeColumn } from '@/components/tree-grid/tree-grid'

// One set of columns for every level: campaign, media buy, package (DV360-style hierarchy table).
export const TREE_COLUMNS: readonly TreeColumn[] = [
  { id: 'name', header: 'Name', width: 'minmax(14rem, 2fr)' },
  { id: 'party', header: 'Advertiser · seller', width: 'minmax(8rem, 1fr)' },
  { id: 'flight', header: 'Flight', width: 'minmax(13.5rem, 1.1fr)' },
  { id: 'budget', header: 'Budget', width: '9.5rem', align: 'end' },
  { id: 'spend', header: 'Spend · pacing', width: '10rem', align: 'end' },
  { id: 'status', header: 'Status', width: 'minmax(11rem, 1.4fr)' },
  { id: 'details', header: 'Details', width: 'minmax(12rem, 1.5fr)' },
]
