// Rows → the API's shapes, as the reader may see them (issue 9). The requesting zone (and the association's admin)
// sees every addressee, offer and deployment; a partner zone only its own. A person of another zone is named only
// through the visibility reason of a deployment on THIS request (source assistance_deployments/<id>), backed by an
// agreement in force listing `assistance`; every such read is in the audit log of the person's zone. Otherwise:
// rank and zone only.
import { sql, type Transaction } from 'kysely'
import { audit } from '../../platform/audit.ts'
import { now } from '../../platform/clock.ts'
import { scope } from '../../platform/policy.ts'
import type { PolicyContext } from '../../platform/policy/context.ts'
import type { DB } from '../../platform/schema.ts'
import { availableActions, retroApproval, type RequestAction } from './domain/lifecycle.ts'
import {
  requestRepository,
  type AddresseeRow,
  type DeploymentRow,
  type PersonCols,
  type RequestRow,
} from './request-repository.ts'
import { DOMAIN, factsOf, partnersOf, type Loaded } from './request-steps.ts'
import type { AddresseeState, AssistancePerson, AssistanceRequestDetail, AssistanceRequestSummary } from './schema.ts'

const iso = (d: Date | null): string | null => (d ? new Date(d).toISOString() : null)
const who = (id: string | null, name: string | null) => (id ? { userId: id, name: name ?? '' } : null)

export function presentAddressee(a: AddresseeRow): AddresseeState {
  return {
    zone: { id: a.zone_id, code: a.zone_code, name: a.zone_name },
    alertedAt: iso(a.alerted_at),
    acknowledgedAt: iso(a.acknowledged_at),
    acknowledgedBy: who(a.acknowledged_by, a.acknowledged_by_name),
    firstOfferAt: iso(a.first_offer_at),
    declinedAt: iso(a.declined_at),
    declinedBy: who(a.declined_by, a.declined_by_name),
    declineReason: a.decline_reason,
    escalatedLevel: a.escalated_level,
    state: a.declined_at ? 'declined' : a.first_offer_at ? 'offered' : a.acknowledged_at ? 'acknowledged' : 'alerted',
  }
}

export function presentSummary(
  r: RequestRow,
  direction: 'outgoing' | 'incoming',
  addressee: AddresseeRow | null,
): AssistanceRequestSummary {
  return {
    id: r.id,
    zone: { id: r.zone_id, code: r.zone_code, name: r.zone_name },
    association: { id: r.association_id, name: r.association_name },
    urgency: r.urgency,
    category: r.category,
    status: r.status,
    start: new Date(r.start).toISOString(),
    end: new Date(r.end).toISOString(),
    place: r.place,
    municipality: r.municipality_id ? { id: r.municipality_id, name: r.municipality_name ?? '' } : null,
    lines: r.lines,
    createdAt: new Date(r.created_at).toISOString(),
    requestedAt: iso(r.requested_at),
    direction,
    addressee: addressee ? presentAddressee(addressee) : null,
    offeredCount: Number(r.offered_count),
    acceptedCount: Number(r.accepted_count),
  }
}

/** The people of this request's deployments the reader's zones may name through the deployment's own reason. */
async function namedThroughDeployment(
  trx: Transaction<DB>,
  ctx: PolicyContext,
  readZones: readonly string[],
  deployments: readonly DeploymentRow[],
): Promise<Map<string, string>> {
  const ids = deployments.map((d) => d.id)
  const named = new Map<string, string>()
  if (ids.length === 0 || readZones.length === 0) return named
  const { rows } = await sql<{ person_id: string; owner_zone_id: string; partner_zone_id: string }>`
    SELECT r.person_id, r.owner_zone_id, r.partner_zone_id
      FROM visibility_reasons r
     WHERE r.source_table = 'assistance_deployments' AND r.source_id = ANY(${ids}::uuid[])
       AND r.domain_code = ${DOMAIN} AND r.kind = 'deployment'
       AND r.partner_zone_id = ANY(${[...readZones]}::uuid[]) AND r.period @> ${ctx.date}::date`.execute(trx)
  const grants = await ctx.on(trx).grants()
  for (const r of rows) {
    const backed = grants.some(
      (g) => g.domains.includes(DOMAIN) && g.zoneIds.includes(r.owner_zone_id) && g.zoneIds.includes(r.partner_zone_id),
    )
    if (backed) named.set(r.person_id, r.owner_zone_id)
  }
  return named
}

