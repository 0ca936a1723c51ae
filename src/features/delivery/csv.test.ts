import { csvCell, deliveryCsv, CSV_HEADER } from './csv'
import type { DeliveryRow } from './delivery-model'

const base: DeliveryRow = {
  id: 'x',
  level: 'package',
  campaignName: 'C',
  buyName: 'B',
  packageName: 'P',
  seller: 'S',
  status: 'ACTIVE',
  budget: 1000,
  spend: 100.5,
  impressions: 10_000,
  clicks: 20,
  ctr: 0.002,
  cpm: 10.05,
  daily: [],
  plan: null,
  pacing: null,
}

describe('delivery CSV', () => {
  it('quotes per RFC 4180 and neutralises formulas', () => {
    expect(csvCell('plain')).toBe('plain')
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)")
    expect(csvCell('+1')).toBe("'+1")
    expect(csvCell('-x,y')).toBe(`"'-x,y"`)
    expect(csvCell('@cmd')).toBe("'@cmd")
    expect(csvCell(1234.5)).toBe('1234.5')
    expect(csvCell(null)).toBe('')
  })

  it('has a header, one row per level and a totals row over the packages, numbers with a dot', () => {
    const rows: DeliveryRow[] = [
      {
        ...base,
        id: 'c',
        level: 'campaign',
        buyName: '',
        packageName: '',
        spend: 300.75,
        impressions: 30_000,
        clicks: 50,
      },
      { ...base, id: 'b', level: 'buy', packageName: '', spend: 300.75, impressions: 30_000, clicks: 50 },
      base,
      { ...base, id: 'p2', packageName: 'P2', spend: 200.35, impressions: 20_000, clicks: 30 },
    ]
    const lines = deliveryCsv(rows, 'EUR').split('\r\n')
    expect(lines[0]).toBe(CSV_HEADER.join(','))
    expect(lines).toHaveLength(rows.length + 3) // header, rows, total, trailing empty
    expect(lines[3]).toBe('Package,C,B,P,S,ACTIVE,EUR,1000,100.5,10000,20,0.2,10.05,,')
    expect(lines[5]).toBe('Total,,,,,,EUR,2000,300.85,30000,50,0.1667,10.03,,')
  })
})
