// The signed-in user is the `me` query: null when there is no session. Signing in and out, noticing that a
// session ended elsewhere, and keeping the account's language in step with the language on screen, live here.
import { createContext, useContext, useEffect, useRef } from 'react'
import { useMutation, useQuery, useQueryClient, type QueryFunctionContext } from '@tanstack/react-query'
import { api, ApiError, data, hasCsrfToken, setCsrfToken } from '../api/client.ts'
import { ME_KEY, SESSION_ENDED_KEY, sessionLost, startSession } from '../api/queryClient.ts'
import type { Locale, Me } from '../api/types.ts'
import { useI18n } from '../i18n/I18nProvider.tsx'

async function fetchMe({ client }: QueryFunctionContext): Promise<Me | null> {
  try {
    const me = await data(api.GET('/api/me'))
    setCsrfToken(me.csrfToken)
    return me
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      // A user we had is gone (expired while idle, signed out in another tab): say so on the login page.
      sessionLost(client)
      return null
    }
    throw error
  }
}

export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: fetchMe,
    staleTime: 5 * 60_000,
    retry: 1,
    // After a failure, a component that mounts later (the error view's own header) must not ask again by
    // itself: that would swap the error view for a spinner and back, forever. Retrying is the person's call.
    retryOnMount: false,
  })
}

/** True once this browser's session ended without the person signing out here; cleared by signing in. */
export function useSessionEnded(): boolean {
  const { data: ended } = useQuery({
    queryKey: SESSION_ENDED_KEY,
    queryFn: () => false,
    initialData: false,
    staleTime: Infinity,
  })
  return ended
}

/**
 * The user <RequireAuth> let in. A context rather than the `me` query itself: when the session ends, a page
 * can re-render (its own query failed with 401) before <RequireAuth> has turned it into a redirect, and it
 * must then still see the user it was rendered for instead of crashing the app.
 */
export const SignedInUserContext = createContext<Me | null>(null)

/** The user, for components below <RequireAuth>, which renders them only once there is one. */
export function useSignedInUser(): Me {
  const me = useContext(SignedInUserContext)
  if (!me) throw new Error('useSignedInUser outside <RequireAuth>')
  return me
}

export function useUpdateLocale() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (locale: Locale) => data(api.PATCH('/api/me', { body: { locale } })),
    onSuccess: (me) => queryClient.setQueryData(ME_KEY, me),
  })
}

export function useLogin() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (credentials: { email: string; password: string }) =>
      data(api.POST('/api/auth/login', { body: credentials })),
    onSuccess: ({ user, csrfToken }) => {
      setCsrfToken(csrfToken)
      startSession(queryClient, user)
    },
  })
}

/**
 * Once per signed-in user: a language picked since the page loaded (e.g. on the login page) is a fresh
 * choice and is stored on the account; otherwise the account's language (maybe set on another device) wins.
 */
export function useAccountLocaleSync(): void {
  const { data: me } = useMe()
  const { locale, setLocale, chosenByUser } = useI18n()
  const { mutate: updateLocale } = useUpdateLocale()
  const syncedFor = useRef<string | null>(null)
  useEffect(() => {
    if (!me || syncedFor.current === me.id) return
    syncedFor.current = me.id
    if (me.locale === locale) return
    if (chosenByUser()) updateLocale(locale)
    else setLocale(me.locale)
  }, [me, locale, setLocale, chosenByUser, updateLocale])
}

export function useLogout() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async () => {
      // Signing out needs the CSRF token, which comes with /api/me. When that read failed earlier (the server
      // was unreachable, say), ask again first: otherwise the server would refuse the sign-out and the session
      // would live on behind a browser that believes it signed out.
      if (!hasCsrfToken()) {
        const me = await api.GET('/api/me').catch(() => null)
        if (me?.data) setCsrfToken(me.data.csrfToken)
      }
      await api.POST('/api/auth/logout')
    },
    onSettled: () => {
      // Whatever the server said, this browser forgets the session and everything it loaded with it.
      setCsrfToken(null)
      startSession(queryClient, null)
    },
  })
}
