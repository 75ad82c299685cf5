// What an assistance request asks for (issue 9): typed lines from a capability catalogue with counts, a time
// window and, for the urgent fast path, sensible defaults. Pure validation: each problem carries the catalogue
// code the API answers with (422), and the field it belongs to, so the form can show it beside that field.

import { ASSISTANCE_CAPABILITIES, ASSISTANCE_CATEGORIES } from '../../../platform/enums.ts'

export const CAPABILITIES = ASSISTANCE_CAPABILITIES
export type CapabilityCode = (typeof CAPABILITIES)[number]['code']
export const CAPABILITY_CODES: readonly CapabilityCode[] = CAPABILITIES.map((c) => c.code)

export const REQUEST_CATEGORIES = ASSISTANCE_CATEGORIES
export type RequestCategory = (typeof REQUEST_CATEGORIES)[number]

/** The most of one capability a line may ask (a public-order event may need many; more is a typing error). */
export const MAX_COUNT = 500
/** The longest window a request may span. */
export const MAX_WINDOW_DAYS = 31
/** An urgent request without an end asks help for this long. */
export const URGENT_DEFAULT_HOURS = 4

export interface RequestLineInput {
  capability: string
  count: number
}

export interface RequestInput {
  urgency: 'urgent' | 'planned'
  category: string
  /** Epoch milliseconds; an urgent request without a start starts now, without an end lasts URGENT_DEFAULT_HOURS. */
  start: number | null
  end: number | null
  lines: readonly RequestLineInput[]
}

export type RequestProblemCode =
  | 'ASSISTANCE_CATEGORY_UNKNOWN'
  | 'ASSISTANCE_WINDOW_INVALID'
  | 'ASSISTANCE_LINES_EMPTY'
  | 'ASSISTANCE_CAPABILITY_UNKNOWN'
  | 'ASSISTANCE_COUNT_INVALID'
  | 'ASSISTANCE_LINE_DUPLICATE'

export interface RequestProblem {
  code: RequestProblemCode
  /** The field it belongs to: `category`, `window`, `lines`, or `lines.<index>`. */
  field: string
}

export interface ValidRequest {
  urgency: 'urgent' | 'planned'
  category: RequestCategory
  start: number
  end: number
  lines: { capability: CapabilityCode; count: number }[]
}

const HOUR = 3_600_000

/** The request as it will be stored, or every problem with it (not only the first). */
export function validateRequest(
  input: RequestInput,
  now: number,
): { ok: true; request: ValidRequest } | { ok: false; problems: RequestProblem[] } {
  const problems: RequestProblem[] = []
  if (!(REQUEST_CATEGORIES as readonly string[]).includes(input.category))
    problems.push({ code: 'ASSISTANCE_CATEGORY_UNKNOWN', field: 'category' })

  const start = input.start ?? (input.urgency === 'urgent' ? now : null)
  const end = input.end ?? (input.urgency === 'urgent' && start !== null ? start + URGENT_DEFAULT_HOURS * HOUR : null)
  if (start === null || end === null || end <= start || end - start > MAX_WINDOW_DAYS * 24 * HOUR)
    problems.push({ code: 'ASSISTANCE_WINDOW_INVALID', field: 'window' })
  // A planned request asks for the future; an urgent one may have started a moment ago.
  else if (input.urgency === 'planned' && end <= now)
    problems.push({ code: 'ASSISTANCE_WINDOW_INVALID', field: 'window' })

  if (input.lines.length === 0) problems.push({ code: 'ASSISTANCE_LINES_EMPTY', field: 'lines' })
  const seen = new Set<string>()
  input.lines.forEach((line, i) => {
    if (!(CAPABILITY_CODES as readonly string[]).includes(line.capability))
      problems.push({ code: 'ASSISTANCE_CAPABILITY_UNKNOWN', field: `lines.${i}` })
    else if (seen.has(line.capability)) problems.push({ code: 'ASSISTANCE_LINE_DUPLICATE', field: `lines.${i}` })
    seen.add(line.capability)
    if (!Number.isInteger(line.count) || line.count < 1 || line.count > MAX_COUNT)
      problems.push({ code: 'ASSISTANCE_COUNT_INVALID', field: `lines.${i}` })
  })

  if (problems.length > 0) return { ok: false, problems }
  return {
    ok: true,
    request: {
      urgency: input.urgency,
      category: input.category as RequestCategory,
      start: start!,
      end: end!,
      lines: input.lines.map((l) => ({ capability: l.capability as CapabilityCode, count: l.count })),
    },
  }
}
