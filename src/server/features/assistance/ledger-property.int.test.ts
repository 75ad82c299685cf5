// The ledger's invariant on a real database (issue 9's definition of done): any sequence of postings,
// reversals (corrections) and settlements leaves the association's ledger summing to zero, and each settlement
// zeroes every balance up to its day (what is booked later, or late on an earlier day, carries over).
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { correct, makeAssistanceDeployment } from '../../../../test/assistance-ledger.factories.ts'
import {
  makeAgreement,
  makeAssociation,
  makePerson,
  makeUser,
  sessionFor,
  type AssociationRef,
} from '../../../../test/factories.ts'
import { startTestApp, type TestApp } from '../../../../test/harness.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

const day = (offset: number) => new Date(Date.UTC(2026, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10)

const op = fc.oneof(
  fc.record({
    op: fc.constant('deploy' as const),
    helping: fc.integer({ min: 0, max: 2 }),
    shift: fc.integer({ min: 1, max: 2 }),
    day: fc.integer({ min: 0, max: 60 }),
    hour: fc.integer({ min: 0, max: 23 }),
    hours: fc.integer({ min: 1, max: 12 }),
  }),
  fc.record({ op: fc.constant('reverse' as const), pick: fc.nat(), repost: fc.boolean() }),
  fc.record({ op: fc.constant('settle' as const), day: fc.integer({ min: 0, max: 60 }), euros: fc.boolean() }),
)

async function total(association: AssociationRef, until?: string) {
  let q = t.database.db
    .selectFrom('assistance_ledger_lines')
    .select(['zone_id', (eb) => eb.fn.sum<number>('amount').as('sum')])
    .where('association_id', '=', association.id)
  if (until) q = q.where('booked_on', '<=', until)
  return q.groupBy('zone_id').execute()
}

describe('the ledger sums to zero, and settlements zero the balances up to their day', () => {
  it('over random sequences of postings, reversals and settlements', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 10 }), async (ops) => {
        const association = await makeAssociation(t, { zoneCount: 3 })
        await makeAgreement(t, { association, domains: ['assistance'] })
        const admin = await sessionFor(t, await makeUser(t, 'admin', association))
        const base = `/api/assistance/associations/${association.id}`
        await admin.request({
          method: 'POST',
          url: `${base}/rates`,
          payload: {
            category: '*',
            from: '2025-01-01',
            base: 1,
            extra: { night: 0.5, saturday: 0.25, sunday: 0.5, holiday: 1 },
          },
        })
        await admin.request({
          method: 'PUT',
          url: `${base}/settings`,
          payload: { retroApprovalDays: 3, escalationMinutes: 5, hourlyRateCents: 6537 },
        })
        const deployments: string[] = []
        let last: string | null = null
        for (const o of ops) {
          if (o.op === 'deploy') {
            const zones = association.zones
            const person = await makePerson(t, { zone: zones[o.helping]! })
            const helped = zones[(o.helping + o.shift) % 3]!
            const start = `${day(o.day)}T${String(o.hour).padStart(2, '0')}:00`
            const end = new Date(new Date(`${start}:00Z`).getTime() + o.hours * 3_600_000).toISOString().slice(0, 16)
            deployments.push(
              (await makeAssistanceDeployment(t, { association, helped, person, start, end })).deploymentId,
            )
          } else if (o.op === 'reverse') {
            if (deployments.length === 0) continue
            const id = deployments[o.pick % deployments.length]!
            const row = await t.database.db
              .selectFrom('assistance_deployments')
              .select((eb) => eb.fn<Date>('lower', ['period']).as('start'))
              .where('id', '=', id)
              .executeTakeFirstOrThrow()
            const start = new Date(row.start)
            const shorter = new Date(start.getTime() + 30 * 60_000)
            const local = (d: Date) =>
              d.toLocaleString('sv-SE', { timeZone: 'Europe/Brussels' }).replace(' ', 'T').slice(0, 16)
            await correct(t, id, o.repost ? { start: local(start), end: local(shorter) } : undefined)
          } else {
            const until = day(o.day)
            const res = await admin.request({
              method: 'POST',
              url: `${base}/settlements`,
              payload: { until, unit: o.euros ? 'euros' : 'hours' },
            })
            if (last !== null && until <= last) {
              expect(res.statusCode).toBe(409)
              continue
            }
            expect(res.statusCode).toBe(201)
            last = until
            expect((await total(association, until)).every((z) => Number(z.sum) === 0)).toBe(true)
          }
          const sums = await total(association)
          expect(sums.reduce((s, z) => s + Number(z.sum), 0)).toBe(0)
        }
      }),
      { numRuns: 6 },
    )
  })
})
