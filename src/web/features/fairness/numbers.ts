// Belgian number formats of the fairness report: hours with one decimal (229,5), shares in percent (50,0 %),
// deviations with their sign (+12,5 / −3,0), "—" where a figure does not apply.
import type { Formatters } from '../../i18n/I18nProvider.tsx'

const NBSP = '\u00a0'
const ONE = { minimumFractionDigits: 1, maximumFractionDigits: 1 }

export interface FairnessNumbers {
  hours: (value: number | null) => string
  share: (value: number | null) => string
  signed: (value: number | null) => string
}

export function fairnessNumbers(f: Formatters): FairnessNumbers {
  const hours = (value: number | null) => (value === null ? '—' : f.number(value, ONE))
  return {
    hours,
    share: (value) => (value === null ? '—' : `${f.number(value * 100, ONE)}${NBSP}%`),
    // A true minus sign, and a plus for "carried more": the direction is the point of the column.
    signed: (value) =>
      value === null ? '—' : value > 0.05 ? `+${hours(value)}` : value < -0.05 ? `−${hours(-value)}` : hours(0),
  }
}
