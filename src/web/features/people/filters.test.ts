import { describe, expect, it } from 'vitest'
import { PAGE_SIZE, readFilters, toQuery, writeFilters } from './filters.ts'

describe('people filters in the URL', () => {
  it('round-trip through the query string', () => {
    const params = new URLSearchParams(
      'zone=6f1c2a4e-8b3d-4c5e-9f60-7a8b9c0d1e2f&q=Peeters&rank=commissaris&qualification=obp&staffKind=operational&page=3',
    )
    const filters = readFilters(params)
    expect(filters).toEqual({
      zoneId: '6f1c2a4e-8b3d-4c5e-9f60-7a8b9c0d1e2f',
      q: 'Peeters',
      rank: 'commissaris',
      qualification: 'obp',
      staffKind: 'operational',
      page: 3,
    })
    expect(writeFilters(filters)).toEqual(Object.fromEntries(params))
  })
  it('ignore values that are not known', () => {
    const filters = readFilters(new URLSearchParams('zone=garbage&rank=generaal&staffKind=x&page=-2'))
    expect(filters.zoneId).toBeNull()
    expect(filters.rank).toBeNull()
    expect(filters.staffKind).toBeNull()
    expect(filters.page).toBe(1)
  })
  it('turn the page into an offset', () => {
    const query = toQuery({ ...readFilters(new URLSearchParams()), page: 4 })
    expect(query).toEqual({ limit: PAGE_SIZE, offset: 3 * PAGE_SIZE })
  })
})
