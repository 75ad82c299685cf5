import { sql, type Insertable, type Kysely, type SqlBool, type Transaction, type Updateable } from 'kysely'
import { now } from '../../platform/clock.ts'
import type { AgreementStatus } from '../../platform/enums.ts'
import type { Scope } from '../../platform/policy.ts'
import { inScope } from '../../platform/policy/sql.ts'
import type { DB, Tables } from '../../platform/schema.ts'

type Db = Kysely<DB> | Transaction<DB>
const NONE = ['00000000-0000-0000-0000-000000000000']

export function agreementsRepository(db: Db) {
  const base = () =>
    db
      .selectFrom('agreements as a')
      .innerJoin('associations as s', 's.id', 'a.association_id')
      .select([
        'a.id',
        'a.association_id',
        's.name as association_name',
        'a.kind',
        'a.title',
        'a.version',
        'a.status',
        'a.signed_on',
        'a.effective_from',
        'a.effective_to',
        'a.trial_months',
        'a.summary',
        'a.content_version',
        'a.content_hash',
        'a.end_reason',
        'a.end_decision_reference',
      ])

  return {
    /** Agreements in the scope's reach: a party among its zones, or of an association it administers. */
    listVisible: (
      scope: Pick<Scope, 'zoneIds' | 'associationIds'>,
      filter: { associationId?: string | undefined; status?: AgreementStatus | undefined },
    ) => {
      let q = base().where(
        sql<SqlBool>`(EXISTS (SELECT 1 FROM agreement_parties p WHERE p.agreement_id = a.id AND ${inScope(scope, { zoneId: 'p.zone_id' })})
          OR ${inScope(scope, { associationId: 'a.association_id' })})`,
      )
      if (filter.associationId) q = q.where('a.association_id', '=', filter.associationId)
      if (filter.status) q = q.where('a.status', '=', filter.status)
      return q
        .orderBy('s.name')
        .orderBy(sql`a.effective_from DESC NULLS FIRST`)
        .orderBy('a.title')
        .execute()
    },

    byId: (id: string, forUpdate = false) => {
      const q = base().where('a.id', '=', id)
      return (forUpdate ? q.forUpdate('a') : q).executeTakeFirst()
    },

    parties: (agreementIds: string[]) =>
      db
        .selectFrom('agreement_parties as p')
        .innerJoin('zones as z', 'z.id', 'p.zone_id')
        .select(['p.agreement_id', 'z.id as zone_id', 'z.code', 'z.name'])
        .where('p.agreement_id', 'in', agreementIds.length ? agreementIds : NONE)
        .orderBy('z.code')
        .execute(),

    domains: (agreementIds: string[]) =>
      db
        .selectFrom('agreement_domains as d')
        .innerJoin('cooperation_domains as c', 'c.code', 'd.domain_code')
        .select(['d.agreement_id', 'd.domain_code'])
        .where('d.agreement_id', 'in', agreementIds.length ? agreementIds : NONE)
        .orderBy('c.sort_order')
        .execute(),

    approvals: (agreementId: string) =>
      db
        .selectFrom('agreement_approvals as ap')
        .innerJoin('zones as z', 'z.id', 'ap.zone_id')
        .leftJoin('municipalities as m', 'm.id', 'ap.municipality_id')
        .leftJoin('users as u', 'u.id', 'ap.recorded_by')
        .select([
          'ap.id',
          'ap.zone_id',
          'z.code as zone_code',
          'ap.body',
          'ap.municipality_id',
          'm.name as municipality_name',
          'ap.decision',
          'ap.decided_on',
          'ap.date_precision',
          'ap.note',
          'ap.content_version',
          'ap.content_hash',
          'ap.decision_reference',
          'ap.recorded_on_behalf',
          'u.display_name as recorded_by_name',
          'ap.recorded_at',
          'ap.superseded_at',
          'ap.superseded_reason',
        ])
        .where('ap.agreement_id', '=', agreementId)
        .orderBy('ap.decided_on')
        .orderBy('ap.recorded_at')
        .orderBy('z.code')
        .execute(),

    keyFigures: (agreementId: string) =>
      db.selectFrom('agreement_key_figures').selectAll().where('agreement_id', '=', agreementId).executeTakeFirst(),

    associationExists: async (id: string) =>
      (await db.selectFrom('associations').select('id').where('id', '=', id).executeTakeFirst()) !== undefined,

    /** Zones that are members of the association on `date`. */
    memberZoneIds: async (associationId: string, date: string) =>
      (
        await db
          .selectFrom('association_memberships')
          .select('zone_id')
          .where('association_id', '=', associationId)
          .where('valid_from', '<=', date)
          .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', date)]))
          .execute()
      ).map((r) => r.zone_id),

    unknownDomains: async (codes: string[]) => {
      const known = await db
        .selectFrom('cooperation_domains')
        .select('code')
        .where('code', 'in', codes.length ? codes : ['-'])
        .execute()
      return codes.filter((c) => !known.some((k) => k.code === c))
    },

    municipalityZone: async (municipalityId: string) =>
      (await db.selectFrom('municipalities').select('zone_id').where('id', '=', municipalityId).executeTakeFirst())
        ?.zone_id ?? null,

    insert: async (values: Insertable<Tables.Agreements>) =>
      (await db.insertInto('agreements').values(values).returning('id').executeTakeFirstOrThrow()).id,

    update: (id: string, values: Omit<Updateable<Tables.Agreements>, 'id' | 'updated_at'>) =>
      db
        .updateTable('agreements')
        .set({ ...values, updated_at: now() })
        .where('id', '=', id)
        .execute(),

    /** Marks the current approvals superseded (they stay as history); returns them. */
    supersedeApprovals: (id: string) =>
      db
        .updateTable('agreement_approvals')
        .set({ superseded_at: now(), superseded_reason: 'content_changed' })
        .where('agreement_id', '=', id)
        .where('superseded_at', 'is', null)
        .returning(['id', 'zone_id', 'content_version'])
        .execute(),

    zoneCodes: async (zoneIds: string[]) =>
      Object.fromEntries(
        (
          await db
            .selectFrom('zones')
            .select(['id', 'code'])
            .where('id', 'in', zoneIds.length ? zoneIds : NONE)
            .execute()
        ).map((z) => [z.id, z.code]),
      ) as Record<string, string>,

    municipalityName: async (id: string) =>
      (await db.selectFrom('municipalities').select('name').where('id', '=', id).executeTakeFirst())?.name ?? null,

    replaceParties: async (id: string, zoneIds: string[]) => {
      // Approvals of removed parties stay as history (superseded by the content change).
      await db
        .deleteFrom('agreement_parties')
        .where('agreement_id', '=', id)
        .where('zone_id', 'not in', zoneIds)
        .execute()
      await db
        .insertInto('agreement_parties')
        .values(zoneIds.map((zone_id) => ({ agreement_id: id, zone_id })))
        .onConflict((oc) => oc.doNothing())
        .execute()
    },

    replaceDomains: async (id: string, codes: string[]) => {
      await db.deleteFrom('agreement_domains').where('agreement_id', '=', id).execute()
      await db
        .insertInto('agreement_domains')
        .values(codes.map((domain_code) => ({ agreement_id: id, domain_code })))
        .execute()
    },

    insertApproval: (values: Insertable<Tables.AgreementApprovals>) =>
      db.insertInto('agreement_approvals').values(values).returning('id').executeTakeFirstOrThrow(),

    /** Active accounts other than `exceptUserId` that are korpschef of one of `korpschefsOf`, or admin of `adminsOf`. */
    notificationRecipients: async (
      exceptUserId: string,
      who: { korpschefsOf: readonly string[]; adminsOf?: string },
    ): Promise<string[]> => {
      if (who.korpschefsOf.length === 0 && !who.adminsOf) return []
      const rows = await db
        .selectFrom('user_roles as r')
        .innerJoin('users as u', 'u.id', 'r.user_id')
        .select('r.user_id')
        .distinct()
        .where('u.disabled_at', 'is', null)
        .where('r.user_id', '!=', exceptUserId)
        .where((eb) =>
          eb.or([
            ...(who.korpschefsOf.length > 0
              ? [eb.and([eb('r.role', '=', 'korpschef'), eb('r.zone_id', 'in', [...who.korpschefsOf])])]
              : []),
            ...(who.adminsOf ? [eb.and([eb('r.role', '=', 'admin'), eb('r.association_id', '=', who.adminsOf)])] : []),
          ]),
        )
        .execute()
      return rows.map((r) => r.user_id).sort()
    },
  }
}
