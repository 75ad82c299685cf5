// Roster generation (solved in a worker thread, stored as the rotation's draft) and publication (duties in force,
// bitemporal). Generation answers at once with the version id; the solve runs in the background, its progress
// and its end announced on the bus (`roster.progress`, `roster.generated`).
import type { Kysely } from 'kysely'
import { Temporal } from 'temporal-polyfill'
import { now } from '../../platform/clock.ts'
import { AppError } from '../../platform/errors.ts'
import type { PolicyContext } from '../../platform/policy/context.ts'
import { emit } from '../../platform/outbox.ts'
import type { DB } from '../../platform/schema.ts'
import type { WorkerPool } from '../../platform/workers.ts'
import { zonesRepository } from '../zones/repository.ts'
import type { SolveResult } from './domain/solver.ts'
import { publishChanges } from './publish.ts'
import { calloutsRepository } from '../callouts/repository.ts'
import { buildRosterInput, localMidnight, nextDay, slotsOf } from './roster-input.ts'
import { rosterRepository, type RosterRepository } from './roster-repository.ts'
import { rotationsRepository } from './repository.ts'
import type { Rotation } from './schema.ts'
import { auditRotation, manageableRotation, rotationsService, visibleRotation } from './service.ts'
import { SOLVE_TASK } from './solve-task.ts'
import { presentDuties, presentSlots } from './present.ts'

export const SOLVE_TIME_LIMIT_MS = 20_000
/** Earlier duties of the rotation the solver sees (its on-call frequency limit looks back this far). */
const LOOKBACK_DAYS = 62

export function rosterEvent(rotation: Rotation, type: string, payload: Record<string, unknown>) {
  return {
    type,
    zoneId: rotation.zones[0]?.zoneId ?? null,
    associationId: rotation.associationId,
    domain: rotation.domain,
    // coveredZoneIds: delivered to the rotation's readers only (events/domain.ts, board issue 8).
    payload: { rotationId: rotation.id, coveredZoneIds: rotation.zones.map((z) => z.zoneId), ...payload },
  }
}

