import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query'
import { ApiError, setCsrfToken } from './client.ts'
import type { Me } from './types.ts'

export const ME_KEY = ['me'] as const
/** `true` after the server stopped knowing a session this browser had (see sessionLost). */
export const SESSION_ENDED_KEY = ['session-ended'] as const

/**
 * The session is gone (expired, signed out elsewhere): any call can tell us, not only /api/me. A wrong
 * password typed into a form (sign-in, a password change) is a 401 too, but the session is fine.
 */
export const isSessionLost = (error: unknown): boolean =>
  error instanceof ApiError && error.status === 401 && error.code !== 'INVALID_CREDENTIALS'

/**
 * Forgets the user: every guarded page then goes to /login (RequireAuth reacts to the `me` query) and comes
 * back afterwards. Only a session we had can "end": a visitor who never signed in is simply not signed in,
 * and a late 401 after signing out here says nothing new.
 */
export function sessionLost(client: QueryClient): void {
  setCsrfToken(null)
  if (!client.getQueryData(ME_KEY)) return
  client.setQueryData(SESSION_ENDED_KEY, true)
  client.setQueryData(ME_KEY, null)
}

/**
 * Signed in or out here: nothing loaded for the previous session (maybe another person's) survives, nor the
 * "session ended" note. The `me` and note queries stay and get new data instead of being removed: mounted
 * components watch them, and an observer of a removed query would never hear of the new user.
 */
export function startSession(client: QueryClient, me: Me | null): void {
  client.removeQueries({
    predicate: (query) => query.queryKey[0] !== ME_KEY[0] && query.queryKey[0] !== SESSION_ENDED_KEY[0],
  })
  client.setQueryData(SESSION_ENDED_KEY, false)
  client.setQueryData(ME_KEY, me)
}

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        if (isSessionLost(error)) sessionLost(client)
      },
    }),
    mutationCache: new MutationCache({
      onError: (error) => {
        if (isSessionLost(error)) sessionLost(client)
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // A 4xx will not get better by asking again; a dropped connection might.
        retry: (failureCount, error) =>
          failureCount < 2 && (!(error instanceof ApiError) || error.status === 0 || error.status >= 500),
      },
    },
  })
  return client
}
