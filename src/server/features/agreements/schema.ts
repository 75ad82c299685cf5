import { Type, type Static } from 'typebox'
import {
  AGREEMENT_KINDS,
  AGREEMENT_STATUSES,
  APPROVAL_BODIES,
  APPROVAL_DECISIONS,
  DATE_PRECISIONS,
  DOMAIN_CODES,
  SUPERSEDED_REASONS,
} from '../../platform/enums.ts'
import { Nullable, Uuid, IsoDate, StringEnum } from '../../platform/typebox.ts'

const Kind = StringEnum(AGREEMENT_KINDS)
const Status = StringEnum(AGREEMENT_STATUSES)
const DomainCode = StringEnum(DOMAIN_CODES)

const summaryProps = {
  id: Uuid,
  associationId: Uuid,
  associationName: Type.String(),
  kind: Kind,
  title: Type.String(),
  version: Type.Integer(),
  contentVersion: Type.Integer({
    description:
      'Counts content changes (parties, domains, period, trial, key figures); approvals name the one they approve.',
  }),
  status: Status,
  signedOn: Nullable(IsoDate),
  effectiveFrom: Nullable(IsoDate),
  effectiveTo: Nullable(IsoDate),
  trialMonths: Nullable(Type.Integer()),
  trialEndsOn: Nullable(IsoDate),
  inForceNow: Type.Boolean(),
  parties: Type.Array(Type.Object({ zoneId: Uuid, code: Type.String(), name: Type.String() })),
  domains: Type.Array(Type.String()),
}

export const AgreementSummary = Type.Object(summaryProps, { $id: 'AgreementSummary' })
export type AgreementSummary = Static<typeof AgreementSummary>

export const Approval = Type.Object({
  id: Uuid,
  zoneId: Uuid,
  zoneCode: Type.String(),
  body: StringEnum(APPROVAL_BODIES),
  municipalityId: Nullable(Uuid),
  municipalityName: Nullable(Type.String()),
  decision: StringEnum(APPROVAL_DECISIONS),
  decidedOn: IsoDate,
  datePrecision: StringEnum(DATE_PRECISIONS),
  note: Nullable(Type.String()),
  contentVersion: Type.Integer({ description: 'The content version this decision approves or rejects' }),
  current: Type.Boolean({ description: 'The decision is about the current content (not superseded)' }),
  councilDecisionRef: Nullable(Type.String()),
  recordedOnBehalf: Type.Boolean({ description: "Recorded by the association's admin on the zone's behalf" }),
  recordedByName: Nullable(Type.String()),
  supersededAt: Nullable(Type.String({ format: 'date-time' })),
  supersededReason: Nullable(StringEnum(SUPERSEDED_REASONS)),
})

export const PARTY_CONSENT = ['approved', 'rejected', 'outdated', 'missing'] as const

export const Agreement = Type.Object(
  {
    ...summaryProps,
    summary: Nullable(Type.String()),
    contentHash: Nullable(Type.String({ description: 'SHA-256 of the current content (canonical JSON)' })),
    endReason: Nullable(Type.String()),
    endDecisionRef: Nullable(Type.String()),
    approvals: Type.Array(Approval),
    consent: Type.Array(
      Type.Object({ zoneId: Uuid, code: Type.String(), name: Type.String(), state: StringEnum(PARTY_CONSENT) }),
      {
        description:
          'Per party zone: approved the current content, rejected it, approved an earlier content, or nothing yet',
      },
    ),
    lastApprovalOn: Nullable(IsoDate),
    approvalRecordableFor: Type.Array(Type.Object({ zoneId: Uuid, onBehalf: Type.Boolean() }), {
      description:
        'Party zones whose decision the caller may record; on behalf (admin) needs the council decision reference',
    }),
    keyFigures: Nullable(
      Type.Object({
        municipalities: Nullable(Type.Number()),
        areaKm2: Nullable(Type.Number()),
        staff: Nullable(Type.Number()),
        budgetOrdinaryCents: Nullable(Type.Number()),
        budgetExtraordinaryCents: Nullable(Type.Number()),
        budgetTotalCents: Nullable(Type.Number()),
      }),
    ),
    canManage: Type.Boolean({ description: 'The caller may edit, record approvals and change the status.' }),
  },
  { $id: 'Agreement' },
)
export type Agreement = Static<typeof Agreement>

export const AgreementList = Type.Object({ items: Type.Array(Type.Ref('AgreementSummary')) })

export const AgreementQuery = Type.Object(
  { associationId: Type.Optional(Uuid), status: Type.Optional(Status) },
  { additionalProperties: false },
)

const editable = {
  kind: Kind,
  title: Type.String({ minLength: 1, maxLength: 300 }),
  version: Type.Integer({ minimum: 1, maximum: 1000 }),
  signedOn: Nullable(IsoDate),
  trialMonths: Nullable(Type.Integer({ minimum: 1, maximum: 60 })),
  effectiveFrom: Nullable(IsoDate),
  effectiveTo: Nullable(IsoDate),
  summary: Nullable(Type.String({ maxLength: 8000 })),
  partyZoneIds: Type.Array(Uuid, { minItems: 2, maxItems: 50, uniqueItems: true }),
  domains: Type.Array(DomainCode, { minItems: 1, maxItems: 30, uniqueItems: true }),
}

export const AgreementCreate = Type.Object(
  {
    associationId: Uuid,
    kind: editable.kind,
    title: editable.title,
    version: Type.Optional(editable.version),
    signedOn: Type.Optional(editable.signedOn),
    trialMonths: Type.Optional(editable.trialMonths),
    effectiveFrom: Type.Optional(editable.effectiveFrom),
    effectiveTo: Type.Optional(editable.effectiveTo),
    summary: Type.Optional(editable.summary),
    partyZoneIds: editable.partyZoneIds,
    domains: editable.domains,
  },
  { additionalProperties: false },
)
export type AgreementCreate = Static<typeof AgreementCreate>

export const AgreementPatch = Type.Partial(Type.Object(editable), { additionalProperties: false, minProperties: 1 })
export type AgreementPatch = Static<typeof AgreementPatch>

export const ApprovalCreate = Type.Object(
  {
    zoneId: Uuid,
    body: StringEnum(APPROVAL_BODIES),
    municipalityId: Type.Optional(Nullable(Uuid)),
    decision: StringEnum(APPROVAL_DECISIONS),
    decidedOn: IsoDate,
    datePrecision: Type.Optional(StringEnum(DATE_PRECISIONS)),
    note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
    councilDecisionRef: Type.Optional(
      Nullable(
        Type.String({
          minLength: 1,
          maxLength: 300,
          description: "The council decision's reference; required when the admin records on the zone's behalf",
        }),
      ),
    ),
  },
  { additionalProperties: false },
)
export type ApprovalCreate = Static<typeof ApprovalCreate>

export const TransitionBody = Type.Object(
  {
    to: StringEnum(AGREEMENT_STATUSES),
    effectiveFrom: Type.Optional(IsoDate),
    effectiveTo: Type.Optional(IsoDate),
    reason: Type.Optional(Type.String({ maxLength: 2000, description: 'Why the agreement ends (required to end)' })),
    councilDecisionRef: Type.Optional(
      Type.String({ minLength: 1, maxLength: 300, description: 'Required to end on a date before today' }),
    ),
  },
  { additionalProperties: false },
)
export type TransitionBody = Static<typeof TransitionBody>
