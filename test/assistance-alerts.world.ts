// The stage of the alert tests (issue 9): an association of three zones sharing `assistance`. A asks; B has an
// officer-of-duty rotation (shared with A) and a shift-leader rotation, each with B's own person on duty this
// week; C has no officer-of-duty rotation at all (its dispatch is alerted instead). Escalation: 2 minutes.
import { runWithClock, type Clock } from '../src/server/platform/clock.ts'
import { alertAddressees } from '../src/server/features/assistance/alerts.ts'
import {
  makeAgreement,
  makeAssistanceRequest,
  makeAssociation,
  makeDuty,
  makePerson,
  makeRotation,
  makeUser,
  type AssistanceRequestRef,
  type AssociationRef,
  type UserRef,
  type ZoneRef,
} from './factories.ts'
import type { TestApp } from './harness.ts'

/** Wednesday 8 July 2026, 12:00 in Brussels: within the duty week that starts Monday 6 July 07:00. */
export const ALERT_AT = '2026-07-08T10:00:00Z'
export const ESCALATION_MINUTES = 2

export interface AlertWorld {
  association: AssociationRef
  a: ZoneRef
  b: ZoneRef
  c: ZoneRef
  aOfficer: UserRef
  bOfficer: UserRef
  bShiftLeader: UserRef
  bPlanner: UserRef
  bKorpschef: UserRef
  bFinance: UserRef
  cOfficer: UserRef
  cPlanner: UserRef
  cKorpschef: UserRef
  /** Sends an (urgent by default) request of A to `addressed` at `at`, through alertAddressees as core does. */
  send(
    addressed: ZoneRef[],
    opts?: { urgency?: 'urgent' | 'planned'; at?: Date; clock?: Clock },
  ): Promise<AssistanceRequestRef>
}

export async function alertWorld(t: TestApp, clock: Clock): Promise<AlertWorld> {
  const db = t.database.db
  const association = await makeAssociation(t, { zoneCount: 3 })
  const [a, b, c] = association.zones as [ZoneRef, ZoneRef, ZoneRef]
  await makeAgreement(t, {
    association,
    domains: ['assistance', 'permanence.officer_of_duty', 'permanence.shift_leader'],
  })
  await db
    .insertInto('assistance_settings')
    .values({ association_id: association.id, escalation_minutes: ESCALATION_MINUTES, updated_at: new Date() })
    .execute()
  const officerOfDuty = await makeRotation(t, { association, zones: [a, b] })
  const shiftLeaders = await makeRotation(t, { association, zones: [b], domain: 'permanence.shift_leader' })
  const onDuty = async (zone: ZoneRef, rotationId: string, position = 1) => {
    const person = await makePerson(t, { zone, rank: 'commissaris' })
    await makeDuty(t, { rotationId, person, monday: '2026-07-06', position })
    return person
  }
  const aOnDuty = await onDuty(a, officerOfDuty.id, 2)
  const bOnDuty = await onDuty(b, officerOfDuty.id)
  const bLeader = await onDuty(b, shiftLeaders.id)
  const world: Omit<AlertWorld, 'send'> = {
    association,
    a,
    b,
    c,
    aOfficer: await makeUser(t, 'officer', a, { personId: aOnDuty.id }),
    bOfficer: await makeUser(t, 'officer', b, { personId: bOnDuty.id }),
    bShiftLeader: await makeUser(t, 'officer', b, { personId: bLeader.id }),
    bPlanner: await makeUser(t, 'planner', b),
    bKorpschef: await makeUser(t, 'korpschef', b),
    bFinance: await makeUser(t, 'finance', b),
    cOfficer: await makeUser(t, 'officer', c),
    cPlanner: await makeUser(t, 'planner', c),
    cKorpschef: await makeUser(t, 'korpschef', c),
  }
  return {
    ...world,
    async send(addressed, opts = {}) {
      const at = opts.at ?? clock.now()
      const urgency = opts.urgency ?? 'urgent'
      const request = await makeAssistanceRequest(t, { association, zone: a, addressed, urgency, requestedAt: at })
      await runWithClock(opts.clock ?? clock, () =>
        db.transaction().execute((trx) =>
          alertAddressees(trx, {
            requestId: request.id,
            associationId: association.id,
            zoneId: a.id,
            urgency,
            zoneIds: addressed.map((z) => z.id),
            at,
          }),
        ),
      )
      return request
    },
  }
}
