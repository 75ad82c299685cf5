// One rotation: its set-up in words, the roster calendar (in force, or the draft), "Rooster berekenen" with
// the draft's review and publication (planners), and the members.
import { Button, Group, Paper, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { Link, useParams } from 'react-router'
import { BackLink } from '../../components/BackLink.tsx'
import { PageHeader, usePageTitle } from '../../components/PageHeader.tsx'
import { LoadingState, QueryView } from '../../components/QueryState.tsx'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { useFigures } from '../dashboard/api.ts'
import { todayInBrussels } from '../../i18n/format.ts'
import { useDraft, useMembers, useRotation, type Rotation } from './api.ts'
import { zoneColors, zoneShares } from './calendar.ts'
import { GeneratePanel } from './GeneratePanel.tsx'
import { MembersPanel } from './MembersPanel.tsx'
import { RosterCalendar } from './RosterCalendar.tsx'
import { useEligibilityText, usePatternText } from './text.ts'
import { ZoneBadge } from './ZoneLegend.tsx'

type Tab = 'roster' | 'generate' | 'members'

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={2}>
      <Text fz="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz="sm" component="div">
        {children}
      </Text>
    </Stack>
  )
}

/** The rotation's set-up, as the planner would explain it. */
function SetupSummary({ rotation }: { rotation: Rotation }) {
  const { t, f, label } = useI18n()
  const patternText = usePatternText()
  const eligibilityText = useEligibilityText()
  const figures = useFigures(rotation.associationId, todayInBrussels())
  const byZone = new Map((figures.data?.zones ?? []).map((z) => [z.zoneId, z]))
  const shares = zoneShares(
    rotation.zoneKey,
    rotation.zones.map((z) => z.zoneId),
    byZone,
  )
  const colors = zoneColors(rotation.zones.map((z) => z.zoneId))
  const r = rotation.rules
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="setup-title">
      <Title order={2} fz="h4" id="setup-title" mb="sm">
        {t('rotations.setup.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        <Fact label={t('rotations.field.domain')}>{label('domain', rotation.domain)}</Fact>
        <Fact label={t('rotations.field.pattern')}>{patternText(rotation.pattern)}</Fact>
        <Fact label={t('rotations.field.dutyKind')}>
          {t(`rotations.dutyKind.${rotation.dutyKind}`)} ·{' '}
          {t('rotations.peoplePerSlotText', { n: rotation.peoplePerSlot })}
        </Fact>
        <Fact label={t('rotations.field.eligibility')}>{eligibilityText(rotation.eligibility)}</Fact>
        <Fact label={t('rotations.field.zoneKey')}>
          <Stack gap={4}>
            <span>{t(`rotations.zoneKey.${rotation.zoneKey.kind}`)}</span>
            <Group gap={6} wrap="wrap">
              {rotation.zones.map((z) => (
                <Group key={z.zoneId} gap={4} wrap="nowrap">
                  <ZoneBadge code={z.code} color={colors.get(z.zoneId) ?? 'blue'} />
                  <Text fz="sm">
                    {shares ? f.number((shares.get(z.zoneId) ?? 0) * 100, { maximumFractionDigits: 1 }) + ' %' : '—'}
                  </Text>
                </Group>
              ))}
            </Group>
          </Stack>
        </Fact>
        <Fact label={t('rotations.field.rules')}>
          {t('rotations.rulesText', {
            rest: f.number(r.minRestHours),
            day: f.number(r.maxWorkHoursPer24h),
            week: f.number(r.maxWorkHoursPerWeek),
          })}
          {r.onCallFrequency
            ? ` · ${t('rotations.frequencyText', { n: r.onCallFrequency.maxDuties, days: r.onCallFrequency.windowDays })}`
            : ''}
        </Fact>
        <Fact label={t('rotations.field.valid')}>
          {rotation.validTo
            ? `${f.date(rotation.validFrom)} – ${f.date(rotation.validTo)}`
            : t('rotations.validFromText', { date: f.date(rotation.validFrom) })}
        </Fact>
        <Fact label={t('rotations.field.published')}>
          {rotation.publishedUntil
            ? t('rotations.publishedUntil', { date: f.dateTime(rotation.publishedUntil) })
            : t('rotations.notPublished')}
        </Fact>
      </SimpleGrid>
    </Paper>
  )
}

function RotationView({ rotation }: { rotation: Rotation }) {
  const { t, label } = useI18n()
  usePageTitle(rotation.name)
  const members = useMembers(rotation.id)
  const draft = useDraft(rotation.id)
  const [tab, setTab] = useState<Tab>('roster')
  const memberList = members.data?.items ?? []
  const currentDraft = draft.data ?? null
  return (
    <>
      <BackLink to="/rotations" label={t('rotations.back')} />
      <PageHeader
        title={rotation.name}
        description={`${label('domain', rotation.domain)} · ${rotation.zones.map((z) => `${z.code} ${z.name}`).join(' + ')}`}
        actions={
          rotation.canManage && (
            <Button variant="default" component={Link} to={`/rotations/${rotation.id}/edit`}>
              {t('rotations.edit')}
            </Button>
          )
        }
      />
      <Stack gap="md">
        <SetupSummary rotation={rotation} />
        <Tabs value={tab} onChange={(v) => v && setTab(v as Tab)} keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="roster">{t('rotations.tab.roster')}</Tabs.Tab>
            {rotation.canManage && <Tabs.Tab value="generate">{t('rotations.tab.generate')}</Tabs.Tab>}
            <Tabs.Tab value="members">{t('rotations.tab.members')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="roster" pt="md">
            <RosterCalendar rotation={rotation} draft={currentDraft} members={memberList} />
          </Tabs.Panel>
          {rotation.canManage && (
            <Tabs.Panel value="generate" pt="md">
              {draft.isPending ? (
                <LoadingState rows={3} />
              ) : (
                <GeneratePanel
                  rotation={rotation}
                  draft={currentDraft}
                  members={memberList}
                  onPublished={() => setTab('roster')}
                />
              )}
            </Tabs.Panel>
          )}
          <Tabs.Panel value="members" pt="md">
            <QueryView query={members} loading={<LoadingState rows={3} />}>
              {(data) => <MembersPanel rotation={rotation} members={data.items} />}
            </QueryView>
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </>
  )
}

export function RotationPage() {
  const { id = '' } = useParams()
  const rotation = useRotation(id)
  return (
    <QueryView query={rotation} loading={<LoadingState rows={6} />}>
      {(data) => <RotationView rotation={data} />}
    </QueryView>
  )
}
