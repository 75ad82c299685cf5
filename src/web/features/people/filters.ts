// The people filters live in the URL (shareable, survive reload and the back button); these read them back
// safely, ignoring anything that is not a known value.
import {
  QUALIFICATION_CODES,
  RANKS,
  STAFF_KINDS,
  type PeopleQuery,
  type QualificationCode,
  type Rank,
  type StaffKind,
} from '../../api/types.ts'

export { QUALIFICATION_CODES as QUALIFICATIONS, RANKS, STAFF_KINDS, type Rank, type StaffKind }
export const PAGE_SIZE = 25

export interface PeopleFilters {
  zoneId: string | null
  q: string
  rank: Rank | null
  qualification: QualificationCode | null
  staffKind: StaffKind | null
  page: number
}

const oneOf = <T extends string>(values: readonly T[], v: string | null): T | null =>
  values.find((x) => x === v) ?? null

// Zone ids are UUIDs: anything else in the link (`?zone=garbage`) is no zone, not a request the API refuses.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const uuidOrNull = (v: string | null): string | null => (v !== null && UUID.test(v) ? v : null)

export function readFilters(params: URLSearchParams): PeopleFilters {
  const page = Number(params.get('page'))
  return {
    zoneId: uuidOrNull(params.get('zone')),
    q: params.get('q') ?? '',
    rank: oneOf(RANKS, params.get('rank')),
    qualification: oneOf(QUALIFICATION_CODES, params.get('qualification')),
    staffKind: oneOf(STAFF_KINDS, params.get('staffKind')),
    page: Number.isInteger(page) && page > 0 ? page : 1,
  }
}

export function writeFilters(f: PeopleFilters): Record<string, string> {
  const out: Record<string, string> = {}
  if (f.zoneId) out.zone = f.zoneId
  if (f.q.trim()) out.q = f.q.trim()
  if (f.rank) out.rank = f.rank
  if (f.qualification) out.qualification = f.qualification
  if (f.staffKind) out.staffKind = f.staffKind
  if (f.page > 1) out.page = String(f.page)
  return out
}

export function toQuery(f: PeopleFilters): PeopleQuery {
  return {
    ...(f.zoneId ? { zoneId: f.zoneId } : {}),
    ...(f.q.trim() ? { q: f.q.trim() } : {}),
    ...(f.rank ? { rank: f.rank } : {}),
    ...(f.qualification ? { qualification: f.qualification } : {}),
    ...(f.staffKind ? { staffKind: f.staffKind } : {}),
    limit: PAGE_SIZE,
    offset: (f.page - 1) * PAGE_SIZE,
  }
}
