// training (issue 11): the demo course catalogue, the same for every demo association. The demo sessions
// (demo-training.ts) and the past year of attended sessions (demo-compliance.ts) find their courses by these codes.
import { sql, type Kysely } from 'kysely'
import { now } from '../../platform/clock.ts'
import type { CourseKind } from '../../platform/enums.ts'
import type { DB } from '../../platform/schema.ts'

export interface DemoCourse {
  code: string
  kind: CourseKind
  title: string
  durationMinutes: number
  qualification?: { code: string; months: number }
}

export const DEMO_COURSES: readonly DemoCourse[] = [
  { code: 'GPI48-TR', kind: 'gpi48_training', title: 'GPI 48 – geweldbeheersing en schieten', durationMinutes: 120 },
  { code: 'GPI48-EV', kind: 'gpi48_evaluation', title: 'GPI 48 – jaarlijkse evaluatie', durationMinutes: 180 },
  {
    code: 'EHBO',
    kind: 'first_aid',
    title: 'Eerste hulp – bijscholing',
    durationMinutes: 240,
    qualification: { code: 'first_aid', months: 36 },
  },
  {
    code: 'SLB',
    kind: 'victim_support',
    title: 'Slachtofferbejegening (GPI 58)',
    durationMinutes: 420,
    qualification: { code: 'victim_support', months: 60 },
  },
  { code: 'OBP', kind: 'obp', title: 'Officier van bestuurlijke politie', durationMinutes: 420 },
  {
    code: 'RIJ-PRIO',
    kind: 'driving',
    title: 'Prioritair rijden',
    durationMinutes: 480,
    qualification: { code: 'priority_driving', months: 60 },
  },
]

/** Every demo association gets the catalogue (idempotent). Returns the course ids by association and code. */
export async function seedDemoCourses(db: Kysely<DB>): Promise<Map<string, Map<string, string>>> {
  const at = now().toISOString()
  const associations = await db.selectFrom('associations').select('id').execute()
  await db.transaction().execute(async (trx) => {
    for (const a of associations)
      for (const c of DEMO_COURSES)
        await sql`
          INSERT INTO training_courses (association_id, code, kind, title, duration_minutes, qualification_code,
                                        qualification_months, created_at, updated_at)
          VALUES (${a.id}::uuid, ${c.code}, ${c.kind}, ${c.title}, ${c.durationMinutes}, ${c.qualification?.code ?? null},
                  ${c.qualification?.months ?? null}, ${at}::timestamptz, ${at}::timestamptz)
          ON CONFLICT ON CONSTRAINT training_courses_code_unique DO NOTHING`.execute(trx)
  })
  const rows = await db.selectFrom('training_courses').select(['id', 'association_id', 'code']).execute()
  const byAssociation = new Map<string, Map<string, string>>()
  for (const r of rows) {
    const codes = byAssociation.get(r.association_id) ?? new Map<string, string>()
    codes.set(r.code, r.id)
    byAssociation.set(r.association_id, codes)
  }
  return byAssociation
}
