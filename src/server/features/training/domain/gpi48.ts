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

/** Calendar arithmetic is pure and a zone's people share their days: remember results (bounded). */
function memo(fn: (day: string, months: number) => string): (day: string, months: number) => string {
  const cache = new Map<string, string>()
  return (day, months) => {
    const key = `${day}|${months}`
    let hit = cache.get(key)
    if (hit === undefined) {
      if (cache.size >= 20_000) cache.clear()
      cache.set(key, (hit = fn(day, months)))
    }
    return hit
  }
}

/** The first day of the window of `asOf`: the day after asOf − windowMonths (constrained to the month's end). */
export const windowStart = memo((asOf, windowMonths) =>
  plain(asOf).subtract({ months: windowMonths }).add({ days: 1 }).toString(),
)

/** Whole days from one YYYY-MM-DD to another (both read as UTC midnights: exact for calendar days). */
const daysBetween = (from: string, to: string): number => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000)

/** The first day whose window no longer holds `day`: the smallest d with d − windowMonths ≥ day. */
export const leavesWindowOn = memo((day, windowMonths) => {
  const back = (d: Temporal.PlainDate) => d.subtract({ months: windowMonths }).toString()
  // d − months is monotone in d but, constrained at a month's end, not strictly: step to the exact first day.
  let d = plain(day).add({ months: windowMonths })
  while (back(d) < day) d = d.add({ days: 1 })
  while (back(d.subtract({ days: 1 })) >= day) d = d.subtract({ days: 1 })
  return d.toString()
})

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
    // Only a session leaving the window changes the standing: look again on each day one leaves, in order.
    const horizon = new Date(Date.parse(asOf) + rules.warnDays * 86_400_000).toISOString().slice(0, 10)
    const days = [
      ...new Set(past.filter((s) => s.day >= now.first).map((s) => leavesWindowOn(s.day, rules.windowMonths))),
    ]
      .filter((d) => d > asOf && d <= horizon)
      .sort()
    fallsBehindOn = days.find((d) => !standing(past, d, rules).compliant) ?? null
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
