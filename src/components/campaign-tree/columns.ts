import type { TreeColumn } from '@/components/tree-grid/tree-grid'

// One set of columns for every level: campaign, media buy, package (DV360-style hierarchy table).
// The minimums add up to 61rem, so the whole grid fits a 1024 px window without a horizontal scrollbar; the room
// beyond goes first to the names, which wrap rather than truncate.
export const TREE_MIN_WIDTH = '61rem'
export const TREE_COLUMNS: readonly TreeColumn[] = [
  { id: 'name', header: 'Name', width: 'minmax(11.5rem, 2fr)' },
  { id: 'party', header: 'Advertiser · seller', width: 'minmax(8.5rem, 1.3fr)' },
  { id: 'flight', header: 'Flight', width: 'minmax(10rem, 1.6fr)' },
  { id: 'budget', header: 'Budget', width: 'minmax(6.5rem, 0.7fr)', align: 'end' },
  { id: 'spend', header: 'Spend · pacing', width: 'minmax(7.5rem, 0.8fr)', align: 'end' },
  { id: 'status', header: 'Status', width: 'minmax(9rem, 1.1fr)' },
  { id: 'details', header: 'Details', width: 'minmax(8rem, 1fr)' },
]
