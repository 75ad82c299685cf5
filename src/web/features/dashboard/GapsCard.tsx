// swaps (issue 8): the planner's gaps — published slots with no one on duty and open replacement needs of the
// rotations they manage, in the coming eight weeks — with a link to where they are filled.
import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { Link } from 'react-router'
import { useSignedInUser } from '../../auth/session.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { useGaps } from '../swaps/api.ts'

export function GapsCard() {
  const { t, f } = useI18n()
  const me = useSignedInUser()
  const plans = me.roles.some((r) => r.role === 'planner' || r.role === 'korpschef' || r.role === 'admin')
  const gaps = useGaps(plans)
  if (!plans || !gaps.data) return null
  const { slots, needs } = gaps.data
  return (
    <Paper withBorder p="md" radius="md" mb="lg" component="section" aria-labelledby="gaps-title">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} fz="h4" id="gaps-title">
            {t('gaps.title')}
          </Title>
          <Group gap="xs">
            <Badge color={slots.length ? 'red' : 'green'} variant="light">
              {t('gaps.slots', { count: String(slots.length) })}
            </Badge>
            <Badge color={needs.length ? 'orange' : 'green'} variant="light">
              {t('gaps.needs', { count: String(needs.length) })}
            </Badge>
          </Group>
        </Group>
        {slots.length + needs.length === 0 ? (
          <Text fz="sm" c="dimmed">
            {t('gaps.none')}
          </Text>
        ) : (
          <Stack gap={2} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {slots.slice(0, 5).map((s) => (
              <Text key={`${s.rotation.id}/${s.slotKey}/${s.position}`} component="li" fz="sm">
                {t('gaps.slot', { rotation: s.rotation.name, from: f.dateTime(s.from) })}
              </Text>
            ))}
            {needs.slice(0, 5).map((n) => (
              <Text key={n.id} component="li" fz="sm">
                {t('gaps.need', {
                  rotation: n.rotation.name,
                  from: f.dateTime(n.from),
                  name: `${n.requester.firstName} ${n.requester.lastName}`,
                })}
              </Text>
            ))}
          </Stack>
        )}
        <Anchor component={Link} to="/duties" fz="sm">
          {t('gaps.link')}
        </Anchor>
      </Stack>
    </Paper>
  )
}
