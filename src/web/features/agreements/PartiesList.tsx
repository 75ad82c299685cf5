import { Anchor, Badge, Group, Stack, Text } from '@mantine/core'
import { Link } from 'react-router'
import type { Agreement } from '../../api/types.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'

type Consent = Agreement['consent'][number]['state']

const COLORS: Record<Consent, string> = { approved: 'green', rejected: 'red', outdated: 'orange', missing: 'gray' }

/** Each party zone and where it stands on the current content (the server's rule for going in force). */
export function PartiesList({ agreement: a }: { agreement: Agreement }) {
  const { t } = useI18n()
  return (
    <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
      {a.parties.map((p) => {
        const state = a.consent.find((c) => c.zoneId === p.zoneId)?.state ?? 'missing'
        return (
          <Group key={p.zoneId} component="li" justify="space-between" wrap="wrap" gap={4}>
            <Text fz="sm">
              <Anchor component={Link} to={`/zones/${p.code}`} fw={600}>
                {p.name}
              </Anchor>{' '}
              <Text span c="dimmed" fz="sm">
                ({p.code})
              </Text>
            </Text>
            <Badge color={COLORS[state]} variant="light" tt="none" fw={600} style={{ flexShrink: 0 }}>
              {t(`agreement.consent.${state}`)}
            </Badge>
          </Group>
        )
      })}
    </Stack>
  )
}
