import { describe, expect, it } from 'vitest'
import { hoursText, instantOf, newIdempotencyKey, problemsByField, wallOf } from './model.ts'

describe('assistance page helpers', () => {
  it('makes idempotency keys the API accepts', () => {
    const key = newIdempotencyKey()
    expect(key).toMatch(/^[A-Za-z0-9_-]{8,100}$/)
    expect(newIdempotencyKey()).not.toBe(key)
  })

  it('writes minutes as signed h:mm', () => {
    const group = (h: number) => new Intl.NumberFormat('nl-BE').format(h)
    expect(hoursText(0, group)).toBe('0:00')
    expect(hoursText(125, group)).toBe('2:05')
    expect(hoursText(-195, group)).toBe('−3:15')
    expect(hoursText(74_045, group)).toBe('1.234:05')
  })

  it('reads typed Brussels wall times across DST and back', () => {
    expect(instantOf({ date: '2026-03-29', time: '12:00' })).toBe('2026-03-29T10:00:00.000Z')
    expect(instantOf({ date: '2026-01-10', time: '23:30' })).toBe('2026-01-10T22:30:00.000Z')
    expect(instantOf({ date: '2026-01-10', time: '7:30' })).toBeNull()
    expect(instantOf({ date: null, time: '07:30' })).toBeNull()
    expect(wallOf('2026-07-01T22:15:00Z')).toEqual({ date: '2026-07-02', time: '00:15' })
  })

  it('groups server problems by the form field they name', () => {
    const byField = problemsByField({
      problems: [
        { code: 'ASSISTANCE_WINDOW_INVALID', field: 'end' },
        { code: 'ASSISTANCE_LINE_INVALID', field: 'lines[0].count' },
        { code: 'ASSISTANCE_LINE_INVALID', field: 'lines.1.capability' },
        { code: 'X' },
        'junk',
      ],
    })
    expect(byField.get('end')).toEqual(['ASSISTANCE_WINDOW_INVALID'])
    expect(byField.get('lines')).toHaveLength(2)
    expect(byField.get('_')).toEqual(['X'])
    expect(problemsByField(undefined).size).toBe(0)
  })
})
