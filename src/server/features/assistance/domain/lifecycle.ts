// The life of an assistance request (issue 9): one table of who may do what in which state, so the service,
// its tests and the docs read the same rules. An illegal transition is answered 409 with a catalogue code.
//
//   draft ─submit→ requested (urgent) | awaiting_approval (planned) ─approve→ requested
//   requested / offered ─offer→ offered ─accept→ accepted ─start→ under_way ─complete→ completed ─close→ closed
//   urgent: requested / offered ─deploy→ under_way (deployed at once; approved afterwards, see retroApproval)
//   requested / offered ─ask_info→ info_requested ─answer_info→ requested (or offered when offers exist)
//   a partner's decline ends the request (declined) only when every addressed zone declined and none offered
//   cancel: by the requester, before anyone is under way

import { Temporal } from 'temporal-polyfill'
import { ASSISTANCE_STATUSES } from '../../../platform/enums.ts'
import { TIME_ZONE } from '../../../platform/time.ts'

export const REQUEST_STATUSES = ASSISTANCE_STATUSES
export type RequestStatus = (typeof REQUEST_STATUSES)[number]

export const REQUEST_ACTIONS = [
  'submit',
  'approve',
  'ask_info',
  'answer_info',
  'offer',
  'decline',
  'accept',
  'deploy',
  'start',
  'complete',
  'close',
  'cancel',
] as const
export type RequestAction = (typeof REQUEST_ACTIONS)[number]

/** Who acts: the requesting zone, or a partner zone the request is addressed to. */
export type Side = 'requester' | 'partner'

export interface RequestFacts {
  urgency: 'urgent' | 'planned'
  /** At least one partner zone has offered lines that are not withdrawn. */
  hasOffers: boolean
  /** After this decline, every addressed zone has declined (and none offered). */
  allDeclined: boolean
  /** The hours of every deployed person are recorded and confirmed by both zones. */
  hoursConfirmed: boolean
}

export type TransitionError = 'ASSISTANCE_TRANSITION_INVALID' | 'ASSISTANCE_HOURS_UNCONFIRMED'
export type Transition = { ok: true; to: RequestStatus } | { ok: false; code: TransitionError }

export const TERMINAL: ReadonlySet<RequestStatus> = new Set(['closed', 'cancelled', 'declined'])

interface Rule {
  side: Side
  from: readonly RequestStatus[]
  /** The next state; null when the action is not allowed for these facts. */
  to: (status: RequestStatus, facts: RequestFacts) => RequestStatus | 'ASSISTANCE_HOURS_UNCONFIRMED' | null
}

const RULES: Record<RequestAction, Rule> = {
  submit: {
    side: 'requester',
    from: ['draft'],
    to: (_, f) => (f.urgency === 'urgent' ? 'requested' : 'awaiting_approval'),
  },
  approve: { side: 'requester', from: ['awaiting_approval'], to: () => 'requested' },
  ask_info: { side: 'partner', from: ['requested', 'offered'], to: () => 'info_requested' },
  answer_info: { side: 'requester', from: ['info_requested'], to: (_, f) => (f.hasOffers ? 'offered' : 'requested') },
  offer: {
    side: 'partner',
    from: ['requested', 'offered', 'under_way'],
    // Reinforcement of an urgent deployment under way keeps it under way; a planned one takes offers before.
    to: (s, f) => (s === 'under_way' ? (f.urgency === 'urgent' ? 'under_way' : null) : 'offered'),
  },
  decline: {
    side: 'partner',
    from: ['requested', 'offered', 'info_requested'],
    to: (s, f) => (f.allDeclined && !f.hasOffers ? 'declined' : s),
  },
  accept: { side: 'requester', from: ['offered'], to: (_, f) => (f.hasOffers ? 'accepted' : null) },
  deploy: {
    side: 'requester',
    from: ['requested', 'offered'],
    to: (_, f) => (f.urgency === 'urgent' ? 'under_way' : null),
  },
  start: { side: 'requester', from: ['accepted'], to: () => 'under_way' },
  complete: { side: 'requester', from: ['under_way'], to: () => 'completed' },
  close: {
    side: 'requester',
    from: ['completed'],
    to: (_, f) => (f.hoursConfirmed ? 'closed' : 'ASSISTANCE_HOURS_UNCONFIRMED'),
  },
  cancel: {
    side: 'requester',
    from: ['draft', 'awaiting_approval', 'requested', 'info_requested', 'offered', 'accepted'],
    to: () => 'cancelled',
  },
}

/** What `action` by `side` does to a request in `status`, given the facts the service read in its transaction. */
export function transition(status: RequestStatus, action: RequestAction, side: Side, facts: RequestFacts): Transition {
  const rule = RULES[action]
  if (rule.side !== side || !rule.from.includes(status)) return { ok: false, code: 'ASSISTANCE_TRANSITION_INVALID' }
  const to = rule.to(status, facts)
  if (to === null) return { ok: false, code: 'ASSISTANCE_TRANSITION_INVALID' }
  if (to === 'ASSISTANCE_HOURS_UNCONFIRMED') return { ok: false, code: to }
  return { ok: true, to }
}

/** The actions `side` can take now (the UI's buttons). */
export function availableActions(status: RequestStatus, side: Side, facts: RequestFacts): RequestAction[] {
  return REQUEST_ACTIONS.filter((a) => transition(status, a, side, facts).ok)
}

/**
 * An urgent request deployed at once is approved in the requesting zone afterwards: due `days` calendar days
 * (Brussels) after it was requested (`requestedAt`, epoch ms), at the same local time. Overdue while not approved
 * after that instant.
 */
export function retroApproval(requestedAt: number, days: number, approvedAt: number | null, now: number) {
  const dueAt = Temporal.Instant.fromEpochMilliseconds(requestedAt)
    .toZonedDateTimeISO(TIME_ZONE)
    .add({ days })
    .toInstant().epochMilliseconds
  return { dueAt, overdue: approvedAt === null && now > dueAt }
}
