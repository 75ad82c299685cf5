// Demo (issue 8, callouts): the demo rosters start tomorrow, so on the first day nobody is on call and the
// call-out page has no duty to show. For each demo rotation this adds the week in progress — from one week before
// its first published duty to that duty — for the person of that first duty, recorded as a planner's override
// (cause 'override', as from now), and announces it like an override so the on-duty index picks it up.
// Deterministic given the demo rosters; does nothing where a duty already covers now.
import { sql, type Kysely } from 'kysely'
import { Temporal } from 'temporal-polyfill'
import { now } from '../../platform/clock.ts'
import { emit } from '../../platform/outbox.ts'
import type { DB } from '../../platform/schema.ts'
import { TIME_ZONE } from '../../platform/time.ts'

export async function seedDemoDutiesInProgress(db: Kysely<DB>): Promise<number> {
  const at = now()
  const firsts = await sql<{
    rotation_id: string
    association_id: string
    domain_code: string
    slot_key: string
    person_id: string
    zone_id: string
    start: Date
  }>`
    SELECT DISTINCT ON (d.rotation_id) d.rotation_id, r.association_id, r.domain_code, d.slot_key, d.person_id,
           d.zone_id, lower(d.period) AS start
      FROM duties d JOIN rotations r ON r.id = d.rotation_id
     WHERE upper_inf(d.recorded) AND d.duty_kind = 'on_call' AND d.position = 1
       AND NOT EXISTS (SELECT 1 FROM duties n WHERE n.rotation_id = d.rotation_id AND upper_inf(n.recorded)
                          AND n.period @> ${at.toISOString()}::timestamptz)
     ORDER BY d.rotation_id, lower(d.period)`
    .execute(db)
    .then((r) => r.rows)
  let added = 0
  for (const first of firsts) {
    const end = Temporal.Instant.fromEpochMilliseconds(new Date(first.start).getTime()).toZonedDateTimeISO(TIME_ZONE)
    const start = end.subtract({ weeks: 1 })
    if (start.epochMilliseconds > at.getTime()) continue
    await db.transaction().execute(async (trx) => {
      const id = await trx
        .insertInto('duties')
        .values({
          rotation_id: first.rotation_id,
          slot_key: `week:${start.toPlainDate().toString()}`,
          position: 1,
          period: sql<string>`tstzrange(${new Date(start.epochMilliseconds)}, ${new Date(first.start)}, '[)')`,
          duty_kind: 'on_call',
          person_id: first.person_id,
          zone_id: first.zone_id,
          pinned: true,
          cause: 'override',
          recorded: sql<string>`tstzrange(${at}, NULL, '[)')`,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await emit(trx, {
        type: 'duty.changed',
        zoneId: first.zone_id,
        associationId: first.association_id,
        domain: first.domain_code,
        payload: {
          rotationId: first.rotation_id,
          slotKey: `week:${start.toPlainDate().toString()}`,
          position: 1,
          dutyId: id.id,
        },
      })
    })
    added++
  }
  return added
}
