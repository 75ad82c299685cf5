import { describe, expect, it } from 'vitest'
import {
  formatArea,
  formatDate,
  formatDateTime,
  formatDateTimeSeconds,
  formatDateWithPrecision,
  formatFte,
  formatMoney,
  formatMonth,
  formatNumber,
  todayInBrussels,
} from './format.ts'

// Intl uses no-break spaces (U+00A0, U+202F); compare with plain spaces so the tests read naturally.
const plain = (s: string): string => s.replace(/[\u00a0\u202f]/g, ' ')

describe('formatDate', () => {
  it('writes Belgian dd/mm/jjjj in every language', () => {
    expect(formatDate('2024-02-29', 'nl')).toBe('29/02/2024')
    expect(formatDate('2024-02-29', 'fr')).toBe('29/02/2024')
    expect(formatDate('2024-02-29', 'en')).toBe('29/02/2024')
  })
  it('never shifts a calendar date by a day, in summer or winter time', () => {
    expect(formatDate('2018-02-02', 'nl')).toBe('02/02/2018')
    expect(formatDate('2025-07-21', 'nl')).toBe('21/07/2025')
    expect(formatDate('2024-12-31', 'nl')).toBe('31/12/2024')
  })
  it('shows instants in Brussels time', () => {
    // 23:30 UTC on 31 December is already New Year in Brussels.
    expect(formatDate('2024-12-31T23:30:00Z', 'nl')).toBe('01/01/2025')
    expect(formatDateTime('2024-03-31T01:30:00Z', 'nl')).toBe('31/03/2024 03:30')
  })
  it('adds seconds for log entries, in Brussels time and every language', () => {
    expect(formatDateTimeSeconds('2024-03-31T01:30:07Z', 'nl')).toBe('31/03/2024 03:30:07')
    expect(formatDateTimeSeconds('2024-12-31T23:05:09.512Z', 'fr')).toBe('01/01/2025 00:05:09')
    expect(formatDateTimeSeconds('2024-07-01T08:00:00Z', 'en')).toBe('01/07/2024 10:00:00')
  })
  it('leaves text it cannot read alone', () => {
    expect(formatDate('binnenkort', 'nl')).toBe('binnenkort')
    expect(formatDateTimeSeconds('binnenkort', 'nl')).toBe('binnenkort')
  })
})

describe('formatMonth', () => {
  it('names the month in the language', () => {
    expect(formatMonth('2024-03-01', 'nl')).toBe('maart 2024')
    expect(formatMonth('2024-03-01', 'fr')).toBe('mars 2024')
    expect(formatMonth('2024-03-01', 'en')).toBe('March 2024')
  })
  it('is used for month-precision dates only', () => {
    expect(formatDateWithPrecision('2024-03-01', 'month', 'nl')).toBe('maart 2024')
    expect(formatDateWithPrecision('2024-03-01', 'day', 'nl')).toBe('01/03/2024')
  })
})

describe('numbers', () => {
  it('uses Belgian separators', () => {
    expect(formatNumber(858, 'nl')).toBe('858')
    expect(formatNumber(33400, 'nl')).toBe('33.400')
    expect(formatNumber(624.63, 'nl')).toBe('624,63')
    expect(plain(formatNumber(33400, 'fr'))).toBe('33 400')
    expect(formatNumber(33400, 'en')).toBe('33.400')
  })
  it('writes areas with two decimals and km²', () => {
    expect(plain(formatArea(624.63, 'nl'))).toBe('624,63 km²')
    expect(plain(formatArea(53.2, 'en'))).toBe('53,20 km²')
  })
  it('rounds FTE to one decimal', () => {
    expect(formatFte(812.35, 'nl')).toBe('812,4')
    expect(formatFte(12, 'nl')).toBe('12')
  })
})

describe('formatMoney', () => {
  it('shows whole euros from cents, Belgian style', () => {
    expect(plain(formatMoney(8_907_830_000, 'nl'))).toBe('€ 89.078.300')
    expect(plain(formatMoney(8_907_830_000, 'fr'))).toBe('89 078 300 €')
    expect(plain(formatMoney(8_907_830_000, 'en'))).toBe('€ 89.078.300')
  })
  it('rounds cents to the euro', () => {
    expect(plain(formatMoney(1_691_921_349, 'nl'))).toBe('€ 16.919.213')
  })
})

describe('todayInBrussels', () => {
  it('is the Brussels calendar day, not the UTC one', () => {
    expect(todayInBrussels(new Date('2024-12-31T23:30:00Z'))).toBe('2025-01-01')
    expect(todayInBrussels(new Date('2024-07-01T21:59:00Z'))).toBe('2024-07-01')
    expect(todayInBrussels(new Date('2024-07-01T22:00:00Z'))).toBe('2024-07-02')
  })
})
