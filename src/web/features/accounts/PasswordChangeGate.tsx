import { Box, Button, Container, Group, Paper, Stack, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { useNavigate } from 'react-router'
import { useLogout, useSignedInUser } from '../../auth/session.ts'
import { usePageTitle } from '../../components/PageHeader.tsx'
import { useT } from '../../i18n/I18nProvider.tsx'
import { LanguageSwitch } from '../../layout/LanguageSwitch.tsx'
import { Logo } from '../../layout/Logo.tsx'
import { ChangePasswordForm } from './ChangePasswordForm.tsx'

function ForcedPasswordChange() {
  const t = useT()
  usePageTitle(t('password.forcedTitle'))
  const logout = useLogout()
  const navigate = useNavigate()
  return (
    <Box mih="100vh" bg="gray.0">
      <Box
        component="header"
        px="md"
        py="sm"
        bg="white"
        style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
      >
        <Group justify="space-between">
          <Logo tagline={t('app.tagline')} />
          <LanguageSwitch />
        </Group>
      </Box>
      <Container component="main" id="main" size={480} py={48}>
        <Paper withBorder shadow="sm" p={{ base: 'lg', sm: 'xl' }}>
          <Stack gap="lg">
            <div>
              <Title order={1} fz={26}>
                {t('password.forcedTitle')}
              </Title>
              <Text c="dimmed" mt={6}>
                {t('password.forcedBody')}
              </Text>
            </div>
            {/* Success refreshes `me`; without the flag the gate then shows the page the user came for. */}
            <ChangePasswordForm oneTime onDone={() => undefined} />
            <Button
              variant="subtle"
              onClick={() => logout.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) })}
            >
              {t('header.logout')}
            </Button>
          </Stack>
        </Paper>
      </Container>
    </Box>
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
