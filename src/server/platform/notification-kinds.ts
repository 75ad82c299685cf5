// The notification kinds: what a notification can say, the parameters it carries (all text), the kind of
// object it links to, and the web dictionary key of its message (src/web/i18n, one key per kind; a test checks
// nl, fr and en have it). The mail of a kind is in mail-templates.ts (the compiler wants nl, fr and en there).
// Pure data with no imports: the web app's tests read it too.

/** What a notification can link to, and the app path of one. */
export const NOTIFICATION_OBJECTS = {
  agreement: (id: string) => `/agreements/${id}`,
  // availability (issue 8): the person's own availability page (the entry is listed there)
  availability: () => '/availability',
  // permanences (issue 8, perm-core)
  rotation: (id: string) => `/rotations/${id}`,
  // swaps (issue 8): the request is listed on My duties
  swap: () => '/duties',
  // alerts (issue 9): an assistance request's page
  assistance_request: (id: string) => `/assistance/requests/${id}`,
  // assets (issue 10): an asset's page in the catalogue
  asset: (id: string) => `/equipment/assets/${id}`,
  // bookings (issue 10): a booking's page
  equipment_booking: (id: string) => `/equipment/bookings/${id}`,
  // training (issue 11, train-sessions and train-enrol): a session's page
  training_session: (id: string) => `/training/sessions/${id}`,
  // train-compliance (issue 11): a person's training page (their own, or as their korpschef/planner sees it),
  // and a zone's GPI 48 overview
  training_person: (id: string) => `/training/people/${id}`,
  training_zone: () => '/training/compliance',
} as const satisfies Record<string, (id: string) => string>
export type NotificationObjectType = keyof typeof NOTIFICATION_OBJECTS

