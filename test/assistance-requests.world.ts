// core (issue 9): the policy matrix's world and fixtures for assistance requests, offers, deployments and hours.
// Rows are inserted as the services leave them, so each fixture asks one thing whatever the order of the runs:
// own = a request of the own zone (5373), or one of the partner zone (5375) addressed to it; partner = a request
// of 5375 NOT addressed to 5373 (its admin sees it; its zone roles do not), or a partner's act on a request of
// 5373; foreign = a request of 5447 addressed to 5448 (another association). Where repeating an act would change
// its answer, the fixture asks an act whose answer is stable (a conflict: 409).
import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import { makePerson, type ZoneRef } from './factories.ts'
import type { TestApp } from './harness.ts'
import type { ActorName, Fixture, Target, World, WorldObject, WorldZone } from './policy-matrix.world.ts'

export interface AssistanceRequestsWorld {
  /** own: a draft of 5373; partner: a request of 5375 not addressed to 5373; foreign: 5447's, to 5448. */
  request: Record<Target, string>
  /** own: a request of 5375 addressed to 5373 (offers); partner, foreign: as `request`. */
  incoming: Record<Target, string>
  /** A person of the target zone who may be deployed (own: 5373, partner: 5375, foreign: 5448). */
  person: Record<Target, string>
  /** own: a request of 5375 addressed to 5373 that no one offered on (deploying there is a conflict). */
  notOffered: string
  /** own: a fresh offer of 5373 per actor; partner: 5375's on a request of 5373; foreign: 5448's. */
  offers: Map<string, string>
  /** A deployment confirmed by both zones (removing it is a conflict) / without hours / with hours unconfirmed. */
  locked: Record<Target, string>
  unrecorded: Record<Target, string>
  recorded: Record<Target, string>
}

const ACTORS_FOR_OFFERS: ActorName[] = ['korpschef', 'planner', 'officer', 'logistics', 'finance', 'trainer', 'dpo']

