import { describe, expect, it } from 'vitest'
import { countIn, PAGE_SIZE, readFilters, shortId, toQuery, writeFilters } from './filters.ts'

const ZONE = 'e8641eee-8fec-4fde-86bc-7eb7c13730c9'

describe('audit filters in the URL', () => {
  it('round-trip through the query string', () => {
    const params = new URLSearchParams(`zone=${ZONE}&action=person.list&page=2`)
    const filters = readFilters(params)
    expect(filters).toEqual({ zoneId: ZONE, action: 'person.list', page: 2 })
    expect(writeFilters(filters)).toEqual(Object.fromEntries(params))
  })
  it('ignore values that are not known', () => {
    const filters = readFilters(new URLSearchParams('zone=5453&action=drop.table&page=0'))
    expect(filters).toEqual({ zoneId: null, action: null, page: 1 })
    expect(writeFilters(filters)).toEqual({})
  })
  it('turn the page into an offset', () => {
    expect(toQuery({ zoneId: ZONE, action: 'auth.login', page: 3 })).toEqual({
      zoneId: ZONE,
      action: 'auth.login',
      limit: PAGE_SIZE,
      offset: 2 * PAGE_SIZE,
    })
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
