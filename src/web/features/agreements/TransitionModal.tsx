import { Alert, Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core'
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

const later = (a: string, b: string | null) => (b && b > a ? b : a)

/**
 * Bringing into force: on the approved start, or (when the content left it open) a chosen day no earlier
 * than the last approval. Ending: a reason and a last day; a day in the past needs the council decision.
 */
export function TransitionModal({ agreement, to, onClose, onDone }: Props) {
  useReturnFocus()
  const { t, f } = useI18n()
  const transition = useTransition(agreement.id)
  const today = todayInBrussels()
  const agreedStart = to === 'in_force' ? agreement.effectiveFrom : null
  const [date, setDate] = useState<string | null>(
    to === 'in_force' ? (agreedStart ?? later(today, agreement.lastApprovalOn)) : today,
  )
  const [reason, setReason] = useState('')
  const [reference, setReference] = useState('')
  const [touched, setTouched] = useState(false)
  const title = to === 'in_force' ? t('agreement.bringIntoForce.title') : t('agreement.end.title')
  const past = to === 'ended' && date !== null && date < today
  const required = t('approval.required')
  const invalid = !date || (to === 'ended' && (!reason.trim() || (past && !reference.trim())))

  const confirm = () => {
    setTouched(true)
    if (invalid || !date) return
    const body =
      to === 'in_force'
        ? agreedStart
          ? { to }
          : { to, effectiveFrom: date }
        : {
            to,
            effectiveTo: date,
            reason: reason.trim(),
            ...(past ? { councilDecisionRef: reference.trim() } : {}),
          }
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
        {agreedStart ? (
          <Text fz="sm" fw={600}>
            {t('agreement.bringIntoForce.agreedStart', { date: f.date(agreedStart) })}
          </Text>
        ) : (
          <BelgianDateInput
            label={to === 'in_force' ? t('agreement.effectiveFromField') : t('agreement.effectiveToField')}
            description={
              to === 'in_force' && agreement.lastApprovalOn
                ? t('agreement.bringIntoForce.notBefore', { date: f.date(agreement.lastApprovalOn) })
                : undefined
            }
            value={date}
            onChange={setDate}
            minDate={to === 'ended' ? (agreement.effectiveFrom ?? undefined) : (agreement.lastApprovalOn ?? undefined)}
            required
            error={touched && !date ? required : undefined}
          />
        )}
        {to === 'ended' && (
          <Textarea
            label={t('agreement.end.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={2000}
            required
            error={touched && !reason.trim() ? required : undefined}
          />
        )}
        {past && (
          <TextInput
            label={t('agreement.end.councilDecisionRef')}
            description={t('agreement.end.pastDate')}
            value={reference}
            onChange={(e) => setReference(e.currentTarget.value)}
            maxLength={300}
            required
            error={touched && !reference.trim() ? required : undefined}
          />
        )}
        {transition.isError && (
          <Alert color="red" variant="light" title={t('agreement.action.failed')} role="alert">
            {errorMessage(transition.error, t)}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color={to === 'ended' ? 'red.9' : undefined} onClick={confirm} loading={transition.isPending}>
            {to === 'in_force' ? t('agreement.action.bringIntoForce') : t('agreement.action.end')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
