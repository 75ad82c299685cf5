// Call-out use cases: a person records the call-outs of their on-call duties (the planner of their zone may enter
// and correct them too), sees which upcoming present duties now break the working-time rules, and the monthly
// statement per person and per zone is computed, shown, exported and approved (frozen) by the zone's planner.
// Policy rows `callout.read`, `callout.manage`, `statement.read`, `statement.approve`; a partner zone sees none of
// it (404). Every write is in the audit log of the person's zone, without the reason text (HR data).
import type { Kysely } from 'kysely'
import { audit } from '../../platform/audit.ts'
import { now } from '../../platform/clock.ts'
import { AppError } from '../../platform/errors.ts'
import { holidayDates } from '../../platform/holidays.ts'
import { decide, type Rule, type Target } from '../../platform/policy.ts'
import type { PolicyContext } from '../../platform/policy/context.ts'
import type { DB } from '../../platform/schema.ts'
import { brusselsDate } from '../../platform/time.ts'
import { addSplits, emptySplit, monthBounds, monthOf, monthsOf, monthStatement, type HoursSplit } from './domain.ts'
import {
  calloutsRepository,
  type CallOutRow,
  type CalloutsRepository,
  type Span,
  type StatementRow,
} from './repository.ts'
import { restWarnings } from './rest-check.ts'
import type {
  CallOut,
  CallOutCreate,
  CallOutQuery,
  CallOutUpdate,
  CallOutWarning,
  OnCallDuty,
  PersonStatementQuery,
  StatementLine,
} from './schema.ts'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
/** How far after a call-out an upcoming present duty is checked (the rules reach a week). */
const WARNING_HORIZON = 8 * DAY

const presentCallOut = (r: CallOutRow): CallOut => ({
  id: r.id,
  personId: r.person_id,
  personName: r.person_name,
  zoneId: r.zone_id,
  rotationId: r.rotation_id,
  rotationName: r.rotation_name,
  slotKey: r.slot_key,
  start: new Date(r.start).toISOString(),
  end: new Date(r.end).toISOString(),
  minutes: Math.round((new Date(r.end).getTime() - new Date(r.start).getTime()) / MINUTE),
  reason: r.reason,
  enteredBy: r.entered_by ? { userId: r.entered_by, name: r.entered_by_name ?? '' } : null,
  locked: r.locked,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
})

const personTarget = (person: { id: string; zone_id: string }): Target => ({
  zoneIds: [person.zone_id],
  personId: person.id,
})

/** Allowed, or 403 when the object is still visible through the rule's `seenThrough`, else 404 (never a hint). */
async function authorize(ctx: PolicyContext, rule: Rule, target: Target, seenThrough?: Rule): Promise<void> {
  if ((await decide(ctx, rule, target)).allowed) return
  if (seenThrough && (await decide(ctx, seenThrough, target)).allowed) throw new AppError('FORBIDDEN')
  throw new AppError('NOT_FOUND')
}

/** An instant from the API, cut to the whole minute (the statement counts minutes). */
const minuteOf = (iso: string): Date => new Date(Math.floor(new Date(iso).getTime() / MINUTE) * MINUTE)

function assertPeriod(span: Span): void {
  const length = span.end.getTime() - span.start.getTime()
  if (!(length > 0) || length > DAY) throw new AppError('CALLOUT_PERIOD_INVALID')
  if (span.start.getTime() > now().getTime()) throw new AppError('CALLOUT_IN_FUTURE')
}

const monthsOfSpan = (span: Span) => monthsOf({ start: span.start.getTime(), end: span.end.getTime() })
const spanOfMonth = (month: string): Span => {
  const b = monthBounds(month)
  return { start: new Date(b.start), end: new Date(b.end) }
}

const approved = (row: StatementRow | undefined) => row !== undefined && row.reopened_at === null

const statusOf = (row: StatementRow | undefined) =>
  row === undefined ? ('open' as const) : row.reopened_at === null ? ('approved' as const) : ('reopened' as const)

const approvalOf = (row: StatementRow | undefined) =>
  row
    ? {
        approvedAt: row.approved_at.toISOString(),
        approvedBy: row.approved_by ? { userId: row.approved_by, name: row.approved_by_name ?? '' } : null,
        reopenedAt: row.reopened_at ? row.reopened_at.toISOString() : null,
        reopenedBy: row.reopened_by ? { userId: row.reopened_by, name: row.reopened_by_name ?? '' } : null,
      }
    : null

/** The lines stored at approval (the frozen numbers). */
const frozenLines = (row: StatementRow): StatementLine[] => (row.totals as { lines?: StatementLine[] }).lines ?? []

