// The lifecycle actions the server lists for the reader (`actions`), as buttons: those that end something
// (cancel, decline) ask for confirmation, and questions and answers take a note. `offer` is the offer form's.
import { Alert, Button, Group, Modal, Stack, Textarea } from '@mantine/core'
import { useState } from 'react'
import { useNotify } from '../../components/useNotify.ts'
import { errorMessage } from '../../i18n/errorMessage.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { useTransition, type RequestAction, type RequestDetail } from './api.ts'
import { useAssistanceText } from './text.ts'

const DESTRUCTIVE: ReadonlySet<RequestAction> = new Set(['cancel', 'decline'])
const NOTE_REQUIRED: ReadonlySet<RequestAction> = new Set(['ask_info', 'answer_info'])
const PARTNER_ACTIONS: ReadonlySet<RequestAction> = new Set(['ask_info', 'decline'])
/** Offered through its own form. */
const ELSEWHERE: ReadonlySet<RequestAction> = new Set(['offer'])

export function ActionBar({ request }: { request: RequestDetail }) {
  const { t } = useI18n()
  const text = useAssistanceText()
  const notify = useNotify()
  const transition = useTransition(request.id)
  const [asking, setAsking] = useState<RequestAction | null>(null)
  const [note, setNote] = useState('')
  const actions = request.actions.filter((a) => !ELSEWHERE.has(a))
  if (actions.length === 0) return null

  const run = (action: RequestAction, withNote?: string) => {
    const zoneId = PARTNER_ACTIONS.has(action) ? request.respondingZoneIds[0] : undefined
    transition.mutate(
      { action, ...(withNote ? { note: withNote } : {}), ...(zoneId ? { zoneId } : {}) },
      {
        onSuccess: () => {
          notify.success(t('assistance.done', { action: text.action(action) }))
          setAsking(null)
          setNote('')
        },
      },
    )
  }
  const start = (action: RequestAction) => {
    if (DESTRUCTIVE.has(action) || NOTE_REQUIRED.has(action)) {
      transition.reset()
      setAsking(action)
    } else run(action)
  }

  return (
    <>
      <Group gap="sm" wrap="wrap">
        {actions.map((action) => (
          <Button
            key={action}
            variant={DESTRUCTIVE.has(action) ? 'outline' : 'filled'}
            color={DESTRUCTIVE.has(action) ? 'red.8' : undefined}
            loading={transition.isPending && transition.variables?.action === action}
            disabled={transition.isPending}
            onClick={() => start(action)}
          >
            {text.action(action)}
          </Button>
        ))}
      </Group>
      {transition.isError && asking === null && (
        <Alert color="red" variant="light" role="alert" mt="sm">
          {errorMessage(transition.error, t)}
        </Alert>
      )}
      <Modal
        opened={asking !== null}
        onClose={() => setAsking(null)}
        title={asking ? text.action(asking) : ''}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {asking && (
          <form
            onSubmit={(e) => {
              e.preventDefault()
              if (NOTE_REQUIRED.has(asking) && !note.trim()) return
              run(asking, note.trim() || undefined)
            }}
          >
            <Stack gap="sm">
              {DESTRUCTIVE.has(asking) && (
                <Alert color="orange" variant="light">
                  {t(`assistance.confirm.${asking === 'cancel' ? 'cancel' : 'decline'}`)}
                </Alert>
              )}
              <Textarea
                label={t(NOTE_REQUIRED.has(asking) ? 'assistance.note' : 'assistance.noteOptional')}
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
                maxLength={2000}
                autosize
                minRows={3}
                required={NOTE_REQUIRED.has(asking)}
                data-autofocus
              />
              {transition.isError && (
                <Alert color="red" variant="light" role="alert">
                  {errorMessage(transition.error, t)}
                </Alert>
              )}
              <Group justify="flex-end" gap="sm">
                <Button variant="default" onClick={() => setAsking(null)}>
                  {t('common.cancel')}
                </Button>
                <Button
                  type="submit"
                  color={DESTRUCTIVE.has(asking) ? 'red.8' : undefined}
                  loading={transition.isPending}
                >
                  {text.action(asking)}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Modal>
    </>
  )
}
