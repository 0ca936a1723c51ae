import { Button } from '@/components/ui/button'
import { deliveryCsv, downloadCsv } from './csv'
import type { DeliveryRow } from './delivery-model'

export function ExportCsvButton({
  rows,
  currency,
  fileName,
}: {
  rows: readonly DeliveryRow[]
  currency: string
  fileName: string
}) {
  return (
    <Button
      size="sm"
      variant="secondary"
      disabled={rows.length === 0}
      onClick={() => downloadCsv(fileName, deliveryCsv(rows, currency))}
    >
      Export CSV
    </Button>
  )
}