async function holidaysOf(repo: CalloutsRepository, zoneId: string, month: string): Promise<Set<string>> {
  const zone = await repo.zone(zoneId)
  const year = Number(month.slice(0, 4))
  return holidayDates(year - 1, year + 1, { region: zone?.region ?? null })
}

/** The live lines of a zone's month (or of one person of it): on-call duties and call-outs, per person. */
async function liveLines(repo: CalloutsRepository, zoneId: string, month: string, personId?: string) {
  const span = spanOfMonth(month)
  const [onCall, callOuts, holidays] = await Promise.all([
    personId
      ? repo.duties(personId, span, 'on_call').then((rows) => rows.map((d) => ({ ...d, person_id: personId })))
      : repo.zoneOnCall(zoneId, span),
    repo.list({ ...(personId ? { personId } : { zoneId }), span }),
    holidaysOf(repo, zoneId, month),
  ])
  const ids = [
    ...new Set([
      ...onCall.map((d) => d.person_id),
      ...callOuts.map((c) => c.person_id),
      ...(personId ? [personId] : []),
    ]),
  ]
  const people = new Map((await repo.people(ids)).map((p) => [p.id, p]))
  const ms = (r: { start: Date; end: Date }) => ({ start: new Date(r.start).getTime(), end: new Date(r.end).getTime() })
  const lines: StatementLine[] = ids.map((id) => {
    const p = people.get(id)
    const s = monthStatement({
      month,
      onCall: onCall.filter((d) => d.person_id === id).map(ms),
      callOuts: callOuts.filter((c) => c.person_id === id).map(ms),
      holidays,
    })
    return {
      personId: id,
      personName: p ? `${p.first_name} ${p.last_name}` : '',
      employeeNumber: p?.employee_number ?? '',
      onCall: s.onCall,
      callOuts: s.callOuts,
    }
  })
  return lines.sort((a, b) => a.personName.localeCompare(b.personName, 'nl') || a.personId.localeCompare(b.personId))
}

const totalsOf = (lines: readonly StatementLine[]) => ({
  onCall: lines.reduce<HoursSplit>((sum, l) => addSplits(sum, l.onCall), emptySplit()),
  callOuts: lines.reduce<HoursSplit>((sum, l) => addSplits(sum, l.callOuts), emptySplit()),
})

