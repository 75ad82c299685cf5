import { describe, expect, it } from 'vitest'
import {
  countIn,
  NO_FILTERS,
  PAGE_SIZE,
  readFilters,
  shortId,
  toExportQuery,
  toQuery,
  writeFilters,
} from './filters.ts'

const ZONE = 'e8641eee-8fec-4fde-86bc-7eb7c13730c9'
const PERSON = '8d375b34-0000-4000-8000-000000000001'
const USER = '1a2b3c4d-0000-4000-8000-000000000002'

describe('audit filters in the URL', () => {
  it('round-trip through the query string', () => {
    const params = new URLSearchParams(
      `zone=${ZONE}&action=person.list&person=${PERSON}&user=${USER}&from=2026-01-01&to=2026-03-31&page=2`,
    )
    const filters = readFilters(params)
    expect(filters).toEqual({
      zoneId: ZONE,
      action: 'person.list',
      personId: PERSON,
      actorUserId: USER,
      from: '2026-01-01',
      to: '2026-03-31',
      page: 2,
    })
    expect(writeFilters(filters)).toEqual(Object.fromEntries(params))
  })
  it('ignore values that are not known', () => {
    const filters = readFilters(
      new URLSearchParams('zone=5453&action=drop.table&person=x&user=1&from=2026-13-01&page=0'),
    )
    expect(filters).toEqual(NO_FILTERS)
    expect(writeFilters(filters)).toEqual({})
  })
  it('read a period typed backwards the right way round', () => {
    expect(readFilters(new URLSearchParams('from=2026-03-31&to=2026-01-01'))).toMatchObject({
      from: '2026-01-01',
      to: '2026-03-31',
    })
  })
  it('turn the page into an offset; the export takes the filters without paging', () => {
    const filters = { ...NO_FILTERS, zoneId: ZONE, action: 'auth.login' as const, personId: PERSON, page: 3 }
    expect(toQuery(filters)).toEqual({
      zoneId: ZONE,
      action: 'auth.login',
      personId: PERSON,
      limit: PAGE_SIZE,
      offset: 2 * PAGE_SIZE,
    })
    expect(toExportQuery(filters)).toEqual({ zoneId: ZONE, action: 'auth.login', personId: PERSON })
    expect(toQuery(readFilters(new URLSearchParams()))).toEqual({ limit: PAGE_SIZE, offset: 0 })
  })
})

describe('audit objects', () => {
  it('shorten UUIDs only', () => {
    expect(shortId(ZONE)).toBe('e8641eee')
    expect(shortId('42')).toBe('42')
  })
  it('count the ids an event lists in its details', () => {
    expect(countIn({ personIds: ['a', 'b', 'c'] }, 'personIds')).toBe(3)
    expect(countIn({ eventIds: [1] }, 'eventIds')).toBe(1)
    expect(countIn({ ip: '127.0.0.1' }, 'personIds')).toBeNull()
  })
})