export function rosterService(db: Kysely<DB>, workers: WorkerPool) {
  const rotations = rotationsService(db)
  const running = new Set<Promise<void>>()

  function assertPeriod(from: string, to: string) {
    const start = Temporal.PlainDate.from(from)
    const last = Temporal.PlainDate.from(to)
    if (Temporal.PlainDate.compare(last, start) < 0 || Temporal.PlainDate.compare(last, start.add({ years: 1 })) >= 0)
      throw new AppError('ROSTER_PERIOD_INVALID', { from, to })
  }

  /** Reads the inputs, solves in a worker, stores the draft; a newer generation makes this one moot. */
  async function solveAndStore(rotation: Rotation, versionId: string, from: string, to: string) {
    const repo = rosterRepository(db)
    const start = new Date(localMidnight(from))
    const end = new Date(localMidnight(nextDay(to)) + 8 * 86_400_000) // the last slot may run past `to`
    const members = (await rotationsRepository(db).members(rotation.id, { from, to })).map((m) => ({
      ...m,
      fte: Number(m.fte),
    }))
    const ids = members.map((m) => m.person_id)
    const figureRows = await zonesRepository(db).figures(rotation.associationId, from)
    const population = new Map(
      figureRows.map((f) => [f.zone_id, { fte: Number(f.staff_fte ?? 0), population: Number(f.population ?? 0) }]),
    )
    const [unavailability, preferences, busy, inForce, callOuts] = await Promise.all([
      repo.unavailability(ids, start, end),
      repo.preferences(ids, rotation.id, start, end),
      repo.busy(ids, rotation.id, start, end),
      repo.duties(rotation.id, new Date(start.getTime() - LOOKBACK_DAYS * 86_400_000), end),
      // callouts (issue 8): call-outs are worked time; a week before the period still counts for the rest rules.
      calloutsRepository(db).ofPeople(ids, { start: new Date(start.getTime() - 8 * 86_400_000), end }),
    ])
    const { input, slots } = buildRosterInput({
      rotation,
      figures: population,
      from,
      to,
      members,
      unavailability,
      preferences,
      busy,
      callOuts,
      inForce,
      now: now(),
    })
    let reported = 0
    const result = await workers.run<unknown, SolveResult>({
      ...SOLVE_TASK,
      input: { roster: input, timeLimitMs: SOLVE_TIME_LIMIT_MS },
      timeLimitMs: SOLVE_TIME_LIMIT_MS + 5000,
      onProgress: (fraction) => {
        // A few events, not one per iteration: each is a transaction.
        if (fraction < reported + 0.25 && fraction < 1) return
        reported = fraction
        void db
          .transaction()
          .execute((trx) => emit(trx, rosterEvent(rotation, 'roster.progress', { versionId, fraction })))
          .catch(() => undefined) // progress is a courtesy; the outcome event is what counts
      },
    })
    const assigned = new Map(result.assignments.map((a) => [a.slotId, a.personIds]))
    const pinned = new Set(input.pinned ?? [])
    const rows = slots.flatMap((s) =>
      Array.from({ length: rotation.peoplePerSlot }, (_, i) => ({
        slotKey: s.id,
        position: i + 1,
        start: new Date(s.start),
        end: new Date(s.end),
        personId: assigned.get(s.id)?.[i] ?? null,
        pinned: pinned.has(s.id),
      })),
    )
    await db.transaction().execute(async (trx) => {
      const r = rosterRepository(trx)
      const version = await r.version(versionId, true)
      if (!version || version.status !== 'draft') return
      await r.insertSlots(versionId, rows)
      await r.setSolver(versionId, {
        state: 'done',
        from,
        to,
        stats: result.stats,
        unfilled: result.unfilled,
        keptViolations: result.keptViolations,
        diff: result.diff,
      })
      await emit(trx, rosterEvent(rotation, 'roster.generated', { versionId, unfilled: result.unfilled.length }))
    })
  }

  async function fail(rotation: Rotation, versionId: string, err: unknown) {
    const reason = err instanceof Error ? err.name : 'Error'
    await db.transaction().execute(async (trx) => {
      const r = rosterRepository(trx)
      const version = await r.version(versionId, true)
      if (!version || version.status !== 'draft') return
      await r.setSolver(versionId, { state: 'failed', reason })
      await emit(trx, rosterEvent(rotation, 'roster.generated', { versionId, failed: true }))
    })
  }

  async function draftOf(repo: RosterRepository, ctx: PolicyContext, rotation: Rotation, versionId: string) {
    const version = await repo.version(versionId)
    if (!version || version.rotation_id !== rotation.id) throw new AppError('NOT_FOUND')
    const solver = (version.solver ?? {}) as Record<string, unknown>
    const slots = await repo.slots(versionId)
    const inForce = await repo.duties(rotation.id, version.from, version.to)
    return {
      versionId: version.id,
      version: version.version,
      status: version.status,
      state: (solver.state as 'running' | 'done' | 'failed' | undefined) ?? 'running',
      from: version.from.toISOString(),
      to: version.to.toISOString(),
      slots: await presentSlots(db, ctx, rotation, slots),
      unfilled: (solver.unfilled as SolveResult['unfilled'] | undefined) ?? [],
      diff: diffAgainst(slots, inForce),
      stats: (solver.stats as Record<string, unknown> | undefined) ?? null,
    }
  }

  return {
    /** Starts a generation: a new draft version (the old draft discarded), solved in the background. */
    async generate(outer: PolicyContext, rotationId: string, period: { from: string; to: string }) {
      assertPeriod(period.from, period.to)
      const rotation = await rotations.get(outer, rotationId)
      const created = await db.transaction().execute(async (trx) => {
        const ctx = outer.on(trx)
        const { zoneIds } = await manageableRotation(rotationsRepository(trx), ctx, rotationId)
        try {
          slotsOf(rotation, period.from, period.to)
        } catch (err) {
          if (err instanceof RangeError) throw new AppError('ROTATION_PATTERN_INVALID', { message: err.message })
          throw err
        }
        const repo = rosterRepository(trx)
        await repo.discardDraft(rotationId)
        const v = await repo.insertVersion({
          rotationId,
          from: new Date(localMidnight(period.from)),
          to: new Date(localMidnight(nextDay(period.to))),
          by: ctx.actor.userId,
          at: now(),
          solver: { state: 'running', from: period.from, to: period.to },
        })
        await auditRotation(
          trx,
          ctx.actor,
          zoneIds,
          'roster.generate',
          { type: 'rotation', id: rotationId },
          {
            versionId: v.id,
            version: v.version,
            ...period,
          },
          rotation.domain,
        )
        return v
      })
      const job = solveAndStore(rotation, created.id, period.from, period.to)
        .catch((err: unknown) => fail(rotation, created.id, err))
        .catch(() => undefined) // the app is closing: the draft stays 'running' and a new generation replaces it
      running.add(job)
      void job.finally(() => running.delete(job))
      return { versionId: created.id, version: created.version }
    },

    async draft(ctx: PolicyContext, rotationId: string) {
      const repo = rosterRepository(db)
      await visibleRotation(rotationsRepository(db), ctx, rotationId)
      const rotation = await rotations.get(ctx, rotationId)
      const draft = await repo.draftOf(rotationId)
      if (!draft) throw new AppError('NOT_FOUND')
      return draftOf(repo, ctx, rotation, draft.id)
    },

    publish: (outer: PolicyContext, rotationId: string, versionId: string) =>
      publishChanges(db, outer, rotationId, versionId),

    /** Who was on duty in [from, to), as known now or as known at `asKnownAt`. */
    async duties(ctx: PolicyContext, rotationId: string, at: Date, asKnownAt: Date | null) {
      await visibleRotation(rotationsRepository(db), ctx, rotationId)
      const rotation = await rotations.get(ctx, rotationId)
      const rows = await rosterRepository(db).duties(rotationId, at, new Date(at.getTime() + 1), asKnownAt)
      return {
        at: at.toISOString(),
        asKnownAt: asKnownAt?.toISOString() ?? null,
        items: await presentDuties(db, ctx, rotation, rows),
      }
    },

    /** Waits for the generations still running (tests; the app's close). */
    settle: async () => {
      await Promise.all([...running])
    },
  }
}

/** Slots whose holders differ between the draft and the duties in force. */
function diffAgainst(
  slots: readonly { slot_key: string; position: number; person_id: string | null }[],
  inForce: readonly { slot_key: string; position: number; person_id: string }[],
) {
  const current = new Map(inForce.map((d) => [`${d.slot_key}#${d.position}`, d.person_id]))
  return slots.flatMap((s) => {
    const before = current.get(`${s.slot_key}#${s.position}`) ?? null
    return before === s.person_id ? [] : [{ slotKey: s.slot_key, position: s.position, before, after: s.person_id }]
  })
}

export type RosterService = ReturnType<typeof rosterService>
