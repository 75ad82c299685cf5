// A page's reads take their input from the address: `/agreements/abc` or `?zone=garbage` fail the API's
// validation, but to the person there is no form and nothing highlighted. A malformed id in the path means
// "no such thing" (not found); a bad value in the query string is a filter the link got wrong.
import { ApiError } from '../api/client.ts'

export type UrlProblem = 'notFound' | 'badFilter'

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null

export function urlProblem(error: unknown): UrlProblem | null {
  if (!(error instanceof ApiError) || error.status !== 400) return null
  const issues = error.details?.issues
  if (!Array.isArray(issues) || issues.length === 0) return null
  const paths = issues.map((issue) => (isRecord(issue) && typeof issue.path === 'string' ? issue.path : ''))
  if (paths.some((path) => path.startsWith('params'))) return 'notFound'
  if (paths.every((path) => path.startsWith('querystring'))) return 'badFilter'
  return null
}
