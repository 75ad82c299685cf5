// A zone's settlement statement as a PDF a finance department can file (issue 10), rendered by pdfkit in a
// worker thread of platform/workers.ts (never on the request thread: layout is CPU work). Plain data in (the
// settlement as the API returns it, the zone, the language), the PDF's bytes out. The standard Helvetica font
// (WinAnsi) holds every character we print: é, ’, –, ·, ×, €.
import PDFDocument from 'pdfkit'
import { formatEuros } from '../../platform/money.ts'
import type { Locale } from '../../platform/schema.ts'
import { belgianDate } from './domain/settlement.ts'
import type { Settlement, ZoneSettlement } from './settlement-schema.ts'
import { periodText, statusText, transferTexts, zoneText } from './statement-csv.ts'
import { STATEMENT_LABELS, noteText, percentText } from './statement-labels.ts'

export const STATEMENT_PDF_TASK = {
  module: new URL('./statement-pdf-task.ts', import.meta.url).href,
  name: 'renderStatementPdf',
} as const

export interface StatementPdfInput {
  settlement: Settlement
  zone: ZoneSettlement
  locale: Locale
}

const KINDS = ['depreciation', 'running_cost', 'loan_fee', 'assistance'] as const
const MARGIN = 50
const WIDTH = 595.28 - 2 * MARGIN // A4

interface Column {
  width: number
  align?: 'left' | 'right'
}

export function renderStatementPdf(input: StatementPdfInput): Promise<Uint8Array> {
  const { settlement: s, zone, locale } = input
  const l = STATEMENT_LABELS[locale]
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: `${l.title} – ${zoneText(zone.zone)} – ${periodText(s.from, s.to)}`, Author: 'Verbond' },
  })
  const chunks: Buffer[] = []
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c))
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))))
    doc.on('error', reject)
  })
  const bottom = () => doc.page.height - MARGIN

  /** One table row; a new page first when it does not fit. */
  const row = (cells: string[], columns: Column[], bold = false) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9)
    const height = Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { width: columns[i]!.width - 4 })))
    if (doc.y + height > bottom()) doc.addPage()
    const y = doc.y
    let x = MARGIN
    cells.forEach((c, i) => {
      const col = columns[i]!
      doc.text(c, x, y, { width: col.width - 4, align: col.align ?? 'left' })
      x += col.width
    })
    doc.x = MARGIN
    doc.y = y + height + 3
  }
  const heading = (text: string, size = 11) => {
    if (doc.y + 40 > bottom()) doc.addPage()
    doc.moveDown(0.6).font('Helvetica-Bold').fontSize(size).text(text, MARGIN, doc.y, { width: WIDTH }).moveDown(0.3)
  }
  const paragraph = (text: string) =>
    doc.font('Helvetica').fontSize(9).text(text, MARGIN, doc.y, { width: WIDTH }).moveDown(0.2)

  doc.font('Helvetica-Bold').fontSize(15).text(l.title, { width: WIDTH }).moveDown(0.5)
  const meta: Column[] = [{ width: 110 }, { width: WIDTH - 110 }]
  row([l.association, `${s.association.code} ${s.association.name}`], meta)
  row([l.zone, zoneText(zone.zone)], meta, true)
  row([l.period, periodText(s.from, s.to)], meta)
  row([l.madeOn, belgianDate(s.madeOn)], meta)
  row([l.status, statusText(s, l)], meta)

  const lines: Column[] = [{ width: 165 }, { width: 170 }, { width: 80, align: 'right' }, { width: 80, align: 'right' }]
  for (const kind of KINDS) {
    const ofKind = zone.lines.filter((x) => x.kind === kind)
    if (ofKind.length === 0) continue
    heading(l.kinds[kind])
    row([l.description, l.detail, l.charged, l.credited], lines, true)
    for (const line of ofKind)
      row(
        [line.title || l.kinds[kind], line.detail, formatEuros(line.chargedCents), formatEuros(line.creditedCents)],
        lines,
        false,
      )
  }
  heading(l.totals)
  const totals: Column[] = [{ width: WIDTH - 160 }, { width: 160, align: 'right' }]
  row([l.charged, formatEuros(zone.chargedCents)], totals)
  row([l.credited, formatEuros(zone.creditedCents)], totals)
  row([l.net, formatEuros(zone.netCents)], totals, true)
  paragraph(l.netMeaning)

  heading(l.transfers)
  const transfers = transferTexts(s, zone.zone.id, l)
  for (const t of transfers.length > 0 ? transfers : [l.noTransfers]) paragraph(t)

  if (s.keys.length > 0) heading(l.keys)
  const keyColumns: Column[] = [
    { width: 150 },
    { width: 70, align: 'right' },
    { width: 55, align: 'right' },
    { width: 70, align: 'right' },
    { width: 80, align: 'right' },
    { width: 70, align: 'right' },
  ]
  // Belgian figures (59.031 inhabitants, 92,4 FTE), in every language like the amounts (formatEuros).
  const figure = new Intl.NumberFormat('nl-BE', { maximumFractionDigits: 2 })
  const num = (v: number | null) => (v === null ? '' : figure.format(v))
  for (const inv of s.keys) {
    heading(inv.title, 10)
    for (const k of inv.keys) {
      const weights = Object.entries(k.weights)
        .map(([m, w]) => `${l.method[m] ?? m} ${num(w)}`)
        .join(', ')
      paragraph(
        `${belgianDate(k.validFrom)} ${l.until} ${k.validTo ? belgianDate(k.validTo) : l.open}: ${l.method[k.method] ?? k.method}${weights ? ` (${l.weights.toLowerCase()}: ${weights})` : ''}`,
      )
      row([l.zone, l.population, l.fte, l.percent, l.usageHours, l.fraction], keyColumns, true)
      for (const i of k.inputs)
        row(
          [zoneText(i.zone), num(i.population), num(i.fte), num(i.percent), num(i.usageHours), percentText(i.fraction)],
          keyColumns,
        )
    }
  }
  if (s.notes.length > 0) {
    heading(l.notes)
    for (const n of s.notes) paragraph(noteText(l, n))
  }
  doc.end()
  return done
}
