import { Center, Loader } from '@mantine/core'
import type { ReactNode } from 'react'
import { Navigate, useLocation } from 'react-router'
import { useT } from '../i18n/I18nProvider.tsx'
import { SessionUnavailable } from '../layout/SessionUnavailable.tsx'
import { SignedInUserContext, useMe } from './session.ts'

/**
 * Renders its children only with a session; without one, goes to /login and comes back afterwards (the login
 * page says so when the session ended under the person's feet).
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe()
  const location = useLocation()
  const t = useT()
  // A user we know stays in: a failed background refresh of /api/me is no reason to take the page away.
  if (me.data) return <SignedInUserContext value={me.data}>{children}</SignedInUserContext>
  if (me.isPending)
    return (
      <Center h="100vh" role="status" aria-label={t('app.loading')}>
        <Loader />
      </Center>
    )
  if (me.isError)
    return <SessionUnavailable error={me.error} onRetry={() => void me.refetch()} retrying={me.isFetching} />
  const next = `${location.pathname}${location.search}`
  const to = next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`
  return <Navigate to={to} replace />
}
