// A zone's settings in a modal (GPI 48 thresholds, briefing shifts and retention): the loaded settings go to the
// form, which is keyed by what it edits (not by the saved data), so the refetch after a save does not remount it
// before it can say so and close.
import { Modal } from '@mantine/core'
import type { UseQueryResult } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { useI18n } from '../i18n/I18nProvider.tsx'
import { LoadingState, QueryView } from './QueryState.tsx'

export function SettingsModal<T>({
  title,
  opened,
  onClose,
  query,
  children,
}: {
  title: string
  opened: boolean
  onClose: () => void
  query: UseQueryResult<T>
  children: (settings: T) => ReactNode
}) {
  const { t } = useI18n()
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <QueryView query={query} loading={<LoadingState rows={3} />}>
        {children}
      </QueryView>
    </Modal>
  )
}
