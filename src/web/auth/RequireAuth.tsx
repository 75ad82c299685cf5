import { Center, Loader } from '@mantine/core'
import type { ReactNode } from 'react'
import { Navigate, useLocation } from 'react-router'
import { useT } from '../i18n/I18nProvider.tsx'
import { ErrorState } from '../components/QueryState.tsx'
import { useMe } from './session.ts'

/** Renders its children only with a session; without one, goes to /login and comes back afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe()
  const location = useLocation()
  const t = useT()
  if (me.isPending)
    return (
      <Center h="100vh" role="status" aria-label={t('app.loading')}>
        <Loader />
      </Center>
    )
  if (me.isError)
    return (
      <Center h="100vh" p="md">
        <ErrorState error={me.error} onRetry={() => void me.refetch()} />
      </Center>
    )
  if (!me.data) {
    const next = `${location.pathname}${location.search}`
    const to = next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`
    return <Navigate to={to} replace />
  }
  return children
}
