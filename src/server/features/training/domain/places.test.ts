import { describe, expect, it } from 'vitest'
import { customProblem, splitPlaces } from './places.ts'

const z = (code: string, weight: number) => ({ zoneId: `id-${code}`, code, weight })
const sum = (xs: { places: number }[]) => xs.reduce((s, x) => s + x.places, 0)

describe('splitPlaces', () => {
  it('splits equally and hands the remainder to the lower zone code', () => {
    expect(splitPlaces(7, [z('5382', 1), z('5381', 1)])).toEqual([
      { zoneId: 'id-5381', places: 4 },
      { zoneId: 'id-5382', places: 3 },
    ])
    expect(splitPlaces(10, [z('B', 1), z('C', 1), z('A', 1)]).map((p) => p.places)).toEqual([4, 3, 3])
  })

  it('splits by FTE in proportion, always adding up to the capacity', () => {
    expect(splitPlaces(12, [z('A', 30), z('B', 10)]).map((p) => p.places)).toEqual([9, 3])
    expect(splitPlaces(10, [z('A', 2.5), z('B', 0.8), z('C', 11.2)]).map((p) => p.places)).toEqual([2, 0, 8])
    for (let capacity = 1; capacity <= 60; capacity++)
      expect(sum(splitPlaces(capacity, [z('A', 13.7), z('B', 0.5), z('C', 44.1), z('D', 7)]))).toBe(capacity)
  })

  it('gives a zone of zero weight nothing, and falls back to equal when all weigh zero', () => {
    expect(splitPlaces(5, [z('A', 0), z('B', 3)])).toEqual([
      { zoneId: 'id-A', places: 0 },
      { zoneId: 'id-B', places: 5 },
    ])
    expect(splitPlaces(5, [z('A', 0), z('B', 0)]).map((p) => p.places)).toEqual([3, 2])
  })

  it('gives one zone everything, and no zones nothing', () => {
    expect(splitPlaces(9, [z('A', 0.1)])).toEqual([{ zoneId: 'id-A', places: 9 }])
    expect(splitPlaces(9, [])).toEqual([])
    expect(() => splitPlaces(-1, [z('A', 1)])).toThrow(RangeError)
  })

  it('is the same whatever the order of the zones', () => {
    const a = splitPlaces(11, [z('C', 3), z('A', 3), z('B', 3)])
    const b = splitPlaces(11, [z('A', 3), z('B', 3), z('C', 3)])
    expect(a).toEqual(b)
    expect(a.map((p) => p.places)).toEqual([4, 4, 3])
  })
})

describe('customProblem', () => {
  it('wants exactly the zones, each once, adding up to the capacity', () => {
    const ids = ['a', 'b']
    expect(
      customProblem(5, ids, [
        { zoneId: 'a', places: 2 },
        { zoneId: 'b', places: 3 },
      ]),
    ).toBeNull()
    expect(
      customProblem(5, ids, [
        { zoneId: 'a', places: 2 },
        { zoneId: 'b', places: 2 },
      ]),
    ).toBe('sum')
    expect(customProblem(5, ids, [{ zoneId: 'a', places: 5 }])).toBe('zones')
    expect(
      customProblem(5, ids, [
        { zoneId: 'a', places: 2 },
        { zoneId: 'a', places: 3 },
      ]),
    ).toBe('zones')
    expect(
      customProblem(5, ids, [
        { zoneId: 'a', places: 2 },
        { zoneId: 'c', places: 3 },
      ]),
    ).toBe('zones')
  })
})
