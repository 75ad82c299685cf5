// Offers, decisions, deployments and hours of assistance requests (issue 9). A partner zone offers lines
// (capabilities, or named people of its own); the requester accepts or declines lines; the helping zone names
// the people deployed (each becomes visible to the requesting zone through a visibility reason of that
// deployment only); hours are recorded by either zone and confirmed by the other, and a deployment confirmed by
// both is posted in the ledger (ledger-posting.ts). Every write locks the request row first.
import type { Kysely, Transaction } from 'kysely'
import { Temporal } from 'temporal-polyfill'
import { now } from '../../platform/clock.ts'
import { AppError } from '../../platform/errors.ts'
import { scope } from '../../platform/policy.ts'
import type { PolicyContext } from '../../platform/policy/context.ts'
import type { DB } from '../../platform/schema.ts'
import { brusselsDate } from '../../platform/time.ts'
import { addReasons, removeReasonsOf } from '../../platform/visibility.ts'
import { transition } from './domain/lifecycle.ts'
import { CAPABILITY_CODES, MAX_COUNT } from './domain/request.ts'
import { postDeployment, reverseDeployment } from './ledger-posting.ts'
import { presentDetail } from './present.ts'
import { requestRepository, type DeploymentRow } from './request-repository.ts'
import { requestWrites } from './request-writes.ts'
import {
  applyTransition,
  asPartner,
  asRequester,
  DOMAIN,
  factsOf,
  loadVisible,
  record,
  type Loaded,
} from './request-steps.ts'
import type {
  AssistanceDecisions,
  AssistanceDeploymentCreate,
  AssistanceHours,
  AssistanceOfferCreate,
} from './schema.ts'

const HOUR = 3_600_000
/** How long after the request's window the requesting zone keeps seeing a deployed person's name. */
const NAME_DAYS_AFTER = 60
/** Deployments are named and changed while the work is on or just done; not before offers, not once closed. */
const DEPLOYABLE = ['offered', 'accepted', 'under_way', 'completed'] as const

const isCapability = (c: string) => (CAPABILITY_CODES as readonly string[]).includes(c)

function assertOpen(l: Loaded): void {
  if (l.row.status === 'closed') throw new AppError('ASSISTANCE_LOCKED')
}

/** Deploys a person of the helping zone on the request, with the visibility reason for this deployment. */
async function deployPerson(
  trx: Transaction<DB>,
  ctx: PolicyContext,
  l: Loaded,
  d: {
    personId: string
    helpingZoneId: string
    capability: string
    offerLineId: string | null
    arrivedAt: Date | null
  },
): Promise<string> {
  const at = now()
  const id = await requestWrites(trx).insertDeployment({
    requestId: l.row.id,
    associationId: l.row.association_id,
    helpingZoneId: d.helpingZoneId,
    helpedZoneId: l.row.zone_id,
    personId: d.personId,
    offerLineId: d.offerLineId,
    capability: d.capability,
    arrivedAt: d.arrivedAt,
    userId: ctx.actor.userId,
    at,
  })
  await addReasons(trx, [
    {
      personId: d.personId,
      ownerZoneId: d.helpingZoneId,
      partnerZoneId: l.row.zone_id,
      domain: DOMAIN,
      kind: 'deployment',
      source: { table: 'assistance_deployments', id },
      from: brusselsDate(new Date(l.row.start)),
      to: Temporal.PlainDate.from(brusselsDate(new Date(l.row.end)))
        .add({ days: NAME_DAYS_AFTER })
        .toString(),
    },
  ])
  return id
}

/** Accepts every line still offered (accept / deploy at once); a named person is deployed. */
export async function acceptOffered(trx: Transaction<DB>, ctx: PolicyContext, l: Loaded): Promise<void> {
  const repo = requestRepository(trx)
  const offered = (await repo.offerLines(l.row.id)).filter((x) => x.status === 'offered')
  await acceptLines(
    trx,
    ctx,
    l,
    offered.map((x) => x.id),
  )
}

async function acceptLines(trx: Transaction<DB>, ctx: PolicyContext, l: Loaded, ids: readonly string[]) {
  if (ids.length === 0) return
  const repo = requestRepository(trx)
  await requestWrites(trx).decideLines(ids, 'accepted', ctx.actor.userId, now())
  const lines = (await repo.offerLines(l.row.id)).filter((x) => ids.includes(x.id))
  const deployed = new Set((await repo.deployments(l.row.id)).map((d) => d.person_id))
  for (const line of lines)
    if (line.person_id && !deployed.has(line.person_id))
      await deployPerson(trx, ctx, l, {
        personId: line.person_id,
        helpingZoneId: line.zone_id,
        capability: line.capability,
        offerLineId: line.id,
        arrivedAt: null,
      })
}

