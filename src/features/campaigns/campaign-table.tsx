import { useMemo } from 'react'
import { flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table'
import type { CampaignSummary } from '@/api/schemas/campaign'
import { Table, TableCell, TableHead, TableHeaderCell, TableRow } from '@/components/ui/table'
import { campaignColumns } from './campaign-columns'

type Props = {
  campaigns: CampaignSummary[]
  advertiserNames: ReadonlyMap<string, string>
  caption: string
}

export function CampaignTable({ campaigns, advertiserNames, caption }: Props) {
  const columns = useMemo(() => campaignColumns(advertiserNames), [advertiserNames])
  // react-hooks warns that useReactTable cannot be compiled; this app does not run the React Compiler.
  const table = useReactTable({
    data: campaigns,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (c) => c.campaignId,
  })

  return (
    <Table>
      <caption className="sr-only">{caption}</caption>
      <TableHead>
        {table.getHeaderGroups().map((group) => (
          <TableRow key={group.id}>
            {group.headers.map((header) => (
              <TableHeaderCell key={header.id} scope="col">
                {header.isPlaceholder ? null : flexRender(header.column.columnDef.header, header.getContext())}
              </TableHeaderCell>
            ))}
          </TableRow>
        ))}
      </TableHead>
      <tbody>
        {table.getRowModel().rows.map((row) => (
          <TableRow key={row.id} data-campaign-id={row.id}>
            {row.getVisibleCells().map((cell) => (
              <TableCell key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</TableCell>
            ))}
          </TableRow>
        ))}
      </tbody>
    </Table>
  )
}
