import { Paper } from '@mantine/core'
import { useNavigate } from 'react-router'
import { PageHeader, usePageTitle } from '../../components/PageHeader.tsx'
import { useNotify } from '../../components/useNotify.ts'
import { useT } from '../../i18n/I18nProvider.tsx'
import { ChangePasswordForm } from './ChangePasswordForm.tsx'

/** "Wachtwoord wijzigen", from the user menu. */
export function ChangePasswordPage() {
  const t = useT()
  usePageTitle(t('password.pageTitle'))
  const notify = useNotify()
  const navigate = useNavigate()
  return (
    <>
      <PageHeader title={t('password.pageTitle')} />
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} maw={520}>
        <ChangePasswordForm
          oneTime={false}
          onDone={() => {
            notify.success(t('password.changed'))
            void navigate('/')
          }}
        />
      </Paper>
    </>
  )
}
