import { Box, Container, Group, Paper, Stack, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { useT } from '../i18n/I18nProvider.tsx'
import { LanguageSwitch } from './LanguageSwitch.tsx'
import { Logo } from './Logo.tsx'

/** A page outside the app's frame (signing in, a forced password change): logo, language, one card. */
export function CardPage({ title, intro, children }: { title: string; intro: string; children: ReactNode }) {
  const t = useT()
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
                {title}
              </Title>
              <Text c="dimmed" mt={6}>
                {intro}
              </Text>
            </div>
            {children}
          </Stack>
        </Paper>
      </Container>
    </Box>
  )
}
