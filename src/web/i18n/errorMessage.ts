import { ApiError, NETWORK_ERROR } from '../api/client.ts'
import { nl } from './nl.ts'
import { hasKey, type Translate } from './translate.ts'

/**
 * What to tell the person about a failure: the server's own message (it is already in their language),
 * else our label for the code, else a generic line with the code so support can find it.
 */
export function errorMessage(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    // Our own words first where the UI knows more than the server: "not found" also covers "not yours" (the
    // API answers 404 for both on purpose), and an expired session or a lost connection needs the way out.
    if (error.code === NETWORK_ERROR) return t('error.NETWORK_ERROR')
    if (error.code === 'NOT_FOUND') return t('error.NOT_FOUND')
    if (error.code === 'UNAUTHENTICATED') return t('error.UNAUTHENTICATED')
    if (error.message) return error.message
    const key = `error.${error.code}`
    return hasKey(nl, key) ? t(key) : t('error.unknown', { code: error.code })
  }
  return t('error.unknown', { code: error instanceof Error ? error.name : 'UNKNOWN' })
}

/** Seconds to wait after too many sign-in attempts, from the error details or the Retry-After header. */
export function retryAfterSeconds(error: unknown): number | null {
  if (!(error instanceof ApiError)) return null
  const value = error.details?.retryAfterSeconds
  return typeof value === 'number' && value > 0 ? value : null
}

export function formatWait(seconds: number, t: Translate): string {
  if (seconds < 90) return t('duration.seconds', { n: Math.ceil(seconds) })
  return t('duration.minutes', { n: Math.ceil(seconds / 60) })
}
