// "GPI 48-overzicht" (/training/compliance): a zone's operational people with their GPI 48 standing (behind, due
// soon, compliant) and qualifications that lapse; the totals as a donut chart, a filter on status and name, a
// table on desktop and cards on a phone, the CSV for Excel; the korpschef sets the thresholds. For korpschefs,
// planners and trainers; with several such zones a picker (`?zone=<id>`).
import '@mantine/charts/styles.css'
import { DonutChart } from '@mantine/charts'
import { Anchor, Box, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { Link, useSearchParams } from 'react-router'
import { useSignedInUser } from '../../auth/session.ts'
import { CardList } from '../../components/CardList.tsx'
import { FilterSelect } from '../../components/FilterSelect.tsx'
import { IconDocument, IconKey } from '../../components/icons.tsx'
import { PageHeader, usePageTitle } from '../../components/PageHeader.tsx'
import { EmptyState, LoadingState, QueryView } from '../../components/QueryState.tsx'
import { errorMessage } from '../../i18n/errorMessage.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { ScrollTable } from '../assistance/ScrollTable.tsx'
import { ComplianceSettings } from './ComplianceSettings.tsx'
import {
  downloadComplianceCsv,
  useLiveTraining,
  useZoneOverview,
  type Gpi48Status,
  type OverviewRow,
  type ZoneOverview,
} from './compliance-api.ts'
import { Gpi48Badge, STATUS_COLOR } from './Gpi48Badge.tsx'

const OVERVIEW_ROLES = ['korpschef', 'planner', 'trainer']
const STATUSES: Gpi48Status[] = ['behind', 'due_soon', 'compliant']

function useRowText() {
  const { t, f, label } = useI18n()
  return {
    sessions: (r: OverviewRow, o: ZoneOverview) => `${r.gpi48.counted}/${o.rules.minSessions}`,
    evaluations: (r: OverviewRow, o: ZoneOverview) => `${r.gpi48.evaluations}/${o.rules.minEvaluations}`,
    qualifications: (r: OverviewRow) =>
      r.qualifications
        .map((q) =>
          q.validUntil
            ? t(q.state === 'expired' ? 'training.qualificationExpiredOn' : 'training.qualificationUntil', {
                name: label('qualification', q.code),
                date: f.date(q.validUntil),
              })
            : label('qualification', q.code),
        )
        .join(', '),
    rank: (r: OverviewRow) => (r.person.rank ? label('rank', r.person.rank) : ''),
  }
}

function TotalsChart({ overview }: { overview: ZoneOverview }) {
  const { t } = useI18n()
  const { compliant, dueSoon, behind } = overview.totals
  const total = compliant + dueSoon + behind
  const parts = [
    { status: 'compliant' as const, value: compliant },
    { status: 'due_soon' as const, value: dueSoon },
    { status: 'behind' as const, value: behind },
  ]
  return (
    <Paper
      withBorder
      p="md"
      component="figure"
      m={0}
      aria-label={t('training.compliance.chart', { count: String(total) })}
    >
      <Group gap="xl" wrap="wrap" justify="center">
        <DonutChart
          size={160}
          thickness={28}
          withTooltip={false}
          chartLabel={String(total)}
          data={parts.map((p) => ({
            name: t(`training.status.${p.status}`),
            value: p.value,
            color: `${STATUS_COLOR[p.status]}.6`,
          }))}
        />
        <Stack gap={6} component="figcaption">
          <Text fw={600}>{t('training.compliance.chart', { count: String(total) })}</Text>
          {parts.map((p) => (
            <Group key={p.status} gap="xs">
              <Box w={12} h={12} bg={`${STATUS_COLOR[p.status]}.6`} style={{ borderRadius: 3 }} aria-hidden />
              <Text fz="sm">
                {t(`training.status.${p.status}`)}: <b>{p.value}</b>
              </Text>
            </Group>
          ))}
        </Stack>
      </Group>
    </Paper>
  )
}

function PeopleTable({ overview, rows }: { overview: ZoneOverview; rows: OverviewRow[] }) {
  const { t } = useI18n()
  const text = useRowText()
  const caption = t('training.compliance.title')
  const link = (r: OverviewRow) => (
    <Anchor component={Link} to={`/training/people/${r.person.id}`} className="wrap-words">
      {r.person.name}
    </Anchor>
  )
  return (
    <>
      <Box visibleFrom="sm">
        <ScrollTable label={caption} minWidth={760}>
          <Table striped withTableBorder fz="sm" aria-label={caption}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('training.compliance.name')}</Table.Th>
                <Table.Th>{t('training.compliance.rank')}</Table.Th>
                <Table.Th ta="right">{t('training.compliance.sessions')}</Table.Th>
                <Table.Th ta="right">{t('training.compliance.evaluations')}</Table.Th>
                <Table.Th>{t('training.compliance.status')}</Table.Th>
                <Table.Th>{t('training.compliance.qualifications')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.person.id}>
                  <Table.Td>{link(r)}</Table.Td>
                  <Table.Td>{text.rank(r)}</Table.Td>
                  <Table.Td ta="right">{text.sessions(r, overview)}</Table.Td>
                  <Table.Td ta="right">{text.evaluations(r, overview)}</Table.Td>
                  <Table.Td>
                    <Gpi48Badge status={r.gpi48.status} fallsBehindOn={r.gpi48.fallsBehindOn} />
                  </Table.Td>
                  <Table.Td>{text.qualifications(r)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      </Box>
      <CardList
        label={caption}
        items={rows.map((r) => ({
          key: r.person.id,
          title: link(r),
          subtitle: <Gpi48Badge status={r.gpi48.status} fallsBehindOn={r.gpi48.fallsBehindOn} />,
          fields: [
            { label: t('training.compliance.rank'), value: text.rank(r) },
            { label: t('training.compliance.sessions'), value: text.sessions(r, overview) },
            { label: t('training.compliance.evaluations'), value: text.evaluations(r, overview) },
            ...(r.qualifications.length > 0
              ? [{ label: t('training.compliance.qualifications'), value: text.qualifications(r) }]
              : []),
          ],
        }))}
      />
    </>
  )
}

function DownloadButton({ zoneId }: { zoneId: string }) {
  const { t } = useI18n()
  const [busy, setBusy] = useState(false)
  const run = async () => {
    setBusy(true)
    try {
      await downloadComplianceCsv(zoneId)
    } catch (error) {
      notifications.show({
        color: 'red',
        title: t('training.compliance.csvFailed'),
        message: errorMessage(error, t),
        closeButtonProps: { 'aria-label': t('common.close') },
      })
    } finally {
      setBusy(false)
    }
  }
  return (
    <Button variant="default" leftSection={<IconDocument size={16} />} loading={busy} onClick={() => void run()}>
      {t('training.compliance.csv')}
    </Button>
  )
}

function Overview({ overview }: { overview: ZoneOverview }) {
  const { t } = useI18n()
  const [status, setStatus] = useState<string | null>(null)
  const [name, setName] = useState('')
  const needle = name.trim().toLocaleLowerCase()
  const rows = overview.people.filter(
    (r) =>
      (status === null || r.gpi48.status === status) &&
      (needle === '' || r.person.name.toLocaleLowerCase().includes(needle)),
  )
  const { rules } = overview
  return (
    <Stack gap="md">
      <TotalsChart overview={overview} />
      <Text fz="sm" c="dimmed">
        {t('training.compliance.rules', {
          sessions: String(rules.minSessions),
          gap: String(rules.minGapDays),
          evaluations: String(rules.minEvaluations),
          months: String(rules.windowMonths),
        })}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} maw={640}>
        <FilterSelect
          label={t('training.compliance.filterStatus')}
          data={STATUSES.map((s) => ({ value: s, label: t(`training.status.${s}`) }))}
          value={status}
          onChange={setStatus}
        />
        <TextInput
          label={t('training.compliance.filterName')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          type="search"
        />
      </SimpleGrid>
      {rows.length === 0 ? (
        <EmptyState description={t('training.compliance.empty')} />
      ) : (
        <PeopleTable overview={overview} rows={rows} />
      )}
    </Stack>
  )
}

export function CompliancePage() {
  const { t } = useI18n()
  usePageTitle(t('training.compliance.title'))
  useLiveTraining()
  const me = useSignedInUser()
  const [params, setParams] = useSearchParams()
  const zones = [
    ...new Map(
      me.roles
        .filter((r) => r.zoneId !== null && OVERVIEW_ROLES.includes(r.role))
        .map((r) => [r.zoneId!, { id: r.zoneId!, name: r.zoneName ?? r.zoneCode ?? r.zoneId! }]),
    ).values(),
  ]
  const zoneId = zones.find((z) => z.id === params.get('zone'))?.id ?? zones[0]?.id ?? null
  const korpschef = me.roles.some((r) => r.role === 'korpschef' && r.zoneId === zoneId)
  const [settingsOpen, setSettingsOpen] = useState(false)
  const overview = useZoneOverview(zoneId)
  return (
    <>
      <PageHeader
        title={t('training.compliance.title')}
        description={t('training.compliance.description')}
        actions={
          zoneId && (
            <>
              <DownloadButton zoneId={zoneId} />
              {korpschef && (
                <Button variant="default" leftSection={<IconKey size={16} />} onClick={() => setSettingsOpen(true)}>
                  {t('training.settings.open')}
                </Button>
              )}
            </>
          )
        }
      />
      {zones.length > 1 && (
        <Select
          label={t('training.compliance.zone')}
          data={zones.map((z) => ({ value: z.id, label: z.name }))}
          value={zoneId}
          onChange={(v) => v && setParams({ zone: v }, { replace: true })}
          allowDeselect={false}
          maw={360}
          mb="md"
        />
      )}
      {zoneId === null ? (
        <EmptyState description={t('training.compliance.noZone')} />
      ) : (
        <QueryView query={overview} loading={<LoadingState rows={6} />}>
          {(o) => <Overview overview={o} />}
        </QueryView>
      )}
      {zoneId && korpschef && (
        <ComplianceSettings zoneId={zoneId} opened={settingsOpen} onClose={() => setSettingsOpen(false)} />
      )}
    </>
  )
}
