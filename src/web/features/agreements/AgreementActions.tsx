import { Alert, Button, Stack } from '@mantine/core'
import { useState } from 'react'
import type { Agreement } from '../../api/types.ts'
import { useNotify } from '../../components/useNotify.ts'
import { errorMessage } from '../../i18n/errorMessage.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { useTransition } from './api.ts'
import { ConsentStatus } from './ConsentStatus.tsx'
import { RecordApprovalModal } from './RecordApprovalModal.tsx'
import { TransitionModal } from './TransitionModal.tsx'

type Dialog = 'approval' | 'in_force' | 'ended' | null

/**
 * What a manager (korpschef of a party zone, admin) can do in the agreement's current state. The server
 * checks every rule again; its message is shown when it says no.
 */
export function AgreementActions({ agreement: a }: { agreement: Agreement }) {
  const { t, label } = useI18n()
  const transition = useTransition(a.id)
  const [dialog, setDialog] = useState<Dialog>(null)
  const close = () => setDialog(null)

  const notify = useNotify()
  const statusChanged = (status: Agreement['status']) =>
    t('agreement.action.done', { status: label('agreementStatus', status) })
  const move = (to: 'in_approval' | 'draft') =>
    transition.mutate({ to }, { onSuccess: (updated) => notify.success(statusChanged(updated.status)) })
  const done = (message: string) => () => {
    close()
    notify.success(message)
  }
  const canRecord = (a.status === 'draft' || a.status === 'in_approval') && a.approvalRecordableFor.length > 0
  // In force only with every party's approval of the current content: until then the step is not offered
  // as the next one, and the reason is shown beside it.
  const consented = a.consent.every((c) => c.state === 'approved')
  const consentId = `consent-${a.id}`
  // Recording is the next step only when a zone the actor records for still has to approve.
  const canRecordLacking = a.consent.some(
    (c) => c.state !== 'approved' && a.approvalRecordableFor.some((r) => r.zoneId === c.zoneId),
  )

  return (
    <Stack gap="sm">
      {a.status === 'draft' && (
        <Button onClick={() => move('in_approval')} loading={transition.isPending}>
          {t('agreement.action.submit')}
        </Button>
      )}
      {(a.status === 'draft' || a.status === 'in_approval') && <ConsentStatus agreement={a} id={consentId} />}
      {canRecord && (
        <Button
          variant={a.status === 'in_approval' && canRecordLacking ? 'filled' : 'default'}
          onClick={() => setDialog('approval')}
        >
          {t('agreement.action.recordApproval')}
        </Button>
      )}
      {a.status === 'in_approval' && (
        <Button
          variant={consented ? 'filled' : 'default'}
          disabled={!consented}
          aria-describedby={consentId}
          onClick={() => setDialog('in_force')}
        >
          {t('agreement.action.bringIntoForce')}
        </Button>
      )}
      {a.status === 'in_approval' && (
        <Button variant="subtle" onClick={() => move('draft')} loading={transition.isPending}>
          {t('agreement.action.backToDraft')}
        </Button>
      )}
      {a.status === 'in_force' && (
        <Button variant="outline" color="red.9" onClick={() => setDialog('ended')}>
          {t('agreement.action.end')}
        </Button>
      )}
      {transition.isError && (
        <Alert color="red" variant="light" title={t('agreement.action.failed')} role="alert">
          {errorMessage(transition.error, t)}
        </Alert>
      )}
      {dialog === 'approval' && (
        <RecordApprovalModal agreement={a} onClose={close} onDone={done(t('approval.recorded'))} />
      )}
      {(dialog === 'in_force' || dialog === 'ended') && (
        <TransitionModal agreement={a} to={dialog} onClose={close} onDone={done(statusChanged(dialog))} />
      )}
    </Stack>
  )
}
