import { describe, expect, it } from 'vitest'
import {
  availableActions,
  REQUEST_ACTIONS,
  REQUEST_STATUSES,
  retroApproval,
  transition,
  type RequestAction,
  type RequestFacts,
  type RequestStatus,
  type Side,
} from './lifecycle.ts'

const planned: RequestFacts = { urgency: 'planned', hasOffers: false, allDeclined: false, hoursConfirmed: false }
const urgent: RequestFacts = { ...planned, urgency: 'urgent' }

// Every legal move, written out by hand (independent of the rule table): [status, action, side, facts, to].
const LEGAL: Array<[RequestStatus, RequestAction, Side, RequestFacts, RequestStatus]> = [
  ['draft', 'submit', 'requester', planned, 'awaiting_approval'],
  ['draft', 'submit', 'requester', urgent, 'requested'],
  ['awaiting_approval', 'approve', 'requester', planned, 'requested'],
  ['requested', 'ask_info', 'partner', planned, 'info_requested'],
  ['offered', 'ask_info', 'partner', { ...planned, hasOffers: true }, 'info_requested'],
  ['info_requested', 'answer_info', 'requester', planned, 'requested'],
  ['info_requested', 'answer_info', 'requester', { ...planned, hasOffers: true }, 'offered'],
  ['requested', 'offer', 'partner', planned, 'offered'],
  ['offered', 'offer', 'partner', { ...planned, hasOffers: true }, 'offered'],
  ['under_way', 'offer', 'partner', { ...urgent, hasOffers: true }, 'under_way'],
  ['requested', 'decline', 'partner', planned, 'requested'],
  ['requested', 'decline', 'partner', { ...planned, allDeclined: true }, 'declined'],
  ['offered', 'decline', 'partner', { ...planned, hasOffers: true, allDeclined: true }, 'offered'],
  ['info_requested', 'decline', 'partner', { ...planned, allDeclined: true }, 'declined'],
  ['offered', 'accept', 'requester', { ...planned, hasOffers: true }, 'accepted'],
  ['requested', 'deploy', 'requester', urgent, 'under_way'],
  ['offered', 'deploy', 'requester', { ...urgent, hasOffers: true }, 'under_way'],
  ['accepted', 'start', 'requester', planned, 'under_way'],
  ['under_way', 'complete', 'requester', planned, 'completed'],
  ['completed', 'close', 'requester', { ...planned, hoursConfirmed: true }, 'closed'],
  ...(['draft', 'awaiting_approval', 'requested', 'info_requested', 'offered', 'accepted'] as const).map(
    (s): [RequestStatus, RequestAction, Side, RequestFacts, RequestStatus] => [
      s,
      'cancel',
      'requester',
      planned,
      'cancelled',
    ],
  ),
]

describe('request lifecycle', () => {
  it.each(LEGAL)('%s —%s (%s)→ allowed', (status, action, side, facts, to) => {
    expect(transition(status, action, side, facts)).toEqual({ ok: true, to })
  })

  it('refuses every other move, for both sides and all facts, with a 409 code', () => {
    const variants: RequestFacts[] = []
    for (const urgency of ['planned', 'urgent'] as const)
      for (const hasOffers of [false, true])
        for (const allDeclined of [false, true])
          for (const hoursConfirmed of [false, true]) variants.push({ urgency, hasOffers, allDeclined, hoursConfirmed })
    const legalMove = (status: RequestStatus, action: RequestAction, side: Side) =>
      LEGAL.some(([s, a, sd]) => s === status && a === action && sd === side)
    let refused = 0
    for (const status of REQUEST_STATUSES)
      for (const action of REQUEST_ACTIONS)
        for (const side of ['requester', 'partner'] as const)
          for (const facts of variants) {
            const result = transition(status, action, side, facts)
            if (!legalMove(status, action, side)) {
              expect(result, `${status} ${action} ${side}`).toEqual({
                ok: false,
                code: 'ASSISTANCE_TRANSITION_INVALID',
              })
              refused++
            }
          }
    expect(refused).toBeGreaterThan(1000)
  })

  it('within a legal move, the facts decide: urgency, offers, declines', () => {
    expect(transition('requested', 'decline', 'partner', { ...planned, hasOffers: true, allDeclined: true })).toEqual({
      ok: true,
      to: 'requested',
    })
    expect(transition('offered', 'accept', 'requester', planned)).toEqual({
      ok: false,
      code: 'ASSISTANCE_TRANSITION_INVALID',
    })
    expect(transition('offered', 'deploy', 'requester', { ...planned, hasOffers: true }).ok).toBe(false)
  })

  it('closes only once the hours are confirmed by both zones', () => {
    expect(transition('completed', 'close', 'requester', planned)).toEqual({
      ok: false,
      code: 'ASSISTANCE_HOURS_UNCONFIRMED',
    })
  })

  it('a planned request is never deployed at once, nor reinforced under way', () => {
    expect(transition('requested', 'deploy', 'requester', planned).ok).toBe(false)
    expect(transition('under_way', 'offer', 'partner', planned).ok).toBe(false)
  })

  it('terminal states allow nothing', () => {
    for (const status of ['closed', 'cancelled', 'declined'] as const)
      for (const side of ['requester', 'partner'] as const) expect(availableActions(status, side, urgent)).toEqual([])
  })

  it('offers the buttons each side may press', () => {
    expect(availableActions('requested', 'partner', urgent)).toEqual(['ask_info', 'offer', 'decline'])
    expect(availableActions('requested', 'requester', urgent)).toEqual(['deploy', 'cancel'])
  })
})

describe('retroactive approval of an urgent request', () => {
  it('is due N calendar days later at the same Brussels time, across the autumn change', () => {
    const requestedAt = Date.parse('2026-10-23T20:00:00Z') // Friday 22:00 CEST
    const { dueAt } = retroApproval(requestedAt, 3, null, requestedAt)
    expect(new Date(dueAt).toISOString()).toBe('2026-10-26T21:00:00.000Z') // Monday 22:00 CET (73 hours later)
  })

  it('is overdue only when not approved after the due instant', () => {
    const at = Date.parse('2026-03-02T10:00:00Z')
    const day = 86_400_000
    expect(retroApproval(at, 2, null, at + 2 * day - 1).overdue).toBe(false)
    expect(retroApproval(at, 2, null, at + 2 * day + 1).overdue).toBe(true)
    expect(retroApproval(at, 2, at + day, at + 5 * day).overdue).toBe(false)
  })
})
