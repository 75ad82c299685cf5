import { Group, Stack, Text, Title } from '@mantine/core'
import { useEffect, type ReactNode } from 'react'
import { useT } from '../i18n/I18nProvider.tsx'

/** Sets the tab title ("Overeenkomsten · Verbond"): screen readers announce it on navigation. */
export function usePageTitle(title: string): void {
  const t = useT()
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`
  }, [title, t])
}

interface PageHeaderProps {
  title: ReactNode
  description?: ReactNode
  eyebrow?: ReactNode
  actions?: ReactNode
}

export function PageHeader({ title, description, eyebrow, actions }: PageHeaderProps) {
  return (
    <Group justify="space-between" align="flex-end" wrap="wrap" gap="md" mb="lg">
      <Stack gap={4} maw={760}>
        {eyebrow}
        <Title order={1} fz={{ base: 24, sm: 28 }}>
          {title}
        </Title>
        {description && <Text c="dimmed">{description}</Text>}
      </Stack>
      {actions && <Group gap="sm">{actions}</Group>}
    </Group>
  )
}