export const NOTIFICATION_KINDS = {
  /** An agreement went to approval: the korpschefs of the party zones must record their council's decision. */
  'agreement.approval_requested': {
    params: ['title'],
    object: 'agreement',
    message: 'notification.agreement.approval_requested',
  },
  /** An agreement was brought in force (`effectiveFrom` YYYY-MM-DD). */
  'agreement.in_force': {
    params: ['title', 'effectiveFrom'],
    object: 'agreement',
    message: 'notification.agreement.in_force',
  },
  /** An agreement was ended (`effectiveTo`, its last day, YYYY-MM-DD). */
  'agreement.ended': {
    params: ['title', 'effectiveTo'],
    object: 'agreement',
    message: 'notification.agreement.ended',
  },
  /** A content change voided the recipient zone's approval: a new decision is needed. */
  'agreement.approvals_voided': {
    params: ['title'],
    object: 'agreement',
    message: 'notification.agreement.approvals_voided',
  },
  // availability (issue 8)
  /** A planner or korpschef entered leave or unavailability for the recipient (`from`, `to`: YYYY-MM-DD, the
   *  first and last day in Brussels; `enteredBy`: their name). The kind is left out: sick leave is sensitive,
   *  and a mail may be read elsewhere; the app shows it on the availability page. */
  'availability.entered_for_you': {
    params: ['from', 'to', 'enteredBy'],
    object: 'availability',
    message: 'notification.availability.entered_for_you',
  },
  // permanences (issue 8, perm-core)
  /** A published roster or an override changed the recipient's duties in a rotation (`count` slots). */
  'roster.duties_changed': {
    params: ['rotation', 'count'],
    object: 'rotation',
    message: 'notification.roster.duties_changed',
  },
  // swaps (issue 8)
  /** A colleague offers a duty you could take. */
  'swap.offered': {
    params: ['rotation', 'from', 'requester'],
    object: 'swap',
    message: 'notification.swap.offered',
  },
  /** Your offered duty was taken; the planners still approve. */
  'swap.taken': {
    params: ['rotation', 'from', 'taker'],
    object: 'swap',
    message: 'notification.swap.taken',
  },
  /** A planner of a zone concerned must approve a swap. */
  'swap.approval_needed': {
    params: ['rotation', 'from', 'requester', 'taker'],
    object: 'swap',
    message: 'notification.swap.approval_needed',
  },
  /** A swap, give-away or replacement was approved: the duties changed. */
  'swap.approved': {
    params: ['rotation', 'from'],
    object: 'swap',
    message: 'notification.swap.approved',
  },
  /** A swap or give-away was rejected: the duties stay as they were. */
  'swap.rejected': {
    params: ['rotation', 'from'],
    object: 'swap',
    message: 'notification.swap.rejected',
  },
  /** Leave over an assigned duty: a replacement is needed. */
  'replacement.needed': {
    params: ['rotation', 'from', 'person'],
    object: 'swap',
    message: 'notification.replacement.needed',
  },
  // alerts (issue 9)
  /** An urgent assistance request of a partner zone (`zone`) reached the recipient (on duty, or escalated to
   *  them): acknowledge it. `from`: the start of the window, Brussels DD/MM/YYYY HH:MM. */
  'assistance.alert': {
    params: ['zone', 'place', 'from'],
    object: 'assistance_request',
    message: 'notification.assistance.alert',
  },
  /** A planned assistance request of a partner zone reached the recipient's zone (its planners, korpschef). */
  'assistance.requested': {
    params: ['zone', 'place', 'from'],
    object: 'assistance_request',
    message: 'notification.assistance.requested',
  },
  // assets (issue 10)
  /** A validity (calibration, inspection, …) of an asset the recipient's zone keeps lapses soon (`validUntil`: its
   *  last day, YYYY-MM-DD): renew it, or the asset cannot be lent from then on. The asset's page says which one. */
  'equipment.validity_expiring': {
    params: ['asset', 'identifier', 'validUntil'],
    object: 'asset',
    message: 'notification.equipment.validity_expiring',
  },
  // bookings (issue 10)
  /** A partner zone (`zone`) asks to borrow the recipient zone's `asset` from `from` (Brussels DD/MM/YYYY HH:MM). */
  'equipment.booking_requested': {
    params: ['zone', 'asset', 'from'],
    object: 'equipment_booking',
    message: 'notification.equipment.booking_requested',
  },
  /** The keeper decided the recipient's booking of `asset` (the booking's page says how: mails are read elsewhere). */
  'equipment.booking_decided': {
    params: ['asset', 'from'],
    object: 'equipment_booking',
    message: 'notification.equipment.booking_decided',
  },
  /** A loan of `asset` to `zone` is still out after its end `to`. */
  'equipment.booking_overdue': {
    params: ['asset', 'zone', 'to'],
    object: 'equipment_booking',
    message: 'notification.equipment.booking_overdue',
  },
  // training sessions (issue 11, train-sessions)
  /** The session of `course` on `from` (Brussels date and time) was cancelled: `reason`. */
  'training.session_cancelled': {
    params: ['course', 'from', 'reason'],
    object: 'training_session',
    message: 'notification.training.session_cancelled',
  },
  // training enrolments (issue 11, train-enrol). `course`: the course's title; `from`: the session's start,
  // Brussels DD/MM/YYYY HH:MM.
  /** Someone else (a planner, korpschef or trainer) enrolled the recipient in a session. */
  'training.enrolled': {
    params: ['course', 'from'],
    object: 'training_session',
    message: 'notification.training.enrolled',
  },
  /** The recipient's zone had no free place: the enrolment waits at `position` on the waiting list. */
  'training.waitlisted': {
    params: ['course', 'from', 'position'],
    object: 'training_session',
    message: 'notification.training.waitlisted',
  },
  /** A place freed up: the recipient moved from the waiting list into the session. */
  'training.promoted': {
    params: ['course', 'from'],
    object: 'training_session',
    message: 'notification.training.promoted',
  },
  /** The organiser (or the recipient's planner or korpschef) cancelled the recipient's enrolment. */
  'training.enrolment_cancelled': {
    params: ['course', 'from'],
    object: 'training_session',
    message: 'notification.training.enrolment_cancelled',
  },
  // train-compliance (issue 11): GPI 48 reminders
  /** The recipient has `counted` of `required` GPI 48 sessions: behind, or behind on `date` (DD/MM/YYYY). */
  'training.compliance_due': {
    params: ['counted', 'required', 'date'],
    object: 'training_person',
    message: 'notification.training.compliance_due',
  },
  /** The recipient's `qualification` (codes) lapses on `validUntil` (DD/MM/YYYY, the earliest). */
  'training.qualification_expiring': {
    params: ['qualification', 'validUntil'],
    object: 'training_person',
    message: 'notification.training.qualification_expiring',
  },
  /** The daily digest of a zone's planners: people behind, falling behind soon, with qualifications lapsing. */
  'training.compliance_digest': {
    params: ['behind', 'dueSoon', 'expiring'],
    object: 'training_zone',
    message: 'notification.training.compliance_digest',
  },
} as const satisfies Record<
  string,
  { params: readonly string[]; object: NotificationObjectType; message: `notification.${string}` }
>

export type NotificationKind = keyof typeof NOTIFICATION_KINDS
export type NotificationParams<K extends NotificationKind> = {
  [P in (typeof NOTIFICATION_KINDS)[K]['params'][number]]: string
}

export const NOTIFICATION_KIND_NAMES = Object.keys(NOTIFICATION_KINDS) as NotificationKind[]

export const isNotificationKind = (kind: unknown): kind is NotificationKind =>
  typeof kind === 'string' && Object.hasOwn(NOTIFICATION_KINDS, kind)

/** The app path of a notification's object (e.g. `/agreements/<id>`), or null. */
export function objectPath(type: string | null, id: string | null): string | null {
  if (type === null || id === null || !Object.hasOwn(NOTIFICATION_OBJECTS, type)) return null
  return NOTIFICATION_OBJECTS[type as NotificationObjectType](id)
}
