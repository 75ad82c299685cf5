// Schemas of swaps, give-aways and leave replacements: the request, its candidates, my duties and the gaps.
import { Type, type Static } from 'typebox'
import { Nullable, StringEnum, Uuid } from '../../platform/typebox.ts'

const Instant = Type.String({ format: 'date-time' })

export const SWAP_VIEW_STATUSES = ['open', 'taken', 'approved', 'rejected', 'withdrawn', 'expired'] as const

/** What anyone who may see the request sees of a person: name, zone, rank, work phone — nothing more. */
export const SwapPerson = Type.Object({
  personId: Uuid,
  firstName: Type.String(),
  lastName: Type.String(),
  zoneId: Uuid,
  zoneCode: Type.String(),
  rank: Nullable(Type.String()),
  workPhone: Nullable(Type.String()),
})
export type SwapPerson = Static<typeof SwapPerson>

export const SwapCandidate = Type.Object({
  ...SwapPerson.properties,
  loadHours: Type.Number({
    description: 'Weighted hours of duties in the five weeks either side of the duty, per FTE',
  }),
})

export const SwapRequest = Type.Object(
  {
    id: Uuid,
    kind: StringEnum(['give_away', 'swap', 'replacement'] as const),
    status: StringEnum(SWAP_VIEW_STATUSES, { description: 'expired: open or taken when the duty started' }),
    rotation: Type.Object({ id: Uuid, name: Type.String(), domain: Type.String() }),
    dutyId: Uuid,
    slotKey: Type.String(),
    position: Type.Integer(),
    from: Instant,
    until: Instant,
    requester: SwapPerson,
    taker: Nullable(SwapPerson),
    returnDuty: Nullable(
      Type.Object({ dutyId: Uuid, rotationId: Uuid, slotKey: Type.String(), from: Instant, until: Instant }),
    ),
    note: Nullable(Type.String()),
    /** The zones whose planner must approve (the requester's, and the taker's when it differs). */
    zonesConcerned: Type.Array(Uuid),
    approvedZoneIds: Type.Array(Uuid),
    createdAt: Instant,
    mine: Type.Boolean({ description: 'The caller is the requester' }),
    canTake: Type.Boolean({ description: 'Open, not the caller’s, and the caller stands in the rotation' }),
    canApprove: Type.Boolean({ description: 'Taken, and a zone the caller plans still has to approve' }),
    canAssign: Type.Boolean({ description: 'Open, and the caller plans the requester’s zone' }),
    canWithdraw: Type.Boolean(),
  },
  { $id: 'SwapRequest' },
)
export type SwapRequest = Static<typeof SwapRequest>

const SwapRef = Type.Ref('SwapRequest')
export const SwapDetail = Type.Object({
  request: SwapRef,
  /** Open requests: who may take it, lowest load first (the requester and those the rules exclude are not). */
  candidates: Type.Array(SwapCandidate),
})
export const SwapList = Type.Object({ items: Type.Array(SwapRef) })
export const SwapQuery = Type.Object(
  { status: Type.Optional(StringEnum(SWAP_VIEW_STATUSES)) },
  { additionalProperties: false },
)

export const SwapCreate = Type.Object(
  {
    dutyId: Uuid,
    kind: StringEnum(['give_away', 'swap'] as const),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
)
export type SwapCreate = Static<typeof SwapCreate>
export const SwapTake = Type.Object(
  { returnDutyId: Type.Optional(Uuid) },
  { additionalProperties: false, description: 'A swap: the caller’s duty that goes back to the requester' },
)
export const SwapAssign = Type.Object({ personId: Uuid }, { additionalProperties: false })
export const SwapReject = Type.Object(
  { reason: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
)

export const MyDuty = Type.Object({
  dutyId: Uuid,
  rotation: Type.Object({ id: Uuid, name: Type.String(), domain: Type.String() }),
  slotKey: Type.String(),
  position: Type.Integer(),
  dutyKind: StringEnum(['on_call', 'present'] as const),
  from: Instant,
  until: Instant,
  /** The open or taken request on it, if any. */
  requestId: Nullable(Uuid),
})
export const MyDuties = Type.Object({ items: Type.Array(MyDuty) })

export const Gaps = Type.Object({
  /** Published slots with no one on duty, in the coming weeks. */
  slots: Type.Array(
    Type.Object({
      rotation: Type.Object({ id: Uuid, name: Type.String(), domain: Type.String() }),
      slotKey: Type.String(),
      position: Type.Integer(),
      from: Instant,
      until: Instant,
    }),
  ),
  /** Replacement needs raised by leave, still open or awaiting approval. */
  needs: Type.Array(SwapRef),
})
export const GapsQuery = Type.Object(
  { days: Type.Optional(Type.Integer({ minimum: 1, maximum: 366, default: 56 })) },
  { additionalProperties: false },
)
