// The signed-in user is the `me` query: null when there is no session. Signing in and out, and keeping the
// account's language in step with the language on screen, live here.
import { useEffect, useRef } from 'react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, ApiError, data, setCsrfToken } from '../api/client.ts'
import { ME_KEY } from '../api/queryClient.ts'
import type { Locale, Me } from '../api/types.ts'
import { useI18n } from '../i18n/I18nProvider.tsx'

async function fetchMe(): Promise<Me | null> {
  try {
    const me = await data(api.GET('/api/me'))
    setCsrfToken(me.csrfToken)
    return me
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null)
      return null
    }
    throw error
  }
}

export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 5 * 60_000, retry: 1 })
}

/** The user, for components below <RequireAuth>, which renders them only once there is one. */
export function useSignedInUser(): Me {
  const { data: me } = useMe()
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
      queryClient.setQueryData(ME_KEY, user)
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
      await api.POST('/api/auth/logout')
    },
    onSettled: () => {
      // Whatever the server said, this browser forgets the session and everything it loaded with it.
      setCsrfToken(null)
      queryClient.clear()
      queryClient.setQueryData(ME_KEY, null)
    },
  })
}
