// The input of a new or edited assistance request (issue 9): the requesting zone, the content validated for its
// zone and association (every problem with its code and field), and the fingerprint a resend is compared with.
import { createHash } from 'node:crypto'
import type { Transaction } from 'kysely'
import { now } from '../../platform/clock.ts'
import { AppError } from '../../platform/errors.ts'
import { scope } from '../../platform/policy.ts'
import type { PolicyContext } from '../../platform/policy/context.ts'
import type { DB } from '../../platform/schema.ts'
import { validateRequest, type RequestProblem } from './domain/request.ts'
import { requestRepository } from './request-repository.ts'
import { partnersOf } from './request-steps.ts'
import type { AssistanceRequestCreate } from './schema.ts'

export const ms = (iso: string | undefined): number | null => (iso === undefined ? null : new Date(iso).getTime())

/** The fields of a request as validated, ready to store. */
export interface Draft {
  urgency: 'urgent' | 'planned'
  category: string
  start: Date
  end: Date
  municipalityId: string | null
  place: string
  purpose: string
  contact: string
  addressing: 'all' | 'chosen'
  zoneIds: string[]
  lines: { capability: string; count: number }[]
}

/** 422 with the first problem's code and every problem in `details.problems`. */
export function refuse(problems: readonly RequestProblem[] | readonly { code: string; field: string }[]): never {
  const first = problems[0]!
  throw new AppError(first.code as RequestProblem['code'], { problems })
}

/** Validates the request's content for its requesting zone and association (every problem, not only the first). */
export async function validated(
  trx: Transaction<DB>,
  ctx: PolicyContext,
  zoneId: string,
  associationId: string,
  input: Omit<Draft, 'start' | 'end'> & { start: number | null; end: number | null },
): Promise<Draft> {
  const result = validateRequest(
    { urgency: input.urgency, category: input.category, start: input.start, end: input.end, lines: input.lines },
    now().getTime(),
  )
  const problems: { code: string; field: string }[] = result.ok ? [] : [...result.problems]
  const partners = await partnersOf(trx, ctx, zoneId, associationId)
  if (input.addressing === 'chosen') {
    if (input.zoneIds.length === 0 || input.zoneIds.some((z) => !partners.includes(z)))
      problems.push({ code: 'ASSISTANCE_NOT_PARTNER', field: 'zoneIds' })
  }
  if (input.municipalityId !== null) {
    const owner = await requestRepository(trx).municipalityZone(input.municipalityId)
    if (owner !== zoneId) problems.push({ code: 'VALIDATION_FAILED', field: 'municipalityId' })
  }
  if (!result.ok || problems.length > 0) refuse(problems)
  return {
    ...input,
    zoneIds: input.addressing === 'chosen' ? [...input.zoneIds].sort() : [],
    start: new Date(result.request.start),
    end: new Date(result.request.end),
  }
}

/** The body's fingerprint: a resend with the same key and the same body is the same request. */
export const fingerprintOf = (body: AssistanceRequestCreate): string =>
  createHash('sha256')
    .update(
      JSON.stringify({
        ...body,
        zoneIds: [...(body.zoneIds ?? [])].sort(),
        lines: [...body.lines].sort((a, b) => a.capability.localeCompare(b.capability)),
      }),
    )
    .digest('hex')

export const isIdempotencyRace = (err: unknown): boolean =>
  err instanceof Error &&
  (err as { code?: unknown }).code === '23505' &&
  (err as { constraint?: unknown }).constraint === 'assistance_requests_idempotency'

/** The requesting zone: the one given, else the actor's home zone, else the only zone the actor asks for. */
export async function requestingZone(ctx: PolicyContext, body: AssistanceRequestCreate): Promise<string> {
  if (body.zoneId) return body.zoneId
  const own = (await scope(ctx, 'assistance.request')).ownZoneIds
  if (ctx.actor.homeZoneId && own.includes(ctx.actor.homeZoneId)) return ctx.actor.homeZoneId
  if (own.length === 1) return own[0]!
  throw new AppError('VALIDATION_FAILED', { field: 'zoneId' })
}