export async function assistanceRequestsWorld(
  t: TestApp,
  zone: World['zone'],
  association: World['association'],
): Promise<AssistanceRequestsWorld> {
  const db = t.database.db
  const at = new Date('2026-01-05T08:00:00Z')
  const ref = (id: string): Promise<ZoneRef> =>
    db.selectFrom('zones').select(['id', 'code', 'name']).where('id', '=', id).executeTakeFirstOrThrow()
  const request = async (zoneKey: WorldZone, assoc: string, addressed: WorldZone[], sent = true) => {
    const { id } = await db
      .insertInto('assistance_requests')
      .values({
        association_id: assoc,
        zone_id: zone[zoneKey],
        urgency: 'urgent',
        category: 'urgent_backup',
        status: sent ? 'requested' : 'draft',
        period: sql<string>`tstzrange(${at}::timestamptz, ${new Date(at.getTime() + 4 * 3_600_000)}::timestamptz, '[)')`,
        place: 'Matrix',
        contact: 'Matrix',
        addressing: 'all',
        idempotency_key: `matrix-${randomBytes(6).toString('hex')}`,
        created_at: at,
        updated_at: at,
        requested_at: sent ? at : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await db
      .insertInto('assistance_request_lines')
      .values({ request_id: id, capability: 'inspecteur', count: 2 })
      .execute()
    for (const z of addressed)
      await db
        .insertInto('assistance_addressees')
        .values({ request_id: id, zone_id: zone[z], alerted_at: at })
        .execute()
    return id
  }
  const offer = async (requestId: string, z: WorldZone) => {
    const { id } = await db
      .insertInto('assistance_offers')
      .values({ request_id: requestId, zone_id: zone[z], created_at: at })
      .returning('id')
      .executeTakeFirstOrThrow()
    await db
      .insertInto('assistance_offer_lines')
      .values({ offer_id: id, zone_id: zone[z], capability: 'inspecteur', count: 1 })
      .execute()
    await db
      .updateTable('assistance_addressees')
      .set({ first_offer_at: at, acknowledged_at: at })
      .where('request_id', '=', requestId)
      .where('zone_id', '=', zone[z])
      .execute()
    return id
  }
  const personIn = async (z: WorldZone) => (await makePerson(t, { zone: await ref(zone[z]) })).id
  let hour = 0
  const deployment = async (
    requestId: string,
    assoc: string,
    helping: WorldZone,
    helped: WorldZone,
    hours: 'none' | 'recorded' | 'confirmed',
  ) => {
    const start = new Date(Date.UTC(2026, 0, 6) + hour++ * 3_600_000)
    const period = sql<string>`tstzrange(${start}::timestamptz, ${new Date(start.getTime() + 1_800_000)}::timestamptz, '[)')`
    const { id } = await db
      .insertInto('assistance_deployments')
      .values({
        request_id: requestId,
        association_id: assoc,
        helping_zone_id: zone[helping],
        helped_zone_id: zone[helped],
        person_id: await personIn(helping),
        capability: 'inspecteur',
        created_at: at,
        ...(hours === 'none' ? {} : { period, recorded_at: at }),
        ...(hours === 'confirmed' ? { helping_confirmed_at: at, helped_confirmed_at: at } : {}),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    return id
  }

  const own = association.own
  const foreignAssoc = association.foreign
  const draft = await request('own', own, [], false)
  const ofPartner = await request('partner', own, [])
  const foreign = await request('foreign', foreignAssoc, ['foreign2'])
  const incoming = await request('partner', own, ['own'])
  const notOffered = await request('partner', own, ['own'])
  const outgoing = await request('own', own, ['partner'])
  await offer(outgoing, 'partner')
  await offer(incoming, 'own')
  await offer(foreign, 'foreign2')

  const offers = new Map<string, string>()
  for (const a of ACTORS_FOR_OFFERS) offers.set(`${a}/own`, await offer(incoming, 'own'))
  offers.set('partner', await offer(outgoing, 'partner'))
  offers.set('foreign', await offer(foreign, 'foreign2'))

  const each = async (hours: 'none' | 'recorded' | 'confirmed'): Promise<Record<Target, string>> => ({
    own: await deployment(incoming, own, 'own', 'partner', hours),
    partner: await deployment(outgoing, own, 'partner', 'own', hours),
    foreign: await deployment(foreign, foreignAssoc, 'foreign2', 'foreign', hours),
  })
  return {
    request: { own: draft, partner: ofPartner, foreign },
    incoming: { own: incoming, partner: ofPartner, foreign },
    person: { own: await personIn('own'), partner: await personIn('partner'), foreign: await personIn('foreign2') },
    notOffered,
    offers,
    locked: await each('confirmed'),
    unrecorded: await each('none'),
    recorded: await each('recorded'),
  }
}

const onZone = (tg: Target): WorldObject => ({ zones: [tg], association: tg === 'foreign' ? 'foreign' : 'own' })
/** Own target: an object of both zones (a partner's request addressed to the own zone, or its deployment). */
const shared = (tg: Target): WorldObject =>
  tg === 'own' ? { zones: ['own', 'partner'], association: 'own' } : onZone(tg)
/** Own and partner targets: a deployment between the two zones (either may record and confirm its hours). */
const between = (tg: Target): WorldObject =>
  tg === 'foreign' ? onZone(tg) : { zones: ['own', 'partner'], association: 'own' }
let keys = 0

export const ASSISTANCE_REQUEST_FIXTURES: Record<string, Fixture | Fixture[]> = {
  listAssistancePartners: { request: () => ({ method: 'GET', url: '/api/assistance/partners' }) },
  createAssistanceRequest: {
    request: (w, tg) => ({
      method: 'POST',
      url: '/api/assistance/requests',
      payload: {
        zoneId: w.zone[tg],
        urgency: 'urgent',
        category: 'urgent_backup',
        place: 'Matrix',
        contact: 'Matrix',
        lines: [{ capability: 'inspecteur', count: 1 }],
        addressing: 'all',
        send: false,
        idempotencyKey: `matrix-create-${keys++}-${randomBytes(4).toString('hex')}`,
      },
    }),
    object: onZone,
    ok: 201,
  },
  listAssistanceRequests: { request: () => ({ method: 'GET', url: '/api/assistance/requests' }) },
  getAssistanceRequest: {
    request: (w, tg) => ({ method: 'GET', url: `/api/assistance/requests/${w.assistanceRequests.request[tg]}` }),
    object: onZone,
  },
  updateAssistanceRequest: {
    request: (w, tg) => ({
      method: 'PATCH',
      url: `/api/assistance/requests/${w.assistanceRequests.request[tg]}`,
      payload: { place: 'Matrix gewijzigd' },
    }),
    object: onZone,
  },
  // `offer` through the transitions route is refused to whoever sees the request (offers carry lines).
  transitionAssistanceRequest: {
    request: (w, tg) => ({
      method: 'POST',
      url: `/api/assistance/requests/${w.assistanceRequests.request[tg]}/transitions`,
      payload: { action: 'offer' },
    }),
    object: onZone,
    ok: 409,
  },
  // An urgent draft is not approved (it has not gone out): a stable conflict.
  approveAssistanceRequest: {
    request: (w, tg) => ({
      method: 'POST',
      url: `/api/assistance/requests/${w.assistanceRequests.request[tg]}/approval`,
    }),
    object: onZone,
    ok: 409,
  },
  decideAssistanceOffers: {
    request: (w, tg) => ({
      method: 'POST',
      url: `/api/assistance/requests/${w.assistanceRequests.request[tg]}/decisions`,
      payload: { accept: [], decline: [] },
    }),
    object: onZone,
    ok: 409,
  },
  createAssistanceOffer: {
    request: (w, tg) => ({
      method: 'POST',
      url: `/api/assistance/requests/${w.assistanceRequests.incoming[tg]}/offers`,
      payload: { lines: [{ capability: 'inspecteur', count: 1 }] },
    }),
    object: shared,
    ok: 201,
  },
  withdrawAssistanceOffer: {
    request: (w, tg, a) => ({
      method: 'POST',
      url: `/api/assistance/offers/${w.assistanceRequests.offers.get(tg === 'own' ? `${a}/own` : tg) ?? w.assistanceRequests.offers.get('partner')}/withdraw`,
    }),
    // partner: 5375's offer on a request of 5373 (seen as the requester; withdrawn only by 5375).
    object: (tg) => (tg === 'own' ? shared(tg) : onZone(tg)),
    seen: (tg) => (tg === 'foreign' ? onZone(tg) : { zones: ['own', 'partner'], association: 'own' }),
  },
  addAssistanceDeployment: {
    request: (w, tg) => ({
      method: 'POST',
      url: `/api/assistance/requests/${tg === 'own' ? w.assistanceRequests.notOffered : w.assistanceRequests.request[tg]}/deployments`,
      payload: { personId: w.assistanceRequests.person[tg], capability: 'inspecteur' },
    }),
    object: shared,
    ok: 409,
  },
  // Confirmed by both zones: no longer removed (a stable conflict); partner: 5375's deployment on 5373's request.
  removeAssistanceDeployment: {
    request: (w, tg) => ({ method: 'DELETE', url: `/api/assistance/deployments/${w.assistanceRequests.locked[tg]}` }),
    object: (tg) => (tg === 'own' ? shared(tg) : onZone(tg)),
    seen: (tg) => (tg === 'foreign' ? onZone(tg) : { zones: ['own', 'partner'], association: 'own' }),
    ok: 409,
  },
  recordAssistanceHours: {
    request: (w, tg) => ({
      method: 'PUT',
      url: `/api/assistance/deployments/${w.assistanceRequests.unrecorded[tg]}/hours`,
      payload: { start: '2026-01-10T08:00:00Z', end: '2026-01-10T12:00:00Z' },
    }),
    object: between,
  },
  confirmAssistanceHours: {
    request: (w, tg) => ({
      method: 'POST',
      url: `/api/assistance/deployments/${w.assistanceRequests.recorded[tg]}/confirm`,
    }),
    object: between,
  },
}