/** The side of a deployment the reader records or confirms for (its zone holding assistance.hours). */
async function sideOf(trx: Transaction<DB>, ctx: PolicyContext, d: DeploymentRow): Promise<'helping' | 'helped'> {
  const own = (await scope(ctx.on(trx), 'assistance.hours')).ownZoneIds
  if (own.includes(d.helping_zone_id)) return 'helping'
  if (own.includes(d.helped_zone_id)) return 'helped'
  throw new AppError('FORBIDDEN')
}

export function offerService(db: Kysely<DB>) {
  /** The deployment and its request (visible to the reader, locked). */
  async function deploymentIn(trx: Transaction<DB>, ctx: PolicyContext, id: string) {
    const found = await requestRepository(trx).deployment(id)
    if (!found) throw new AppError('NOT_FOUND')
    const l = await loadVisible(trx, ctx, found.request_id, true)
    // Read again under the request's lock.
    const d = await requestRepository(trx).deployment(id)
    if (!d) throw new AppError('NOT_FOUND')
    // A partner zone sees only its own deployments.
    const own = (await scope(ctx.on(trx), 'assistance.read')).ownZoneIds
    if (!own.includes(d.helping_zone_id) && !own.includes(d.helped_zone_id)) {
      const admin = (await scope(ctx.on(trx), 'assistance.read')).associationIds.includes(l.row.association_id)
      if (!admin) throw new AppError('NOT_FOUND')
    }
    return { l, d }
  }

  return {
    offer: (ctx: PolicyContext, requestId: string, body: AssistanceOfferCreate) =>
      db.transaction().execute(async (trx) => {
        const l = await loadVisible(trx, ctx, requestId, true)
        assertOpen(l)
        const zoneId = await asPartner(trx, ctx, l, 'assistance.respond', body.zoneId)
        const repo = requestRepository(trx)
        const addressee = (await repo.addressees([requestId])).find((a) => a.zone_id === zoneId)
        if (addressee?.declined_at)
          throw new AppError('ASSISTANCE_TRANSITION_INVALID', { status: l.row.status, action: 'offer' })
        const facts = await factsOf(trx, l)
        const t = transition(l.row.status, 'offer', 'partner', facts)
        if (!t.ok) throw new AppError(t.code, { status: l.row.status, action: 'offer' })

        const problems: { code: string; field: string }[] = []
        const named = body.lines.flatMap((x) => (x.personId ? [x.personId] : []))
        const people = new Map((await repo.people(named, ctx.date)).map((p) => [p.id, p]))
        const taken = new Set(
          (await repo.offerLines(requestId))
            .filter((x) => x.person_id && (x.status === 'offered' || x.status === 'accepted'))
            .map((x) => x.person_id),
        )
        const seen = new Set<string>()
        body.lines.forEach((x, i) => {
          const field = `lines.${i}`
          if (!isCapability(x.capability)) problems.push({ code: 'ASSISTANCE_CAPABILITY_UNKNOWN', field })
          if (!Number.isInteger(x.count) || x.count < 1 || x.count > MAX_COUNT)
            problems.push({ code: 'ASSISTANCE_COUNT_INVALID', field })
          if (x.personId !== undefined) {
            const p = people.get(x.personId)
            if (
              !p ||
              p.zone_id !== zoneId ||
              !p.operational ||
              x.count !== 1 ||
              seen.has(x.personId) ||
              taken.has(x.personId)
            )
              problems.push({ code: 'ASSISTANCE_OFFER_PERSON_INVALID', field })
            seen.add(x.personId)
          }
        })
        if (problems.length > 0)
          throw new AppError(problems[0]!.code as 'ASSISTANCE_OFFER_PERSON_INVALID', { problems })

        const at = now()
        const offerId = await requestWrites(trx).insertOffer({
          requestId,
          zoneId,
          expectedArrival: body.expectedArrival ? new Date(body.expectedArrival) : null,
          note: body.note ?? '',
          userId: ctx.actor.userId,
          at,
          lines: body.lines.map((x) => ({ capability: x.capability, count: x.count, personId: x.personId ?? null })),
        })
        await requestWrites(trx).markOffered(requestId, zoneId, ctx.actor.userId, at)
        await applyTransition(trx, ctx, l, 'offer', 'partner', facts, zoneId, { offerId })
        return presentDetail(trx, ctx, l)
      }),

    withdraw: (ctx: PolicyContext, offerId: string) =>
      db.transaction().execute(async (trx) => {
        const offer = await requestRepository(trx).offer(offerId)
        if (!offer) throw new AppError('NOT_FOUND')
        const l = await loadVisible(trx, ctx, offer.request_id, true)
        const own = (await scope(ctx.on(trx), 'assistance.read')).ownZoneIds
        if (!own.includes(offer.zone_id) && !own.includes(l.row.zone_id)) throw new AppError('NOT_FOUND')
        assertOpen(l)
        await asPartner(trx, ctx, l, 'assistance.respond', offer.zone_id)
        if (offer.withdrawn_at !== null)
          throw new AppError('ASSISTANCE_TRANSITION_INVALID', { status: l.row.status, action: 'withdraw' })
        await requestWrites(trx).withdrawOffer(offerId, now())
        const facts = await factsOf(trx, l)
        // Nothing left on offer: the request waits for offers again.
        const to = l.row.status === 'offered' && !facts.hasOffers ? 'requested' : l.row.status
        if (to !== l.row.status) await requestWrites(trx).setStatus(l.row.id, to, now())
        await record(trx, ctx, l, {
          action: 'withdraw',
          auditAction: 'assistance.offer_withdraw',
          from: l.row.status,
          to,
          zoneId: offer.zone_id,
          details: { offerId },
        })
        l.row.status = to
        return presentDetail(trx, ctx, l)
      }),

    decide: (ctx: PolicyContext, requestId: string, body: AssistanceDecisions) =>
      db.transaction().execute(async (trx) => {
        const l = await loadVisible(trx, ctx, requestId, true)
        const zoneId = await asRequester(trx, ctx, l, 'assistance.request')
        assertOpen(l)
        if (body.accept.some((id) => body.decline.includes(id)))
          throw new AppError('VALIDATION_FAILED', { field: 'decline' })
        if (!(['offered', 'accepted', 'under_way'] as const).some((s) => s === l.row.status))
          throw new AppError('ASSISTANCE_TRANSITION_INVALID', { status: l.row.status, action: 'accept' })
        const lines = new Map((await requestRepository(trx).offerLines(requestId)).map((x) => [x.id, x]))
        for (const id of [...body.accept, ...body.decline]) {
          const line = lines.get(id)
          if (!line) throw new AppError('NOT_FOUND', { lineId: id })
          if (line.status !== 'offered') throw new AppError('ASSISTANCE_OFFER_LINE_DECIDED', { lineId: id })
        }
        await requestWrites(trx).decideLines(body.decline, 'declined', ctx.actor.userId, now())
        await acceptLines(trx, ctx, l, body.accept)
        const details = { accepted: body.accept, declined: body.decline }
        if (body.accept.length > 0 && l.row.status === 'offered')
          await applyTransition(trx, ctx, l, 'accept', 'requester', await factsOf(trx, l), zoneId, details)
        else
          await record(trx, ctx, l, {
            action: 'decide',
            auditAction: 'assistance.offer_decide',
            from: l.row.status,
            to: l.row.status,
            zoneId,
            details,
          })
        return presentDetail(trx, ctx, l)
      }),

    deploy: (ctx: PolicyContext, requestId: string, body: AssistanceDeploymentCreate) =>
      db.transaction().execute(async (trx) => {
        const l = await loadVisible(trx, ctx, requestId, true)
        assertOpen(l)
        const repo = requestRepository(trx)
        const [person] = await repo.people([body.personId], ctx.date)
        if (!person) throw new AppError('NOT_FOUND')
        const zoneId = await asPartner(trx, ctx, l, 'assistance.respond', person.zone_id)
        if (!person.operational) throw new AppError('ASSISTANCE_OFFER_PERSON_INVALID')
        if (!isCapability(body.capability)) throw new AppError('ASSISTANCE_CAPABILITY_UNKNOWN')
        const addressee = (await repo.addressees([requestId])).find((a) => a.zone_id === zoneId)
        const urgentUnderWay = l.row.urgency === 'urgent' && l.row.status === 'under_way'
        if (!(DEPLOYABLE as readonly string[]).includes(l.row.status) || !(addressee?.first_offer_at || urgentUnderWay))
          throw new AppError('ASSISTANCE_TRANSITION_INVALID', { status: l.row.status, action: 'deploy' })
        if (body.offerLineId) {
          const line = (await repo.offerLines(requestId)).find((x) => x.id === body.offerLineId)
          if (!line || line.zone_id !== zoneId) throw new AppError('NOT_FOUND', { offerLineId: body.offerLineId })
        }
        if ((body.start === undefined) !== (body.end === undefined))
          throw new AppError('ASSISTANCE_DEPLOYMENT_PERIOD_INVALID')
        const id = await deployPerson(trx, ctx, l, {
          personId: body.personId,
          helpingZoneId: zoneId,
          capability: body.capability,
          offerLineId: body.offerLineId ?? null,
          arrivedAt: body.arrivedAt ? new Date(body.arrivedAt) : null,
        })
        if (body.start !== undefined && body.end !== undefined) {
          const period = periodOf(body.start, body.end)
          await requestWrites(trx).recordHours(
            id,
            { ...period, arrivedAt: null, side: 'helping', changed: true },
            ctx.actor.userId,
            now(),
          )
        }
        await record(trx, ctx, l, {
          action: 'deployment_add',
          auditAction: 'assistance.deployment_add',
          from: l.row.status,
          to: l.row.status,
          zoneId,
          details: { deploymentId: id, personId: body.personId },
        })
        return presentDetail(trx, ctx, l)
      }),

    removeDeployment: (ctx: PolicyContext, id: string) =>
      db.transaction().execute(async (trx) => {
        const { l, d } = await deploymentIn(trx, ctx, id)
        assertOpen(l)
        const zoneId = await asPartner(trx, ctx, l, 'assistance.respond', d.helping_zone_id)
        if (d.helping_confirmed_at && d.helped_confirmed_at) throw new AppError('ASSISTANCE_LOCKED')
        await removeReasonsOf(trx, { table: 'assistance_deployments', id })
        await requestWrites(trx).deleteDeployment(id)
        await record(trx, ctx, l, {
          action: 'deployment_remove',
          auditAction: 'assistance.deployment_remove',
          from: l.row.status,
          to: l.row.status,
          zoneId,
          details: { deploymentId: id, personId: d.person_id },
        })
        return presentDetail(trx, ctx, l)
      }),

    recordHours: (ctx: PolicyContext, id: string, body: AssistanceHours) =>
      db.transaction().execute(async (trx) => {
        const { l, d } = await deploymentIn(trx, ctx, id)
        assertOpen(l)
        const side = await sideOf(trx, ctx, d)
        const period = periodOf(body.start, body.end)
        const changed =
          d.start === null ||
          new Date(d.start).getTime() !== period.start.getTime() ||
          new Date(d.end ?? 0).getTime() !== period.end.getTime()
        // Hours posted already (both confirmed) are corrected: the posting is reversed first.
        if (changed && d.helping_confirmed_at && d.helped_confirmed_at) await reverseDeployment(trx, id)
        await requestWrites(trx).recordHours(
          id,
          { ...period, arrivedAt: body.arrivedAt ? new Date(body.arrivedAt) : null, side, changed },
          ctx.actor.userId,
          now(),
        )
        const after = await requestRepository(trx).deployment(id)
        if (after?.helping_confirmed_at && after.helped_confirmed_at) await postDeployment(trx, id)
        await record(trx, ctx, l, {
          action: 'hours',
          auditAction: 'assistance.hours_record',
          from: l.row.status,
          to: l.row.status,
          zoneId: side === 'helping' ? d.helping_zone_id : d.helped_zone_id,
          details: { deploymentId: id, start: period.start.toISOString(), end: period.end.toISOString() },
        })
        return presentDetail(trx, ctx, l)
      }),

    confirmHours: (ctx: PolicyContext, id: string) =>
      db.transaction().execute(async (trx) => {
        const { l, d } = await deploymentIn(trx, ctx, id)
        assertOpen(l)
        const side = await sideOf(trx, ctx, d)
        if (d.start === null) throw new AppError('ASSISTANCE_NO_HOURS')
        const mine = side === 'helping' ? d.helping_confirmed_at : d.helped_confirmed_at
        if (mine === null) {
          await requestWrites(trx).confirm(id, side, ctx.actor.userId, now())
          const other = side === 'helping' ? d.helped_confirmed_at : d.helping_confirmed_at
          if (other !== null) await postDeployment(trx, id)
          await record(trx, ctx, l, {
            action: 'hours_confirm',
            auditAction: 'assistance.hours_confirm',
            from: l.row.status,
            to: l.row.status,
            zoneId: side === 'helping' ? d.helping_zone_id : d.helped_zone_id,
            details: { deploymentId: id },
          })
        }
        return presentDetail(trx, ctx, l)
      }),
  }
}

/** Hours worked: end after start, at most 24 hours, not starting in the future. */
function periodOf(startIso: string, endIso: string): { start: Date; end: Date } {
  const start = new Date(startIso)
  const end = new Date(endIso)
  const length = end.getTime() - start.getTime()
  if (!(length > 0) || length > 24 * HOUR || start.getTime() > now().getTime())
    throw new AppError('ASSISTANCE_DEPLOYMENT_PERIOD_INVALID')
  return { start, end }
}
