// The chain of custody of a weapon (issue 10): at every instant one known holder, the keeping zone's armoury or a
// person. A handover closes the open link at its instant and opens the next from the same instant, in the
// handover's transaction; the exclusion constraint weapon_custody_no_overlap (409 CUSTODY_CONFLICT) keeps two
// holders from overlapping whatever the application does.
import { sql, type Kysely, type Transaction } from 'kysely'
import { AppError } from '../../platform/errors.ts'
import type { DB } from '../../platform/schema.ts'

type Db = Kysely<DB> | Transaction<DB>

export interface CustodyLink {
  id: string
  holderPersonId: string | null
  holderPersonName: string | null
  holderZone: { id: string; code: string; name: string }
  from: Date
  to: Date | null
  handoverId: string | null
}

/** The next holder of a weapon: a person of a zone, or (person null) the keeping zone's armoury. */
export interface NextHolder {
  personId: string | null
  zoneId: string
}

/**
 * Hands the weapon to `next` at `at`: closes the open link (refused when it began at or after `at`: the chain
 * would run backwards) and opens the next one.
 */
export async function handOverWeapon(
  trx: Transaction<DB>,
  weapon: { assetId: string; zoneId: string },
  next: NextHolder,
  at: Date,
  handoverId: string,
  userId: string,
): Promise<void> {
  const open = await sql<{ id: string; from: Date }>`
    SELECT id::text, lower(period) AS "from" FROM weapon_custody
     WHERE zone_id = ${weapon.zoneId} AND asset_id = ${weapon.assetId} AND upper_inf(period)
     FOR UPDATE`.execute(trx)
  const link = open.rows[0]
  if (link) {
    if (new Date(link.from).getTime() >= at.getTime()) throw new AppError('CUSTODY_CONFLICT', { at: at.toISOString() })
    await sql`UPDATE weapon_custody SET period = tstzrange(lower(period), ${at.toISOString()}::timestamptz, '[)')
               WHERE id = ${link.id}::bigint`.execute(trx)
  }
  await trx
    .insertInto('weapon_custody')
    .values({
      asset_id: weapon.assetId,
      zone_id: weapon.zoneId,
      holder_person_id: next.personId,
      holder_zone_id: next.zoneId,
      period: sql<string>`tstzrange(${at.toISOString()}::timestamptz, NULL, '[)')`,
      handover_id: handoverId,
      recorded_by: userId,
    })
    .execute()
}

/** The chain of a weapon, oldest first. */
export async function custodyChain(db: Db, assetId: string, zoneId: string): Promise<CustodyLink[]> {
  const rows = await sql<{
    id: string
    holder_person_id: string | null
    person_name: string | null
    zone_id: string
    zone_code: string
    zone_name: string
    from: Date
    to: Date | null
    handover_id: string | null
  }>`
    SELECT w.id::text, w.holder_person_id, CASE WHEN p.id IS NULL THEN NULL ELSE p.first_name || ' ' || p.last_name END AS person_name,
           z.id AS zone_id, z.code AS zone_code, z.name AS zone_name,
           lower(w.period) AS "from", upper(w.period) AS "to", w.handover_id
      FROM weapon_custody w
      JOIN zones z ON z.id = w.holder_zone_id
      LEFT JOIN people p ON p.id = w.holder_person_id
     WHERE w.zone_id = ${zoneId} AND w.asset_id = ${assetId}
     ORDER BY lower(w.period)`.execute(db)
  return rows.rows.map((r) => ({
    id: r.id,
    holderPersonId: r.holder_person_id,
    holderPersonName: r.person_name,
    holderZone: { id: r.zone_id, code: r.zone_code, name: r.zone_name },
    from: new Date(r.from),
    to: r.to === null ? null : new Date(r.to),
    handoverId: r.handover_id,
  }))
}
