import { List, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core'
import { DOMAIN_CATEGORIES, type DomainCategory } from '../../api/types.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { useDomains } from './api.ts'

type Category = DomainCategory
const CATEGORIES = DOMAIN_CATEGORIES

/** The agreement's domains in the catalogue's order, split into operational and support. */
export function DomainGroups({ codes }: { codes: readonly string[] }) {
  const { t, label } = useI18n()
  const catalogue = useDomains()
  if (codes.length === 0)
    return (
      <Text c="dimmed" fz="sm">
        {t('agreement.domains.empty')}
      </Text>
    )
  if (catalogue.isPending) return <Skeleton h={120} />
  const items = catalogue.data?.items ?? []
  const categoryOf = (code: string): Category => items.find((d) => d.code === code)?.category ?? 'support'
  const order = (code: string) => {
    const i = items.findIndex((d) => d.code === code)
    return i < 0 ? Number.MAX_SAFE_INTEGER : i
  }
  const sorted = [...codes].sort((x, y) => order(x) - order(y))
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
      {CATEGORIES.map((category) => {
        const inCategory = sorted.filter((c) => categoryOf(c) === category)
        if (inCategory.length === 0) return null
        return (
          <Stack key={category} gap={6}>
            <Title order={3} fz="sm" tt="uppercase" c="dimmed" style={{ letterSpacing: '0.04em' }}>
              {label('domainCategory', category)} ({inCategory.length})
            </Title>
            <List spacing={4} size="sm">
              {inCategory.map((code) => (
                <List.Item key={code}>{label('domain', code)}</List.Item>
              ))}
            </List>
          </Stack>
        )
      })}
    </SimpleGrid>
  )
}
