import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query'
import { ApiError } from './client.ts'

export const ME_KEY = ['me'] as const

/** The session is gone (expired, signed out elsewhere): any call can tell us, not only /api/me. */
export const isSessionLost = (error: unknown): boolean => error instanceof ApiError && error.code === 'UNAUTHENTICATED'

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        // Forgetting the user sends every guarded page to /login (RequireAuth reacts to the `me` query).
        if (isSessionLost(error)) client.setQueryData(ME_KEY, null)
      },
    }),
    mutationCache: new MutationCache({
      onError: (error) => {
        if (isSessionLost(error)) client.setQueryData(ME_KEY, null)
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