export function calloutsService(db: Kysely<DB>) {
  /** The person a request is about: the given one, or the caller's own (422 when the account has none). */
  const personIdOf = (ctx: PolicyContext, personId: string | undefined): string => {
    const id = personId ?? ctx.actor.personId
    if (!id) throw new AppError('CALLOUT_NO_PERSON')
    return id
  }

  async function personFor(repo: CalloutsRepository, ctx: PolicyContext, personId: string | undefined, rule: Rule) {
    const person = await repo.person(personIdOf(ctx, personId))
    if (!person) throw new AppError('NOT_FOUND')
    await authorize(ctx, rule, personTarget(person), rule === 'callout.read' ? undefined : 'callout.read')
    return person
  }

  /** The upcoming present duties of the person that the call-outs make break a rule (after a write). */
  async function warningsAfter(repo: CalloutsRepository, person: { id: string; zone_id: string }, span: Span) {
    const window: Span = {
      start: new Date(span.start.getTime() - WARNING_HORIZON),
      end: new Date(span.end.getTime() + 2 * WARNING_HORIZON),
    }
    const [duties, callOuts] = await Promise.all([
      repo.duties(person.id, window, null),
      repo.ofPeople([person.id], window),
    ])
    const timeline = duties.map((d) => ({
      id: d.id,
      rotationId: d.rotation_id,
      start: new Date(d.start).getTime(),
      end: new Date(d.end).getTime(),
      kind: d.duty_kind,
      rules: d.rules,
    }))
    const horizon = span.end.getTime() + WARNING_HORIZON
    const upcoming = timeline.filter(
      (d) => d.kind === 'present' && d.start >= span.start.getTime() && d.start < horizon,
    )
    const found = restWarnings({
      person: { id: person.id, zoneId: person.zone_id },
      upcoming,
      duties: timeline,
      callOuts: callOuts.map((c) => ({ id: c.id, start: new Date(c.start).getTime(), end: new Date(c.end).getTime() })),
    })
    const byId = new Map(duties.map((d) => [d.id, d]))
    return found.flatMap((w): CallOutWarning[] => {
      const d = byId.get(w.dutyId)
      return d
        ? [
            {
              dutyId: d.id,
              rotationId: d.rotation_id,
              rotationName: d.rotation_name,
              start: new Date(d.start).toISOString(),
              end: new Date(d.end).toISOString(),
              rules: w.rules,
            },
          ]
        : []
    })
  }

  async function assertUnlocked(repo: CalloutsRepository, zoneId: string, ...spans: Span[]) {
    await repo.lockZone(zoneId, 'write')
    if (await repo.anyApproved(zoneId, [...new Set(spans.flatMap(monthsOfSpan))])) throw new AppError('CALLOUT_LOCKED')
  }

  async function dutyFor(repo: CalloutsRepository, personId: string, start: Date) {
    const duty = await repo.onCallDutyAt(personId, start)
    if (!duty) throw new AppError('CALLOUT_NOT_IN_DUTY')
    return duty
  }

  async function zoneStatementOf(repo: CalloutsRepository, zoneId: string, month: string) {
    const zone = await repo.zone(zoneId)
    if (!zone) throw new AppError('NOT_FOUND')
    const row = await repo.statement(zoneId, month)
    const lines = row && approved(row) ? frozenLines(row) : await liveLines(repo, zoneId, month)
    return {
      month,
      zoneId,
      zoneName: zone.name,
      zoneCode: zone.code,
      status: statusOf(row),
      approval: approvalOf(row),
      lines,
      totals: totalsOf(lines),
    }
  }

  async function zoneFor(ctx: PolicyContext, repo: CalloutsRepository, zoneId: string, rule: Rule) {
    if (!(await repo.zone(zoneId))) throw new AppError('NOT_FOUND')
    await authorize(ctx, rule, { zoneIds: [zoneId] }, rule === 'statement.read' ? undefined : 'statement.read')
  }

  async function personStatementOf(ctx: PolicyContext, query: PersonStatementQuery) {
    const repo = calloutsRepository(db)
    const person = await personFor(repo, ctx, query.personId, 'callout.read')
    const zone = await repo.zone(person.zone_id)
    if (!zone) throw new AppError('NOT_FOUND')
    const row = await repo.statement(person.zone_id, query.month)
    const line =
      row && approved(row)
        ? (frozenLines(row).find((l) => l.personId === person.id) ?? {
            personId: person.id,
            personName: `${person.first_name} ${person.last_name}`,
            employeeNumber: person.employee_number,
            onCall: emptySplit(),
            callOuts: emptySplit(),
          })
        : (await liveLines(repo, person.zone_id, query.month, person.id))[0]
    if (!line) throw new Error('a person statement without its line')
    const callOuts = await repo.list({ personId: person.id, span: spanOfMonth(query.month) })
    return {
      month: query.month,
      zoneId: person.zone_id,
      zoneName: zone.name,
      zoneCode: zone.code,
      status: statusOf(row),
      approval: approvalOf(row),
      line,
      callOuts: callOuts.map(presentCallOut),
    }
  }

  return {
    async list(ctx: PolicyContext, query: CallOutQuery) {
      const repo = calloutsRepository(db)
      const person = await personFor(repo, ctx, query.personId, 'callout.read')
      const month = query.month ?? monthOf(now().getTime())
      const [rows, duty] = await Promise.all([
        repo.list({ personId: person.id, span: spanOfMonth(month) }),
        repo.currentOrLastOnCall(person.id, now()),
      ])
      const at = now().getTime()
      const current: OnCallDuty | null = duty
        ? {
            rotationId: duty.rotation_id,
            rotationName: duty.rotation_name,
            slotKey: duty.slot_key,
            start: new Date(duty.start).toISOString(),
            end: new Date(duty.end).toISOString(),
            current: new Date(duty.end).getTime() > at,
          }
        : null
      return { personId: person.id, month, items: rows.map(presentCallOut), duty: current }
    },

    create: (ctx: PolicyContext, input: CallOutCreate) =>
      db.transaction().execute(async (trx) => {
        const repo = calloutsRepository(trx)
        const person = await personFor(repo, ctx.on(trx), input.personId, 'callout.manage')
        const span = { start: minuteOf(input.start), end: minuteOf(input.end) }
        assertPeriod(span)
        const duty = await dutyFor(repo, person.id, span.start)
        await assertUnlocked(repo, person.zone_id, span)
        const at = now()
        const id = await repo.insert({
          personId: person.id,
          zoneId: person.zone_id,
          rotationId: duty.rotation_id,
          slotKey: duty.slot_key,
          span,
          reason: input.reason.trim(),
          enteredBy: ctx.actor.userId,
          at,
        })
        await audit.write(
          trx,
          ctx.actor,
          'callout.create',
          { type: 'call_out', id },
          { personId: person.id, from: span.start.toISOString(), to: span.end.toISOString() },
          { chains: [person.zone_id] },
        )
        const row = await repo.byId(id)
        if (!row) throw new Error(`call-out ${id} vanished inside its transaction`)
        return { callOut: presentCallOut(row), warnings: await warningsAfter(repo, person, span) }
      }),

    update: (ctx: PolicyContext, id: string, change: CallOutUpdate) =>
      db.transaction().execute(async (trx) => {
        const repo = calloutsRepository(trx)
        const row = await repo.byId(id)
        if (!row) throw new AppError('NOT_FOUND')
        await authorize(
          ctx.on(trx),
          'callout.manage',
          personTarget({ id: row.person_id, zone_id: row.zone_id }),
          'callout.read',
        )
        const before: Span = { start: new Date(row.start), end: new Date(row.end) }
        const span: Span = {
          start: change.start ? minuteOf(change.start) : before.start,
          end: change.end ? minuteOf(change.end) : before.end,
        }
        assertPeriod(span)
        await assertUnlocked(repo, row.zone_id, before, span)
        const duty =
          span.start.getTime() === before.start.getTime()
            ? { rotation_id: row.rotation_id, slot_key: row.slot_key }
            : await dutyFor(repo, row.person_id, span.start)
        await repo.update(id, {
          rotationId: duty.rotation_id,
          slotKey: duty.slot_key,
          span,
          reason: change.reason?.trim() ?? row.reason,
          at: now(),
        })
        await audit.write(
          trx,
          ctx.actor,
          'callout.update',
          { type: 'call_out', id },
          { personId: row.person_id, changed: Object.keys(change).sort() },
          { chains: [row.zone_id] },
        )
        const updated = await repo.byId(id)
        if (!updated) throw new Error(`call-out ${id} vanished inside its transaction`)
        const warnings = await warningsAfter(repo, { id: row.person_id, zone_id: row.zone_id }, span)
        return { callOut: presentCallOut(updated), warnings }
      }),

    remove: (ctx: PolicyContext, id: string): Promise<void> =>
      db.transaction().execute(async (trx) => {
        const repo = calloutsRepository(trx)
        const row = await repo.byId(id)
        if (!row) throw new AppError('NOT_FOUND')
        await authorize(
          ctx.on(trx),
          'callout.manage',
          personTarget({ id: row.person_id, zone_id: row.zone_id }),
          'callout.read',
        )
        await assertUnlocked(repo, row.zone_id, { start: new Date(row.start), end: new Date(row.end) })
        await repo.remove(id)
        await audit.write(
          trx,
          ctx.actor,
          'callout.delete',
          { type: 'call_out', id },
          { personId: row.person_id },
          { chains: [row.zone_id] },
        )
      }),

    personStatement: personStatementOf,

    async zoneStatement(ctx: PolicyContext, zoneId: string, month: string) {
      const repo = calloutsRepository(db)
      await zoneFor(ctx, repo, zoneId, 'statement.read')
      return zoneStatementOf(repo, zoneId, month)
    },

    approve: (ctx: PolicyContext, zoneId: string, month: string) =>
      db.transaction().execute(async (trx) => {
        const repo = calloutsRepository(trx)
        await zoneFor(ctx.on(trx), repo, zoneId, 'statement.approve')
        await repo.lockZone(zoneId, 'approve')
        if (monthBounds(month).start > now().getTime())
          throw new AppError('STATEMENT_MONTH_NOT_STARTED', { month, today: brusselsDate(now()) })
        if (approved(await repo.statement(zoneId, month))) throw new AppError('STATEMENT_ALREADY_APPROVED')
        const lines = await liveLines(repo, zoneId, month)
        await repo.approve(zoneId, month, lines, ctx.actor.userId, now())
        await audit.write(
          trx,
          ctx.actor,
          'statement.approve',
          { type: 'callout_statement', id: null },
          { month, people: lines.length, ...totalsOf(lines) },
          { chains: [zoneId] },
        )
        return zoneStatementOf(repo, zoneId, month)
      }),

    reopen: (ctx: PolicyContext, zoneId: string, month: string) =>
      db.transaction().execute(async (trx) => {
        const repo = calloutsRepository(trx)
        await zoneFor(ctx.on(trx), repo, zoneId, 'statement.approve')
        await repo.lockZone(zoneId, 'approve')
        if (!approved(await repo.statement(zoneId, month))) throw new AppError('STATEMENT_NOT_APPROVED')
        await repo.reopen(zoneId, month, ctx.actor.userId, now())
        await audit.write(
          trx,
          ctx.actor,
          'statement.reopen',
          { type: 'callout_statement', id: null },
          { month },
          { chains: [zoneId] },
        )
        return zoneStatementOf(repo, zoneId, month)
      }),
  }
}
