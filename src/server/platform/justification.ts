// Reads of restricted data (informants, complaints, violence victims: DESIGN.md §7) need a justification the
// reader writes, and the audit log keeps it with the read (LED art. 25: consultation logs carry the
// justification). A route that serves restricted data declares `JustificationHeaders` in its schema, reads the
// justification with `justificationOf(req)` before anything else, and logs the read with
// `audit.restrictedRead(trx, actor, { zoneId, object, justification })` in the transaction that reads the data.
// The database refuses a `restricted.read` audit row without one (audit_events_restricted_justified, migration 0009).
import { Type } from 'typebox'
import { AppError } from './errors.ts'

/**
 * The header carrying the justification of a restricted read, percent-encoded UTF-8 (`encodeURIComponent`):
 * HTTP header values are Latin-1, justifications are Dutch or French text. A header, not a query parameter,
 * so it does not end up in URLs, browser history or proxy logs.
 */
export const JUSTIFICATION_HEADER = 'x-justification'
export const JUSTIFICATION_MIN_LENGTH = 10
export const JUSTIFICATION_MAX_LENGTH = 500

/** A justification that passed `justificationOf`: the only kind `audit.restrictedRead` accepts. */
export type Justification = string & { readonly __justification: unique symbol }

/** For the schema of a route that serves restricted data (documents the header in the OpenAPI document). */
export const JustificationHeaders = Type.Object({
  [JUSTIFICATION_HEADER]: Type.Optional(
    Type.String({
      description: `Why the caller reads this restricted data: ${JUSTIFICATION_MIN_LENGTH}–${JUSTIFICATION_MAX_LENGTH} characters, percent-encoded UTF-8. Kept in the audit log with the read.`,
    }),
  ),
})

// Control characters (tabs and line breaks excepted) would make the audit entry unreadable.
// eslint-disable-next-line no-control-regex -- the point is to find control characters
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/

/** Checks a justification as typed (already decoded): trimmed, normalised, long enough, printable. */
export function parseJustification(raw: string | undefined): Justification {
  const text = (raw ?? '').normalize('NFC').trim()
  const length = [...text].length
  if (length < JUSTIFICATION_MIN_LENGTH || length > JUSTIFICATION_MAX_LENGTH || CONTROL.test(text))
    throw new AppError('JUSTIFICATION_REQUIRED', {
      minLength: JUSTIFICATION_MIN_LENGTH,
      maxLength: JUSTIFICATION_MAX_LENGTH,
    })
  return text as Justification
}

/** The request's justification (header `x-justification`), or 422 JUSTIFICATION_REQUIRED. */
export function justificationOf(req: { headers: Record<string, string | string[] | undefined> }): Justification {
  const header = req.headers[JUSTIFICATION_HEADER]
  if (typeof header !== 'string') return parseJustification(undefined)
  let decoded: string
  try {
    decoded = decodeURIComponent(header)
  } catch {
    // Not percent-encoded UTF-8: the client did not encode it as documented.
    decoded = ''
  }
  return parseJustification(decoded)
}
