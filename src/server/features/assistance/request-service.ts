// Assistance requests (issue 9): a zone asks its partners (under an agreement in force listing `assistance`) for
// help, urgent or planned; the request's lifecycle (domain/lifecycle.ts) is applied under a lock of its row, each
// act recorded (timeline, outbox, audit). A double send with one idempotency key is one request: the unique
// constraint assistance_requests_idempotency has the last word, and the loser answers the winner's request.
import type { Kysely, Transaction } from 'kysely'
import { now } from '../../platform/clock.ts'
import { AppError } from '../../platform/errors.ts'
import { decide, scope } from '../../platform/policy.ts'
import type { PolicyContext } from '../../platform/policy/context.ts'
import type { DB } from '../../platform/schema.ts'
import { acceptOffered } from './offer-service.ts'
import { fingerprintOf, isIdempotencyRace, ms, requestingZone, validated } from './request-input.ts'
import { presentDetail, presentSummary } from './present.ts'
import { requestRepository, type RequestRow } from './request-repository.ts'
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
  AssistancePartners,
  AssistanceRequestCreate,
  AssistanceRequestDetail,
  AssistanceRequestQuery,
  AssistanceRequestUpdate,
  AssistanceTransition,
} from './schema.ts'

export function requestService(db: Kysely<DB>) {
  /** The detail of a request the reader may see, in its own transaction (its name reads are audited with it). */
  const detailOf = (trx: Transaction<DB>, ctx: PolicyContext, l: Loaded) => presentDetail(trx, ctx, l)

  /** The existing request of an idempotency key: the same body answers it, another body is a conflict. */
  async function existing(
    trx: Transaction<DB>,
    ctx: PolicyContext,
    id: string,
    fingerprint: string,
  ): Promise<AssistanceRequestDetail> {
    const stored = await requestRepository(trx).createFingerprint(id)
    if (stored !== fingerprint) throw new AppError('ASSISTANCE_IDEMPOTENCY_CONFLICT')
    return detailOf(trx, ctx, await loadVisible(trx, ctx, id, false))
  }

  async function createIn(trx: Transaction<DB>, ctx: PolicyContext, body: AssistanceRequestCreate) {
    const c = ctx.on(trx)
    const zoneId = await requestingZone(c, body)
    const d = await decide(c, 'assistance.request', { zoneIds: [zoneId] })
    if (!d.allowed || d.basis !== 'own') {
      if ((await decide(c, 'assistance.read', { zoneIds: [zoneId] })).allowed) throw new AppError('FORBIDDEN')
      throw new AppError('NOT_FOUND')
    }
    const fingerprint = fingerprintOf(body)
    const repo = requestRepository(trx)
    const known = await repo.byIdempotency(zoneId, ctx.actor.userId, body.idempotencyKey)
    if (known) return { created: false, request: await existing(trx, ctx, known.id, fingerprint) }

    // The associations in which the zone has assistance partners in force.
    const grants = (await c.grants()).filter((g) => g.domains.includes(DOMAIN) && g.zoneIds.includes(zoneId))
    const associations = [...new Set(grants.filter((g) => g.zoneIds.length > 1).map((g) => g.associationId))]
    if (associations.length === 0) throw new AppError('ASSISTANCE_NO_PARTNERS')
    let associationId = body.associationId
    if (associationId === undefined) {
      if (associations.length > 1)
        throw new AppError('ASSISTANCE_ASSOCIATION_REQUIRED', { associationIds: associations })
      associationId = associations[0]!
    } else if (!associations.includes(associationId)) throw new AppError('ASSISTANCE_NOT_PARTNER')

    const draft = await validated(trx, ctx, zoneId, associationId, {
      urgency: body.urgency,
      category: body.category,
      start: ms(body.start),
      end: ms(body.end),
      municipalityId: body.municipalityId ?? null,
      place: body.place.trim(),
      purpose: body.purpose ?? '',
      contact: body.contact.trim(),
      addressing: body.addressing,
      zoneIds: body.zoneIds ?? [],
      lines: body.lines,
    })
    const w = requestWrites(trx)
    const at = now()
    const id = await w.insertRequest({
      ...draft,
      associationId,
      zoneId,
      idempotencyKey: body.idempotencyKey,
      userId: ctx.actor.userId,
      at,
    })
    await w.replaceLines(id, draft.lines)
    if (draft.addressing === 'chosen') await w.replaceChosen(id, draft.zoneIds)
    const l = await loadVisible(trx, ctx, id, true)
    await record(trx, ctx, l, {
      action: 'create',
      auditAction: 'assistance.request_create',
      from: null,
      to: 'draft',
      zoneId,
      details: { fingerprint },
    })
    if (body.send) await applyTransition(trx, ctx, l, 'submit', 'requester', await factsOf(trx, l), zoneId)
    return { created: true, request: await detailOf(trx, ctx, l) }
  }

  return {
    /** The partner zones per (own zone, association) under `assistance`, with the own zone's municipalities. */
    async partners(ctx: PolicyContext): Promise<AssistancePartners> {
      const own = (await scope(ctx, 'assistance.request')).ownZoneIds
      const grants = (await ctx.grants()).filter((g) => g.domains.includes(DOMAIN))
      const groups = new Map<string, { associationId: string; zoneId: string; partners: Set<string> }>()
      for (const g of grants)
        for (const zoneId of g.zoneIds.filter((z) => own.includes(z))) {
          const key = `${zoneId}|${g.associationId}`
          const group = groups.get(key) ?? { associationId: g.associationId, zoneId, partners: new Set<string>() }
          for (const p of g.zoneIds) if (p !== zoneId) group.partners.add(p)
          groups.set(key, group)
        }
      const list = [...groups.values()].filter((g) => g.partners.size > 0)
      const repo = requestRepository(db)
      const zoneIds = [...new Set(list.flatMap((g) => [g.zoneId, ...g.partners]))]
      const [zones, associations, municipalities] = await Promise.all([
        repo.zones(zoneIds),
        repo.associations([...new Set(list.map((g) => g.associationId))]),
        repo.municipalities([...new Set(list.map((g) => g.zoneId))], ctx.date),
      ])
      const zone = new Map(zones.map((z) => [z.id, z]))
      const association = new Map(associations.map((a) => [a.id, a]))
      return {
        items: list
          .map((g) => ({
            associationId: g.associationId,
            associationName: association.get(g.associationId)?.name ?? '',
            zoneId: g.zoneId,
            zoneCode: zone.get(g.zoneId)?.code ?? '',
            zoneName: zone.get(g.zoneId)?.name ?? '',
            partners: [...g.partners]
              .map((id) => ({ zoneId: id, code: zone.get(id)?.code ?? '', name: zone.get(id)?.name ?? '' }))
              .sort((a, b) => a.code.localeCompare(b.code)),
            municipalities: municipalities
              .filter((m) => m.zone_id === g.zoneId)
              .map((m) => ({ id: m.id, name: m.name })),
          }))
          .sort((a, b) => a.zoneCode.localeCompare(b.zoneCode) || a.associationName.localeCompare(b.associationName)),
      }
    },

    async create(ctx: PolicyContext, body: AssistanceRequestCreate) {
      try {
        return await db.transaction().execute((trx) => createIn(trx, ctx, body))
      } catch (err) {
        // A true double-click: the other transaction committed the same key first. Answer its request.
        if (!isIdempotencyRace(err)) throw err
        return db.transaction().execute(async (trx) => {
          const zoneId = await requestingZone(ctx.on(trx), body)
          const known = await requestRepository(trx).byIdempotency(zoneId, ctx.actor.userId, body.idempotencyKey)
          if (!known) throw err
          return { created: false, request: await existing(trx, ctx, known.id, fingerprintOf(body)) }
        })
      }
    },

    async list(ctx: PolicyContext, query: AssistanceRequestQuery) {
      const s = await scope(ctx, 'assistance.read')
      const limit = query.limit ?? 50
      let before: { at: Date; id: string } | null = null
      if (query.before) {
        // `<created_at in epoch ms>_<id>` (the schema's pattern).
        const cut = query.before.indexOf('_')
        before = { at: new Date(Number(query.before.slice(0, cut))), id: query.before.slice(cut + 1) }
      }
      const repo = requestRepository(db)
      const rows = await repo.list({
        ownZoneIds: s.ownZoneIds,
        associationIds: s.associationIds,
        direction: query.direction ?? 'all',
        statuses: query.status ? [...new Set(query.status.split(','))] : null,
        from: query.from ?? null,
        to: query.to ?? null,
        before,
        limit: limit + 1,
      })
      const page = rows.slice(0, limit)
      const addressees = await repo.addressees(page.filter((r) => r.incoming).map((r) => r.id))
      const items = page.map((r) =>
        presentSummary(
          r,
          r.incoming ? 'incoming' : 'outgoing',
          r.incoming
            ? (addressees.find(
                (a) => a.request_id === r.id && a.alerted_at !== null && s.ownZoneIds.includes(a.zone_id),
              ) ?? null)
            : null,
        ),
      )
      const last = page[page.length - 1]
      return {
        items,
        nextCursor: rows.length > limit && last ? `${new Date(last.created_at).getTime()}_${last.id}` : null,
      }
    },

    get: (ctx: PolicyContext, id: string) =>
      db.transaction().execute(async (trx) => detailOf(trx, ctx, await loadVisible(trx, ctx, id, false))),

    update: (ctx: PolicyContext, id: string, body: AssistanceRequestUpdate) =>
      db.transaction().execute(async (trx) => {
        const l = await loadVisible(trx, ctx, id, true)
        const zoneId = await asRequester(trx, ctx, l, 'assistance.request')
        const r = l.row
        if (r.status === 'closed') throw new AppError('ASSISTANCE_LOCKED')
        if (!['draft', 'awaiting_approval', 'info_requested'].includes(r.status))
          throw new AppError('ASSISTANCE_TRANSITION_INVALID', { status: r.status, action: 'update' })
        const sent = r.requested_at !== null
        const repo = requestRepository(trx)
        const chosen = (await repo.addressees([id])).map((a) => a.zone_id).sort()
        // Once out, the partners it went to and its urgency stay what they were.
        const changesAddressing =
          (body.addressing !== undefined && body.addressing !== r.addressing) ||
          (body.zoneIds !== undefined && JSON.stringify([...body.zoneIds].sort()) !== JSON.stringify(chosen)) ||
          (body.urgency !== undefined && body.urgency !== r.urgency)
        if (sent && changesAddressing)
          throw new AppError('ASSISTANCE_TRANSITION_INVALID', { status: r.status, action: 'update' })
        const draft = await validated(trx, ctx, r.zone_id, r.association_id, {
          urgency: body.urgency ?? r.urgency,
          category: body.category ?? r.category,
          start: ms(body.start) ?? new Date(r.start).getTime(),
          end: ms(body.end) ?? new Date(r.end).getTime(),
          municipalityId: body.municipalityId !== undefined ? body.municipalityId : r.municipality_id,
          place: (body.place ?? r.place).trim(),
          purpose: body.purpose ?? r.purpose,
          contact: (body.contact ?? r.contact).trim(),
          addressing: body.addressing ?? r.addressing,
          zoneIds: body.zoneIds ?? chosen,
          lines: body.lines ?? r.lines,
        })
        const w = requestWrites(trx)
        await w.updateRequest(id, { ...draft, at: now() })
        await w.replaceLines(id, draft.lines)
        if (!sent) await w.replaceChosen(id, draft.addressing === 'chosen' ? draft.zoneIds : [])
        await record(trx, ctx, l, {
          action: 'update',
          auditAction: 'assistance.request_update',
          from: r.status,
          to: r.status,
          zoneId,
          details: { fields: Object.keys(body).sort() },
        })
        return detailOf(trx, ctx, l)
      }),

    transition: (ctx: PolicyContext, id: string, body: AssistanceTransition) =>
      db.transaction().execute(async (trx) => {
        const l = await loadVisible(trx, ctx, id, true)
        const note = body.note?.trim() ?? ''
        if ((body.action === 'ask_info' || body.action === 'answer_info') && note === '')
          throw new AppError('VALIDATION_FAILED', { field: 'note' })
        if (l.row.status === 'closed') throw new AppError('ASSISTANCE_LOCKED')
        const facts = await factsOf(trx, l)
        const details = note ? { note } : undefined
        switch (body.action) {
          case 'ask_info': {
            const zoneId = await asPartner(trx, ctx, l, 'assistance.respond', body.zoneId)
            await applyTransition(trx, ctx, l, 'ask_info', 'partner', facts, zoneId, details)
            break
          }
          case 'decline': {
            const zoneId = await asPartner(trx, ctx, l, 'assistance.respond', body.zoneId)
            const repo = requestRepository(trx)
            const rows = (await repo.addressees([id])).filter((a) => a.alerted_at !== null)
            if (rows.find((a) => a.zone_id === zoneId)?.declined_at)
              throw new AppError('ASSISTANCE_TRANSITION_INVALID', { status: l.row.status, action: 'decline' })
            const allDeclined = rows.every((a) => a.zone_id === zoneId || a.declined_at !== null)
            // The domain decides first (a decline in a state that takes none is refused before anything is written).
            await applyTransition(trx, ctx, l, 'decline', 'partner', { ...facts, allDeclined }, zoneId, details)
            await requestWrites(trx).decline(id, zoneId, ctx.actor.userId, now(), note || null)
            break
          }
          case 'offer':
            // Offers carry lines: POST /api/assistance/requests/:id/offers.
            throw new AppError('ASSISTANCE_TRANSITION_INVALID', { status: l.row.status, action: 'offer' })
          case 'approve':
            await approveIn(trx, ctx, l)
            break
          case 'accept':
          case 'deploy': {
            const zoneId = await asRequester(trx, ctx, l, 'assistance.request')
            await applyTransition(trx, ctx, l, body.action, 'requester', facts, zoneId, details)
            // Accepting (or deploying at once) takes every line still offered; named people are deployed.
            await acceptOffered(trx, ctx, l)
            break
          }
          default: {
            const zoneId = await asRequester(trx, ctx, l, 'assistance.request')
            await applyTransition(
              trx,
              ctx,
              l,
              body.action,
              'requester',
              facts,
              zoneId,
              details,
              body.action === 'cancel' ? { cancelReason: note } : {},
            )
          }
        }
        return detailOf(trx, ctx, l)
      }),

    /**
     * One approval button for both urgencies: a planned request awaiting approval is approved and goes out (the
     * `approve` transition); an urgent one, sent already, is approved retroactively (late is shown, not refused).
     */
    approve: (ctx: PolicyContext, id: string) =>
      db.transaction().execute(async (trx) => {
        const l = await loadVisible(trx, ctx, id, true)
        await approveIn(trx, ctx, l)
        return detailOf(trx, ctx, l)
      }),
  }
}

async function approveIn(trx: Transaction<DB>, ctx: PolicyContext, l: Loaded): Promise<void> {
  const zoneId = await asRequester(trx, ctx, l, 'assistance.approve')
  const r: RequestRow = l.row
  const at = now()
  if (r.urgency === 'planned') {
    await applyTransition(trx, ctx, l, 'approve', 'requester', await factsOf(trx, l), zoneId)
    await requestWrites(trx).approve(r.id, ctx.actor.userId, at)
    return
  }
  if (r.approved_at !== null || r.status === 'draft' || r.status === 'cancelled')
    throw new AppError('ASSISTANCE_TRANSITION_INVALID', { status: r.status, action: 'approve' })
  await requestWrites(trx).approve(r.id, ctx.actor.userId, at)
  await record(trx, ctx, l, {
    action: 'approve',
    auditAction: 'assistance.request_approve',
    from: r.status,
    to: r.status,
    zoneId,
    details: { retroactive: true },
  })
}
