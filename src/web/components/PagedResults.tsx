import { Button, Group, Pagination, Paper, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import { useI18n } from '../i18n/I18nProvider.tsx'
import { EmptyState } from './QueryState.tsx'

interface Props {
  total: number
  shown: number
  page: number
  pageSize: number
  /** e.g. "335 personen" */
  countLabel: string
  /** e.g. "1–25 van 335", from the first and last row shown */
  rangeLabel: (from: number, to: number) => string
  paginationLabel: string
  /** Shown next to the count (e.g. "clear filters"). */
  actions?: ReactNode
  /** Dimmed while the next page loads in the background. */
  stale: boolean
  busy: boolean
  onPage: (page: number) => void
  children: ReactNode
}

/**
 * A table of results with its count, the range shown and accessible pagination. A page past the end (an old
 * link, `?page=999`) says so and offers the first page; the page's own "nothing matches" is for page 1 only.
 */
export function PagedResults({
  total,
  shown,
  page,
  pageSize,
  countLabel,
  rangeLabel,
  paginationLabel,
  actions,
  stale,
  busy,
  onPage,
  children,
}: Props) {
  const { t } = useI18n()
  const pages = Math.max(1, Math.ceil(total / pageSize))
  const from = (page - 1) * pageSize + 1
  if (shown === 0 && page > 1)
    return (
      <Paper withBorder aria-busy={busy}>
        <EmptyState
          title={t('pagination.outOfRange.title', { page })}
          description={t('pagination.outOfRange.body', { n: pages })}
          action={
            <>
              <Button onClick={() => onPage(1)}>{t('pagination.outOfRange.first')}</Button>
              {pages > 1 && (
                <Button variant="default" onClick={() => onPage(pages)}>
                  {t('pagination.outOfRange.last', { n: pages })}
                </Button>
              )}
            </>
          }
        />
      </Paper>
    )
  return (
    <Paper withBorder style={{ opacity: stale ? 0.6 : 1 }} aria-busy={busy}>
      <Group justify="space-between" px="md" py="sm" wrap="wrap">
        <Group gap="sm">
          <Text fz="sm" fw={600} role="status">
            {countLabel}
          </Text>
          {actions}
        </Group>
        <Text fz="sm" c="dimmed">
          {rangeLabel(from, from + shown - 1)}
        </Text>
      </Group>
      {children}
      {pages > 1 && (
        <Group justify="center" p="md" component="nav" aria-label={paginationLabel}>
          <Pagination
            total={pages}
            value={Math.min(page, pages)}
            onChange={onPage}
            withEdges
            getControlProps={(control) => ({ 'aria-label': t(`pagination.${control}`) })}
            getItemProps={(n) => ({ 'aria-label': t('pagination.page', { n }) })}
          />
        </Group>
      )}
    </Paper>
  )
}
