import { Alert, Button, Stack, Text } from '@mantine/core'
import { usePageTitle } from '../components/PageHeader.tsx'
import { errorMessage } from '../i18n/errorMessage.ts'
import { useT } from '../i18n/I18nProvider.tsx'
import { AppFrame } from './AppLayout.tsx'
import { SignOutButton } from './UserMenu.tsx'

/**
 * /api/me failed for another reason than "no session" (throttled, server error, offline): we do not know who
 * is signed in, so no navigation, but the frame, what happened, a retry and the way out.
 */
export function SessionUnavailable({
  error,
  onRetry,
  retrying,
}: {
  error: unknown
  onRetry: () => void
  retrying: boolean
}) {
  const t = useT()
  usePageTitle(t('session.unavailable.title'))
  return (
    <AppFrame account={<SignOutButton />}>
      <Alert color="red" variant="light" role="alert" title={t('session.unavailable.title')} maw={720}>
        <Stack gap="sm" align="flex-start">
          <Text fz="sm">{t('session.unavailable.body')}</Text>
          <Text fz="sm">{errorMessage(error, t)}</Text>
          <Button size="xs" variant="default" onClick={onRetry} loading={retrying}>
            {t('common.retry')}
          </Button>
        </Stack>
      </Alert>
    </AppFrame>
  )
}
