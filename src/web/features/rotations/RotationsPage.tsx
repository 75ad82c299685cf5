// "Permanenties": the rotations the user may see in the current association — domain, covered zones, pattern,
// members, and how far the roster in force reaches. A planner or korpschef sets up a new one from here.
import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { Link } from 'react-router'
import { useCurrentAssociation } from '../../auth/AssociationContext.tsx'
import { useSignedInUser } from '../../auth/session.ts'
import { IconPlus } from '../../components/icons.tsx'
import { PageHeader, usePageTitle } from '../../components/PageHeader.tsx'
import { EmptyState, LoadingState, QueryView } from '../../components/QueryState.tsx'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { useRotations, type Rotation } from './api.ts'
import { zoneColors } from './calendar.ts'
import { usePatternText } from './text.ts'
import { ZoneBadge } from './ZoneLegend.tsx'

/** Planners and korpschefs set up rotations (the API decides per zone; this only offers the button). */
export const plansRotations = (me: { roles: readonly { role: string; zoneId: string | null }[] }): boolean =>
  me.roles.some((r) => (r.role === 'planner' || r.role === 'korpschef') && r.zoneId !== null)

function RotationCard({ rotation }: { rotation: Rotation }) {
  const { t, f, label } = useI18n()
  const patternText = usePatternText()
  const colors = zoneColors(rotation.zones.map((z) => z.zoneId))
  const until = rotation.publishedUntil ?? null
  return (
    <Paper component="li" withBorder p="md" radius="md">
      <Stack gap="xs">
        <Anchor component={Link} to={`/rotations/${rotation.id}`} fw={700} fz="lg">
          {rotation.name}
        </Anchor>
        <Text fz="sm" c="dimmed">
          {label('domain', rotation.domain)}
        </Text>
        <Group gap={6} wrap="wrap">
          {rotation.zones.map((z) => (
            <ZoneBadge key={z.zoneId} code={z.code} name={z.name} color={colors.get(z.zoneId) ?? 'blue'} />
          ))}
        </Group>
        <Text fz="sm">
          {patternText(rotation.pattern)} · {t(`rotations.dutyKind.${rotation.dutyKind}`)}
        </Text>
        <Text fz="sm">{t('rotations.memberCount', { n: rotation.memberCount ?? 0 })}</Text>
        {/* Plain text, not a badge: the date must wrap on a phone, not be cut off. */}
        <Text fz="sm" fw={until ? 600 : 400} c={until ? undefined : 'dimmed'}>
          {until ? t('rotations.publishedUntil', { date: f.dateTime(until) }) : t('rotations.notPublished')}
        </Text>
      </Stack>
    </Paper>
  )
}

export function RotationsPage() {
  const t = useI18n().t
  usePageTitle(t('rotations.title'))
  const me = useSignedInUser()
  const { current } = useCurrentAssociation()
  const rotations = useRotations(current?.id)
  const canPlan = plansRotations(me)
  return (
    <>
      <PageHeader
        title={t('rotations.title')}
        description={t('rotations.description')}
        actions={
          canPlan && (
            <Button component={Link} to="/rotations/new" leftSection={<IconPlus size={18} />}>
              {t('rotations.new')}
            </Button>
          )
        }
      />
      <QueryView
        query={rotations}
        loading={<LoadingState rows={3} height={120} />}
        isEmpty={(d) => d.items.length === 0}
        empty={<EmptyState description={t('rotations.empty')} />}
      >
        {(data) => (
          <section aria-labelledby="rotations-list-title">
            <Title order={2} id="rotations-list-title" className="visually-hidden" fz="h4" mb="sm">
              {t('rotations.listTitle')}
            </Title>
            <SimpleGrid component="ul" cols={{ base: 1, md: 2 }} spacing="md" p={0} m={0} style={{ listStyle: 'none' }}>
              {data.items.map((r) => (
                <RotationCard key={r.id} rotation={r} />
              ))}
            </SimpleGrid>
          </section>
        )}
      </QueryView>
    </>
  )
}
