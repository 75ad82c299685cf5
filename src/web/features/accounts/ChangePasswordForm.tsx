import { Alert, Button, PasswordInput, Stack, Text } from '@mantine/core'
import { useState, type FormEvent } from 'react'
import { errorMessage } from '../../i18n/errorMessage.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { useChangePassword } from './api.ts'

const MIN_LENGTH = 12

/** Current password, new one twice. The server has the last word on the rules; the form catches the obvious. */
export function ChangePasswordForm({ oneTime, onDone }: { oneTime: boolean; onDone: () => void }) {
  const { t } = useI18n()
  const change = useChangePassword()
  const [current, setCurrent] = useState('')
  const [next, setNext] = useState('')
  const [repeat, setRepeat] = useState('')
  const [touched, setTouched] = useState(false)

  const currentError = touched && !current ? t('accounts.form.required') : undefined
  const nextError = touched && [...next].length < MIN_LENGTH ? t('password.tooShort') : undefined
  const repeatError = touched && repeat !== next ? t('password.mismatch') : undefined

  const submit = (event: FormEvent) => {
    event.preventDefault()
    setTouched(true)
    if (!current || [...next].length < MIN_LENGTH || repeat !== next) return
    change.mutate({ currentPassword: current, newPassword: next }, { onSuccess: onDone })
  }

  const toggle = { 'aria-label': t('login.togglePassword') }
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {change.isError && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(change.error, t)}
          </Alert>
        )}
        <PasswordInput
          label={oneTime ? t('password.currentOneTime') : t('password.current')}
          name="current-password"
          autoComplete="current-password"
          required
          withAsterisk={false}
          visibilityToggleButtonProps={toggle}
          value={current}
          onChange={(e) => setCurrent(e.currentTarget.value)}
          error={currentError}
        />
        <PasswordInput
          label={t('password.new')}
          name="new-password"
          autoComplete="new-password"
          required
          withAsterisk={false}
          visibilityToggleButtonProps={toggle}
          description={t('password.rules')}
          value={next}
          onChange={(e) => setNext(e.currentTarget.value)}
          error={nextError}
        />
        <PasswordInput
          label={t('password.repeat')}
          name="repeat-password"
          autoComplete="new-password"
          required
          withAsterisk={false}
          visibilityToggleButtonProps={toggle}
          value={repeat}
          onChange={(e) => setRepeat(e.currentTarget.value)}
          error={repeatError}
        />
        <Button type="submit" loading={change.isPending}>
          {t('password.submit')}
        </Button>
        {change.isSuccess && (
          <Text role="status" c="green.8" fz="sm">
            {t('password.changed')}
          </Text>
        )}
      </Stack>
    </form>
  )
}
