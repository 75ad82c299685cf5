import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import type { Agreement } from '../../api/types.ts'
import { BelgianDateInput } from '../../components/BelgianDateInput.tsx'
import { useReturnFocus } from '../../components/useReturnFocus.ts'
import { errorMessage } from '../../i18n/errorMessage.ts'
import { todayInBrussels } from '../../i18n/format.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { useTransition } from './api.ts'

interface Props {
  agreement: Agreement
  to: 'in_force' | 'ended'
  onClose: () => void
  onDone: () => void
}

/** Bringing into force needs a first day, ending needs a last day: both are asked here, then confirmed. */
export function TransitionModal({ agreement, to, onClose, onDone }: Props) {
  useReturnFocus()
  const { t } = useI18n()
  const transition = useTransition(agreement.id)
  const initial =
    to === 'in_force' ? (agreement.effectiveFrom ?? agreement.signedOn ?? todayInBrussels()) : todayInBrussels()
  const [date, setDate] = useState<string | null>(initial)
  const title = to === 'in_force' ? t('agreement.bringIntoForce.title') : t('agreement.end.title')

  const confirm = () => {
    if (!date) return
    const body = to === 'in_force' ? { to, effectiveFrom: date } : { to, effectiveTo: date }
    transition.mutate(body, { onSuccess: onDone })
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title={title}
      centered
      size="md"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md">
        <Text fz="sm">{to === 'in_force' ? t('agreement.bringIntoForce.body') : t('agreement.end.body')}</Text>
        <BelgianDateInput
          label={to === 'in_force' ? t('agreement.effectiveFromField') : t('agreement.effectiveToField')}
          value={date}
          onChange={setDate}
          minDate={to === 'ended' ? (agreement.effectiveFrom ?? undefined) : undefined}
          required
        />
        {transition.isError && (
          <Alert color="red" variant="light" title={t('agreement.action.failed')} role="alert">
            {errorMessage(transition.error, t)}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color={to === 'ended' ? 'red.9' : undefined}
            onClick={confirm}
            loading={transition.isPending}
            disabled={!date}
          >
            {to === 'in_force' ? t('agreement.action.bringIntoForce') : t('agreement.action.end')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
