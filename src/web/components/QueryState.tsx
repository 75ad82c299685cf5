// The three states every page has besides "here is the data": loading (skeletons shaped like the content),
// failed (the message and a retry), and empty (said plainly, never a blank area).
import { Alert, Button, EmptyState as MantineEmptyState, Group, Skeleton, Stack, VisuallyHidden } from '@mantine/core'
import type { UseQueryResult } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { Link, useLocation } from 'react-router'
import { ApiError } from '../api/client.ts'
import { errorMessage } from '../i18n/errorMessage.ts'
import { useT } from '../i18n/I18nProvider.tsx'
import { IconInbox } from './icons.tsx'
import { urlProblem } from './urlErrors.ts'

export function LoadingState({ rows = 4, height = 44 }: { rows?: number; height?: number }) {
  const t = useT()
  return (
    <Stack gap="sm" role="status" aria-busy="true">
      <VisuallyHidden>{t('app.loading')}</VisuallyHidden>
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} height={height} radius="md" />
      ))}
    </Stack>
  )
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT()
  const { pathname } = useLocation()
  const problem = urlProblem(error)
  const notFound = (error instanceof ApiError && error.status === 404) || problem === 'notFound'
  if (problem === 'badFilter')
    return (
      <Alert color="gold" variant="light" title={t('urlError.badFilter.title')} w="100%">
        <Stack gap="sm" align="flex-start">
          <span>{t('urlError.badFilter.body')}</span>
          <Button variant="default" size="xs" component={Link} to={pathname} replace>
            {t('urlError.badFilter.clear')}
          </Button>
        </Stack>
      </Alert>
    )
  return (
    <Alert color="red" variant="light" title={notFound ? t('common.notFoundTitle') : t('common.errorTitle')} w="100%">
      <Stack gap="sm" align="flex-start">
        <span>{notFound ? t('error.NOT_FOUND') : errorMessage(error, t)}</span>
        {onRetry && !notFound && (
          <Button variant="default" size="xs" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  )
}

export function EmptyState({
  title,
  description,
  action,
}: {
  title?: string
  description: string
  action?: ReactNode
}) {
  const t = useT()
  return (
    <MantineEmptyState
      icon={<IconInbox />}
      withIndicatorBackground
      title={title ?? t('common.emptyTitle')}
      description={description}
      py="xl"
    >
      {action && <Group justify="center">{action}</Group>}
    </MantineEmptyState>
  )
}

interface QueryViewProps<T> {
  query: UseQueryResult<T>
  loading?: ReactNode
  isEmpty?: (data: T) => boolean
  empty?: ReactNode
  children: (data: T) => ReactNode
}

/** Loading → error → empty → content, the same way on every page. */
export function QueryView<T>({ query, loading, isEmpty, empty, children }: QueryViewProps<T>) {
  if (query.isPending) return loading ?? <LoadingState />
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />
  if (isEmpty?.(query.data)) return empty ?? <EmptyState description="" />
  return children(query.data)
}
