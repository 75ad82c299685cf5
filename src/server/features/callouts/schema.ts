import { Type, type Static } from 'typebox'
import { CALLOUT_RULE_WARNINGS, STATEMENT_STATUSES } from '../../platform/enums.ts'
import { Nullable, StringEnum, Uuid } from '../../platform/typebox.ts'

/** An instant with its offset, e.g. 2026-03-29T03:10:00+02:00 (the web app sends the typed Brussels time so). */
const Instant = (description: string) =>
  Type.String({
    minLength: 16,
    maxLength: 35,
    pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})$',
    description,
  })
const Reason = Type.String({ minLength: 1, maxLength: 500, pattern: '\\S', description: 'What the call-out was for.' })
/** A Brussels calendar month. */
export const Month = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'Month YYYY-MM (Brussels).' })

const Who = Nullable(Type.Object({ userId: Uuid, name: Type.String() }))

export const CallOut = Type.Object(
  {
    id: Uuid,
    personId: Uuid,
    personName: Type.String(),
    zoneId: Uuid,
    rotationId: Uuid,
    rotationName: Type.String(),
    slotKey: Type.String(),
    start: Type.String({ format: 'date-time' }),
    end: Type.String({ format: 'date-time', description: 'Exclusive.' }),
    minutes: Type.Integer({ minimum: 1 }),
    reason: Type.String(),
    enteredBy: Who,
    locked: Type.Boolean({ description: 'True while a month it touches has an approved statement: no changes.' }),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'CallOut' },
)
export type CallOut = Static<typeof CallOut>

export const CallOutWarning = Type.Object({
  dutyId: Uuid,
  rotationId: Uuid,
  rotationName: Type.String(),
  start: Type.String({ format: 'date-time' }),
  end: Type.String({ format: 'date-time' }),
  rules: Type.Array(StringEnum(CALLOUT_RULE_WARNINGS), {
    description: 'The working-time rules this upcoming present duty now breaks because of the call-outs.',
  }),
})
export type CallOutWarning = Static<typeof CallOutWarning>

export const CallOutResult = Type.Object({
  callOut: Type.Ref('CallOut'),
  warnings: Type.Array(CallOutWarning),
})

export const OnCallDuty = Type.Object({
  rotationId: Uuid,
  rotationName: Type.String(),
  slotKey: Type.String(),
  start: Type.String({ format: 'date-time' }),
  end: Type.String({ format: 'date-time' }),
  current: Type.Boolean({ description: 'The duty runs now (else it is the most recent one).' }),
})
export type OnCallDuty = Static<typeof OnCallDuty>

export const CallOutQuery = Type.Object(
  { personId: Type.Optional(Uuid), month: Type.Optional(Month) },
  { additionalProperties: false },
)
export type CallOutQuery = Static<typeof CallOutQuery>

export const CallOutList = Type.Object({
  personId: Uuid,
  month: Month,
  items: Type.Array(Type.Ref('CallOut')),
  duty: Nullable(OnCallDuty),
})

export const CallOutCreate = Type.Object(
  {
    personId: Type.Optional(Uuid),
    start: Instant('Start of the call-out: within an on-call duty of the person.'),
    end: Instant('End of the call-out (exclusive), at most 24 hours after the start.'),
    reason: Reason,
  },
  { additionalProperties: false },
)
export type CallOutCreate = Static<typeof CallOutCreate>

export const CallOutUpdate = Type.Object(
  {
    start: Type.Optional(Instant('New start.')),
    end: Type.Optional(Instant('New end.')),
    reason: Type.Optional(Reason),
  },
  { additionalProperties: false, minProperties: 1 },
)
export type CallOutUpdate = Static<typeof CallOutUpdate>

/** Minutes per payroll category (features/callouts/domain.ts): total = weekday + saturday + sunday + holiday;
 *  night is an overlay (also counted in its day); weekdayDay = weekday outside the night. */
export const HoursSplit = Type.Object(
  {
    total: Type.Integer(),
    weekday: Type.Integer(),
    weekdayDay: Type.Integer(),
    night: Type.Integer(),
    saturday: Type.Integer(),
    sunday: Type.Integer(),
    holiday: Type.Integer(),
  },
  { description: 'Minutes per payroll category.' },
)

export const StatementLine = Type.Object(
  {
    personId: Uuid,
    personName: Type.String(),
    employeeNumber: Type.String(),
    onCall: HoursSplit,
    callOuts: HoursSplit,
  },
  { $id: 'StatementLine' },
)
export type StatementLine = Static<typeof StatementLine>

const Approval = Nullable(
  Type.Object({
    approvedAt: Type.String({ format: 'date-time' }),
    approvedBy: Who,
    reopenedAt: Nullable(Type.String({ format: 'date-time' })),
    reopenedBy: Who,
  }),
)

const StatementHead = {
  month: Month,
  zoneId: Uuid,
  zoneName: Type.String(),
  zoneCode: Type.String(),
  status: StringEnum(STATEMENT_STATUSES),
  approval: Approval,
}

export const PersonStatement = Type.Object({
  ...StatementHead,
  line: Type.Ref('StatementLine'),
  callOuts: Type.Array(Type.Ref('CallOut')),
})

export const ZoneStatement = Type.Object(
  {
    ...StatementHead,
    lines: Type.Array(Type.Ref('StatementLine')),
    totals: Type.Object({ onCall: HoursSplit, callOuts: HoursSplit }),
  },
  { $id: 'ZoneStatement' },
)

export const PersonStatementQuery = Type.Object(
  { personId: Type.Optional(Uuid), month: Month },
  { additionalProperties: false },
)
export type PersonStatementQuery = Static<typeof PersonStatementQuery>

export const ZoneMonthParams = Type.Object({ zoneId: Uuid, month: Month })
export type ZoneMonthParams = Static<typeof ZoneMonthParams>
