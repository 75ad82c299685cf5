import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core'
import { IconCheck } from '../../components/icons.tsx'
import { useT } from '../../i18n/I18nProvider.tsx'

export interface IssuedPassword {
  name: string
  email: string
  password: string
}

/** The one moment the one-time password is visible: the server does not keep it and will not say it again. */
export function OneTimePasswordModal({ issued, onClose }: { issued: IssuedPassword | null; onClose: () => void }) {
  const t = useT()
  return (
    <Modal
      opened={issued !== null}
      onClose={onClose}
      title={t('accounts.otp.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      closeOnClickOutside={false}
    >
      {issued && (
        <Stack gap="md">
          <Text fz="sm">{t('accounts.otp.body', { name: issued.name, email: issued.email })}</Text>
          <Alert variant="light" color="gold">
            <Group justify="space-between" wrap="wrap" gap="sm">
              <Code fz="lg" fw={700} data-testid="one-time-password" style={{ letterSpacing: '0.05em' }}>
                {issued.password}
              </Code>
              <CopyButton value={issued.password}>
                {({ copied, copy }) => (
                  <Button
                    size="xs"
                    variant={copied ? 'filled' : 'default'}
                    color={copied ? 'green' : undefined}
                    leftSection={copied ? <IconCheck size={14} /> : undefined}
                    onClick={copy}
                  >
                    {copied ? t('accounts.otp.copied') : t('accounts.otp.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
          </Alert>
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('accounts.otp.done')}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  )
}
