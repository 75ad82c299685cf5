// Effective-dated facts (municipalities, memberships): which ones hold on a given day. Dates are
// YYYY-MM-DD, so string comparison is date comparison; both ends are inclusive.
export interface Period {
  validFrom: string | null
  validTo: string | null
}

export const isCurrent = (p: Period, date: string): boolean =>
  (p.validFrom === null || p.validFrom <= date) && (p.validTo === null || p.validTo >= date)

export const hasEnded = (p: Period, date: string): boolean => p.validTo !== null && p.validTo < date
