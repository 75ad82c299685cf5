import { Anchor, Badge, Group, Stack, Text } from '@mantine/core'
import { Link } from 'react-router'
import type { Agreement } from '../../api/types.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'

type PartyDecision = 'approved' | 'rejected' | 'pending'

/** A zone counts as approved once a council approved and none rejected (the server's rule for going in force). */
function decisionOf(a: Agreement, zoneId: string): PartyDecision {
  const own = a.approvals.filter((ap) => ap.zoneId === zoneId)
  if (own.some((ap) => ap.decision === 'rejected')) return 'rejected'
  return own.some((ap) => ap.decision === 'approved') ? 'approved' : 'pending'
}

const COLORS: Record<PartyDecision, string> = { approved: 'green', rejected: 'red', pending: 'gray' }

export function PartiesList({ agreement: a }: { agreement: Agreement }) {
  const { t, label } = useI18n()
  return (
    <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
      {a.parties.map((p) => {
        const decision = decisionOf(a, p.zoneId)
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
            <Badge color={COLORS[decision]} variant="light" tt="none" fw={600} style={{ flexShrink: 0 }}>
              {decision === 'pending' ? t('agreement.party.pending') : label('decision', decision)}
            </Badge>
          </Group>
        )
      })}
    </Stack>
  )
}
