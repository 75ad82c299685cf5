import { Button } from '@mantine/core'
import type { ReactNode } from 'react'
import { useNavigate } from 'react-router'
import { useLogout, useSignedInUser } from '../../auth/session.ts'
import { usePageTitle } from '../../components/PageHeader.tsx'
import { useT } from '../../i18n/I18nProvider.tsx'
import { CardPage } from '../../layout/CardPage.tsx'
import { ChangePasswordForm } from './ChangePasswordForm.tsx'

function ForcedPasswordChange() {
  const t = useT()
  usePageTitle(t('password.forcedTitle'))
  const logout = useLogout()
  const navigate = useNavigate()
  return (
    <CardPage title={t('password.forcedTitle')} intro={t('password.forcedBody')}>
      {/* Success refreshes `me`; without the flag the gate then shows the page the user came for. */}
      <ChangePasswordForm oneTime onDone={() => undefined} />
      <Button
        variant="subtle"
        onClick={() => logout.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) })}
      >
        {t('header.logout')}
      </Button>
    </CardPage>
  )
}

/**
 * While the account is on a one-time password the API answers only /api/me, the password change and
 * sign-out: show the change first, wherever the user was going; afterwards the app continues there.
 */
export function PasswordChangeGate({ children }: { children: ReactNode }) {
  const me = useSignedInUser()
  return me.mustChangePassword ? <ForcedPasswordChange /> : children
}