const personOf = (p: PersonCols, showName: boolean): AssistancePerson | null =>
  p.person_id
    ? {
        id: p.person_id,
        name: showName ? `${p.person_first_name ?? ''} ${p.person_last_name ?? ''}`.trim() : null,
        rank: p.person_rank,
        zone: { id: p.person_zone_id ?? '', code: p.person_zone_code ?? '', name: p.person_zone_name ?? '' },
      }
    : null

/** The request's full detail for the reader (in the caller's transaction: the name reads are audited with it). */
export async function presentDetail(
  trx: Transaction<DB>,
  ctx: PolicyContext,
  l: Loaded,
): Promise<AssistanceRequestDetail> {
  const c = ctx.on(trx)
  const repo = requestRepository(trx)
  const r = (await repo.byId(l.row.id)) ?? l.row
  const [readScope, requestScope, approveScope, respondScope] = await Promise.all([
    scope(c, 'assistance.read'),
    scope(c, 'assistance.request'),
    scope(c, 'assistance.approve'),
    scope(c, 'assistance.respond'),
  ])
  const readZones = readScope.ownZoneIds
  const requester = readZones.includes(r.zone_id) || readScope.associationIds.includes(r.association_id)
  const [addressees, offers, lines, deployments, events] = await Promise.all([
    repo.addressees([r.id]),
    repo.offers(r.id),
    repo.offerLines(r.id),
    repo.deployments(r.id),
    repo.events(r.id),
  ])
  const alerted = addressees.filter((a) => a.alerted_at !== null)
  const partnerZones = alerted.map((a) => a.zone_id).filter((z) => readZones.includes(z))
  const mine = (zoneId: string) => requester || partnerZones.includes(zoneId)

  const named = await namedThroughDeployment(trx, ctx, readZones, deployments)
  const showName = (p: PersonCols) =>
    p.person_id !== null &&
    ((p.person_zone_id !== null && readZones.includes(p.person_zone_id)) || named.has(p.person_id))
  const shownPartnerPeople = new Set<string>()
  const view = (p: PersonCols) => {
    const show = showName(p)
    if (show && p.person_id && p.person_zone_id && !readZones.includes(p.person_zone_id))
      shownPartnerPeople.add(p.person_id)
    return personOf(p, show)
  }

  const facts = await factsOf(trx, { row: r, addressed: alerted.map((a) => a.zone_id) })
  const actions = new Set<RequestAction>()
  if (requestScope.ownZoneIds.includes(r.zone_id))
    for (const a of availableActions(r.status, 'requester', facts))
      if (a !== 'approve' || approveScope.ownZoneIds.includes(r.zone_id)) actions.add(a)
  const respondingZoneIds: string[] = []
  for (const z of partnerZones.filter((z) => respondScope.ownZoneIds.includes(z)))
    if ((await partnersOf(trx, ctx, z, r.association_id)).includes(r.zone_id)) respondingZoneIds.push(z)
  if (respondingZoneIds.length > 0) for (const a of availableActions(r.status, 'partner', facts)) actions.add(a)

  const canApproveNow = approveScope.ownZoneIds.includes(r.zone_id)
  const retro =
    r.urgency === 'urgent' && r.requested_at !== null && r.approved_at === null
      ? retroApproval(
          new Date(r.requested_at).getTime(),
          await repo.retroApprovalDays(r.association_id),
          null,
          now().getTime(),
        )
      : null

  const detail: AssistanceRequestDetail = {
    ...presentSummary(
      r,
      requester ? 'outgoing' : 'incoming',
      requester ? null : (alerted.find((a) => partnerZones.includes(a.zone_id)) ?? null),
    ),
    purpose: r.purpose,
    contact: r.contact,
    addressing: r.addressing,
    cancelReason: r.cancel_reason,
    approvedAt: iso(r.approved_at),
    approvedBy: who(r.approved_by, r.approved_by_name),
    retroApproval: retro ? { dueAt: new Date(retro.dueAt).toISOString(), overdue: retro.overdue } : null,
    // Before it goes out only the requester sees the chosen zones (not alerted yet).
    addressees: (requester ? addressees : alerted.filter((a) => partnerZones.includes(a.zone_id))).map(
      presentAddressee,
    ),
    offers: offers
      .filter((o) => mine(o.zone_id))
      .map((o) => ({
        id: o.id,
        zone: { id: o.zone_id, code: o.zone_code, name: o.zone_name },
        expectedArrival: iso(o.expected_arrival),
        note: o.note,
        withdrawnAt: iso(o.withdrawn_at),
        createdAt: new Date(o.created_at).toISOString(),
        createdBy: who(o.created_by, o.created_by_name),
        lines: lines
          .filter((x) => x.offer_id === o.id)
          .map((x) => ({
            id: x.id,
            capability: x.capability,
            count: x.count,
            person: view(x),
            status: x.status,
            decidedAt: iso(x.decided_at),
          })),
      })),
    deployments: deployments
      .filter((d) => mine(d.helping_zone_id))
      .map((d) => ({
        id: d.id,
        offerLineId: d.offer_line_id,
        capability: d.capability,
        helpingZone: { id: d.helping_zone_id, code: d.person_zone_code ?? '', name: d.person_zone_name ?? '' },
        person: view(d)!,
        arrivedAt: iso(d.arrived_at),
        start: iso(d.start),
        end: iso(d.end),
        recordedBy: who(d.recorded_by, d.recorded_by_name),
        recordedAt: iso(d.recorded_at),
        helpingConfirmedAt: iso(d.helping_confirmed_at),
        helpingConfirmedBy: who(d.helping_confirmed_by, d.helping_confirmed_by_name),
        helpedConfirmedAt: iso(d.helped_confirmed_at),
        helpedConfirmedBy: who(d.helped_confirmed_by, d.helped_confirmed_by_name),
        confirmed: d.helping_confirmed_at !== null && d.helped_confirmed_at !== null,
      })),
    timeline: events
      .filter((e) => requester || e.zone_id === r.zone_id || partnerZones.includes(e.zone_id))
      .map((e) => ({
        id: Number(e.id),
        action: e.action,
        fromStatus: e.from_status,
        toStatus: e.to_status,
        zone: { id: e.zone_id, code: e.zone_code, name: e.zone_name },
        user: who(e.user_id, e.user_name),
        at: new Date(e.at).toISOString(),
        details: e.details,
      })),
    actions: [...actions],
    canApprove:
      canApproveNow &&
      ((r.urgency === 'planned' && r.status === 'awaiting_approval') ||
        (r.urgency === 'urgent' && r.approved_at === null && r.status !== 'draft' && r.status !== 'cancelled')),
    respondingZoneIds,
  }

  // Names of partner people read through this request's deployments: logged in each person's zone (LED art. 25).
  const peopleZone = new Map(deployments.map((d) => [d.person_id ?? '', d.person_zone_id ?? '']))
  await audit.partnerReads(
    trx,
    ctx.actor,
    [...shownPartnerPeople].map((personId) => ({
      zoneId: peopleZone.get(personId) ?? named.get(personId) ?? '',
      action: 'person.read' as const,
      reasons: [{ kind: 'deployment', domain: DOMAIN }],
      object: { type: 'person', id: personId },
      details: { requestId: r.id },
    })),
  )
  return detail
}
