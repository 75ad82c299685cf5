// The municipalities of the demo zones, before and after the mergers of 1 January 2025, from the CSV kept
// next to this file (a copy of /work/shared/data/municipalities.csv, so that the repository is self-contained,
// plus the four municipalities PZ MIDOW kept after Meulebeke left: Ingelmunster, Dentergem, Oostrozebeke and
// Wielsbeke, with their REFNIS codes only; their population and area are not in the source of that file, and
// the demo leaves them empty rather than mixing in figures of another source or year).
import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'

export const MUNICIPALITIES_CSV = new URL('./municipalities.csv', import.meta.url)

export interface MunicipalityCsvRow {
  zoneName: string
  zoneCode: string
  municipality: string
  nisCode: string
  population: number | null
  populationYear: number | null
  areaKm2: number | null
  validFrom: string | null
  validTo: string | null
  /** The NAME of the municipality it merged into (the CSV names it; NIS codes change on a merger). */
  mergedInto: string | null
  note: string | null
}

type RawRow = Record<string, string | undefined>

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

const text = (raw: RawRow, column: string): string | null => {
  const value = raw[column]?.trim()
  return value ? value : null
}

const required = (raw: RawRow, column: string, pattern?: RegExp): string => {
  const value = text(raw, column)
  if (value === null) throw new Error(`municipalities.csv: column "${column}" is empty in ${JSON.stringify(raw)}`)
  if (pattern && !pattern.test(value)) throw new Error(`municipalities.csv: "${column}" = "${value}" is not valid`)
  return value
}

const number = (raw: RawRow, column: string): number | null => {
  const value = text(raw, column)
  if (value === null) return null
  const n = Number(value)
  if (!Number.isFinite(n)) throw new Error(`municipalities.csv: "${column}" = "${value}" is not a number`)
  return n
}

const date = (raw: RawRow, column: string): string | null => {
  const value = text(raw, column)
  if (value !== null && !ISO_DATE.test(value))
    throw new Error(`municipalities.csv: "${column}" = "${value}" is not a date`)
  return value
}

export function toMunicipalityRow(raw: RawRow): MunicipalityCsvRow {
  return {
    zoneName: required(raw, 'zone_name'),
    zoneCode: required(raw, 'zone_code', /^\d{4}$/),
    municipality: required(raw, 'municipality'),
    nisCode: required(raw, 'nis_code', /^\d{5}$/),
    population: number(raw, 'population'),
    populationYear: number(raw, 'population_year'),
    areaKm2: number(raw, 'area_km2'),
    validFrom: date(raw, 'valid_from'),
    validTo: date(raw, 'valid_to'),
    mergedInto: text(raw, 'merged_into'),
    note: text(raw, 'note'),
  }
}

export function parseMunicipalities(csv: string): MunicipalityCsvRow[] {
  const records = parse<RawRow>(csv, { columns: true, skip_empty_lines: true, trim: true, bom: true })
  return records.map(toMunicipalityRow)
}

/** Read once per process: the file is part of the source tree and does not change while running. */
let cached: readonly MunicipalityCsvRow[] | null = null

export function readMunicipalities(): readonly MunicipalityCsvRow[] {
  cached ??= Object.freeze(parseMunicipalities(readFileSync(MUNICIPALITIES_CSV, 'utf8')))
  return cached
}
