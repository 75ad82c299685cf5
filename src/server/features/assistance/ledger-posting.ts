// Posting confirmed deployments in the person-hours ledger (issue 9). Owned by the ledger part (asst-ledger).
// The request core calls these in its own transaction: postDeployment once both zones confirmed the hours,
// reverseDeployment before hours that were posted change. Both lock the deployment row first, so two calls for
// one deployment never post twice; the deferred trigger assistance_ledger_balanced checks each posting at commit.
import { randomUUID } from 'node:crypto'
import type { Transaction } from 'kysely'
import { now } from '../../platform/clock.ts'
import { holidayDates } from '../../platform/holidays.ts'
import type { DB } from '../../platform/schema.ts'
import { DEFAULT_NIGHT, hoursSplitter, localDateOf } from '../permanences/domain/hours.ts'
import type { SlotHours } from '../permanences/domain/types.ts'
import { postDeployment as postingOf, rateFor, type Rate } from './domain/ledger.ts'
import { ledgerRepository, type LedgerRepository, type NewLine } from './ledger-repository.ts'

type StoredRate = Rate & { id: string }

/** No rate in force: every minute counts once (the statement shows `rate: null`, "plain rate"). */
const PLAIN_RATE: Rate = {
  category: '*',
  from: '0001-01-01',
  to: null,
  base: 1,
  extra: { night: 0, saturday: 0, sunday: 0, holiday: 0 },
}

export async function storedRates(repo: LedgerRepository, associationId: string): Promise<StoredRate[]> {
  return (await repo.rates(associationId)).map((r) => ({
    id: r.id,
    category: r.category,
    from: r.from,
    to: r.to,
    base: r.base,
    extra: { night: r.extra_night, saturday: r.extra_saturday, sunday: r.extra_sunday, holiday: r.extra_holiday },
  }))
}

/**
 * Posts a deployment whose hours both zones confirmed: two lines (helping zone +, helped zone −) of weighted
 * minutes, in the caller's transaction. Idempotent: a deployment already posted (and not reversed) posts nothing.
 * Rates are those of the association in force on the Brussels day the deployment started, as they are now:
 * a later rate change does not touch what was posted.
 */
export async function postDeployment(trx: Transaction<DB>, deploymentId: string): Promise<void> {
  await postDeployments(trx, [deploymentId])
}

/** postDeployment for many at once (the demo's year): one read, rates once per association, one insert. */
export async function postDeployments(trx: Transaction<DB>, deploymentIds: readonly string[]): Promise<void> {
  if (deploymentIds.length === 0) return
  const repo = ledgerRepository(trx)
  const deployments = await repo.deploymentsForPosting(deploymentIds)
  // The core posts only confirmed hours: anything else is a programming error, not a user's.
  if (deployments.length !== new Set(deploymentIds).size)
    throw new Error(`postDeployment: unknown deployment among ${deploymentIds.join(', ')}`)
  const posted = await repo.postedOf(deploymentIds)
  const ratesOf = new Map<string, StoredRate[]>()
  const splitters = new Map<string, (start: number, end: number) => SlotHours>()
  const postedAt = now()
  const lines: NewLine[] = []
  for (const d of deployments) {
    if (!d.start || !d.end || !d.helping_confirmed_at || !d.helped_confirmed_at)
      throw new Error(`postDeployment: deployment ${d.id} has no hours confirmed by both zones`)
    if (posted.has(d.id)) continue
    const start = new Date(d.start).getTime()
    const end = new Date(d.end).getTime()
    const day = localDateOf(start)
    let rates = ratesOf.get(d.association_id)
    if (!rates) ratesOf.set(d.association_id, (rates = await storedRates(repo, d.association_id)))
    const rate = rateFor(rates, d.category, day.toString())
    // Holidays of the helped zone's region, around the deployment's year (a splitter caches its days).
    const key = `${d.region}|${day.year}`
    let split = splitters.get(key)
    if (!split)
      splitters.set(
        key,
        (split = hoursSplitter({
          holidays: holidayDates(day.year - 1, day.year + 1, { region: d.region }),
          night: DEFAULT_NIGHT,
        })),
      )
    const pair = postingOf(
      {
        id: d.id,
        category: d.category,
        helpingZoneId: d.helping_zone_id,
        helpedZoneId: d.helped_zone_id,
        personId: d.person_id,
        start,
        end,
      },
      [rate ?? PLAIN_RATE],
      split,
    )
    if (!pair) throw new Error(`postDeployment: deployment ${d.id} has no time to post`)
    const posting = randomUUID()
    const rateId = rates.find((r) => r === rate)?.id ?? null
    for (const l of pair)
      lines.push({
        association_id: d.association_id,
        posting,
        kind: 'deployment',
        zone_id: l.zoneId,
        counterpart_zone_id: l.counterpartZoneId,
        amount: l.amount,
        booked_on: day.toString(),
        deployment_id: d.id,
        settlement_id: null,
        reverses_posting: null,
        rate_id: rateId,
        minutes_total: l.minutes.total,
        minutes_night: l.minutes.night,
        minutes_saturday: l.minutes.saturday,
        minutes_sunday: l.minutes.sunday,
        minutes_holiday: l.minutes.holiday,
        posted_at: postedAt,
      })
  }
  await repo.insertLines(lines)
}

/**
 * Reverses the posting of a deployment (its hours are being corrected); nothing when it was not posted. The
 * reversal mirrors the live posting line by line, booked on the same day, minutes included (negated), so a
 * statement's sums of minutes and of amounts both net out.
 */
export async function reverseDeployment(trx: Transaction<DB>, deploymentId: string): Promise<void> {
  const repo = ledgerRepository(trx)
  if ((await repo.deploymentsForPosting([deploymentId])).length === 0) return
  const live = await repo.livePosting(deploymentId)
  if (live.length === 0) return
  const posting = randomUUID()
  const postedAt = now()
  await repo.insertLines(
    live.map((l): NewLine => ({
      association_id: l.association_id,
      posting,
      kind: 'reversal',
      zone_id: l.zone_id,
      counterpart_zone_id: l.counterpart_zone_id,
      amount: -l.amount,
      booked_on: l.booked_on,
      deployment_id: deploymentId,
      settlement_id: null,
      reverses_posting: l.posting,
      rate_id: l.rate_id,
      minutes_total: -l.minutes_total,
      minutes_night: -l.minutes_night,
      minutes_saturday: -l.minutes_saturday,
      minutes_sunday: -l.minutes_sunday,
      minutes_holiday: -l.minutes_holiday,
      posted_at: postedAt,
    })),
  )
}
