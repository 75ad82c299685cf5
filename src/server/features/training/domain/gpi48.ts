// GPI 48 compliance (DOMAIN.md: at least 5 use-of-force sessions per rolling 12 months, one of them an evaluation,
// spread over the year), pure. The thresholds are a zone's (training_settings; defaults in migration 0020).
//
// The window of `asOf` holds the days d with asOf − windowMonths < d ≤ asOf. Temporal's PlainDate.subtract
// constrains a day that does not exist in the target month to its last day: 2028-02-29 − 12 months = 2027-02-28
// (so the window starts on 2027-03-01), and 2025-02-28 − 12 months = 2024-02-28 (so a session on 2024-02-29 is
// still in: leap years are read both ways as the calendar reads them, never as "365 days").
//
// Spread: sessions are counted greedily from the earliest in the window; one counts only when at least minGapDays
// after the previously counted one (five sessions in one week count once). The greedy choice counts the most
// sessions any choice could, so a session leaving the window never raises the count: the first day on which the
// count drops below the threshold is where the person falls behind. A passed evaluation counts as a session
// (subject to the spread) and as an evaluation (no gap rule); a failed one (or one without a result) counts as a
// session only. Sessions after asOf do not count.
import { Temporal } from 'temporal-polyfill'

export type Gpi48Kind = 'training' | 'evaluation'

export interface Gpi48Session {
  /** The Brussels day of the session, YYYY-MM-DD. */
  day: string
  kind: Gpi48Kind
  result: 'passed' | 'failed' | null
}

export interface Gpi48Rules {
  windowMonths: number
  minSessions: number
  minEvaluations: number
  minGapDays: number
  /** The horizon of "will fall behind" (days after asOf). */
  warnDays: number
}

/** The defaults of migration 0020 (a zone without a training_settings row). */
export const DEFAULT_GPI48_RULES: Gpi48Rules = {
  windowMonths: 12,
  minSessions: 5,
  minEvaluations: 1,
  minGapDays: 14,
  warnDays: 60,
}

export const GPI48_STATUSES = ['compliant', 'due_soon', 'behind'] as const
export type Gpi48Status = (typeof GPI48_STATUSES)[number]

export interface Gpi48Result {
  status: Gpi48Status
  /** Sessions counted after the spread rule. */
  counted: number
  /** Passed evaluations in the window. */
  evaluations: number
  required: { sessions: number; evaluations: number }
  /** The days of the counted sessions, oldest first. */
  countedDays: string[]
  /** The first day of the window (asOf − windowMonths + 1 day). */
  windowStart: string
  /** For a compliant person: the first day within warnDays on which, with no new session, they are not. */
  fallsBehindOn: string | null
}

const plain = (day: string) => Temporal.PlainDate.from(day)

/** The first day of the window of `asOf`: the day after asOf − windowMonths (constrained to the month's end). */
export function windowStart(asOf: string, windowMonths: number): string {
  return plain(asOf).subtract({ months: windowMonths }).add({ days: 1 }).toString()
}

const daysBetween = (from: string, to: string): number => plain(from).until(plain(to), { largestUnit: 'days' }).days

/** Oldest first; on one day a passed evaluation before the rest (it is the one that counts for both). */
function byDay<T extends Gpi48Session>(sessions: readonly T[]): T[] {
  const weight = (s: Gpi48Session) => (s.kind === 'evaluation' ? (s.result === 'passed' ? 0 : 1) : 2)
  return [...sessions].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : weight(a) - weight(b)))
}

/** The sessions of the window (first..asOf) that count after the spread rule, greedily from the earliest. */
export function countedSessions<T extends Gpi48Session>(
  sessions: readonly T[],
  asOf: string,
  rules: Pick<Gpi48Rules, 'windowMonths' | 'minGapDays'>,
): T[] {
  const first = windowStart(asOf, rules.windowMonths)
  const counted: T[] = []
  for (const s of byDay(sessions)) {
    if (s.day < first || s.day > asOf) continue
    const last = counted.at(-1)
    if (last === undefined || daysBetween(last.day, s.day) >= rules.minGapDays) counted.push(s)
  }
  return counted
}

function standing(sessions: readonly Gpi48Session[], asOf: string, rules: Gpi48Rules) {
  const first = windowStart(asOf, rules.windowMonths)
  const counted = countedSessions(sessions, asOf, rules)
  const evaluations = sessions.filter(
    (s) => s.kind === 'evaluation' && s.result === 'passed' && s.day >= first && s.day <= asOf,
  ).length
  const compliant = counted.length >= rules.minSessions && evaluations >= rules.minEvaluations
  return { first, counted, evaluations, compliant }
}

/** A person's GPI 48 compliance on `asOf` from their attended sessions. */
export function gpi48Compliance(sessions: readonly Gpi48Session[], asOf: string, rules: Gpi48Rules): Gpi48Result {
  const past = sessions.filter((s) => s.day <= asOf)
  const now = standing(past, asOf, rules)
  let fallsBehindOn: string | null = null
  if (now.compliant) {
    // Only a session leaving the window changes the standing: look again on each day the window start passes one.
    let day = plain(asOf)
    let inWindow = past.filter((s) => s.day >= now.first).length
    for (let i = 1; i <= rules.warnDays; i++) {
      day = day.add({ days: 1 })
      const d = day.toString()
      const first = windowStart(d, rules.windowMonths)
      const left = past.filter((s) => s.day >= first).length
      if (left === inWindow) continue
      inWindow = left
      if (!standing(past, d, rules).compliant) {
        fallsBehindOn = d
        break
      }
    }
  }
  return {
    status: !now.compliant ? 'behind' : fallsBehindOn !== null ? 'due_soon' : 'compliant',
    counted: now.counted.length,
    evaluations: now.evaluations,
    required: { sessions: rules.minSessions, evaluations: rules.minEvaluations },
    countedDays: now.counted.map((s) => s.day),
    windowStart: now.first,
    fallsBehindOn,
  }
}

/** Order of the zone overview: behind, then due soon, then compliant. */
export const STATUS_ORDER: Record<Gpi48Status, number> = { behind: 0, due_soon: 1, compliant: 2 }
