// "Maandstaat" (/callouts/statement): one's own month (B&T and Wachtoproep hours by category, as GALoP Lite
// asks them), and for the planner or korpschef the zone's month with its status, approval and the CSV for payroll.
import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useSignedInUser } from '../../auth/session.ts'
import { PageHeader, usePageTitle } from '../../components/PageHeader.tsx'
import { LoadingState, QueryView } from '../../components/QueryState.tsx'
import { useNotify } from '../../components/useNotify.ts'
import { errorMessage } from '../../i18n/errorMessage.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { brusselsDate } from '../availability/periods.ts'
import {
  downloadStatementCsv,
  useApproveStatement,
  usePersonStatement,
  useReopenStatement,
  useZoneStatement,
  type ZoneStatement,
} from './api.ts'
import { MonthSwitcher } from './MonthSwitcher.tsx'
import { monthOfDate } from './months.ts'
import { PersonSplit, ZoneSplit } from './SplitTable.tsx'

type Status = ZoneStatement['status']
const STATUS_COLOR: Record<Status, string> = { open: 'gray', approved: 'green', reopened: 'orange' }

function StatusLine({ statement }: { statement: Pick<ZoneStatement, 'status' | 'approval'> }) {
  const { t, f } = useI18n()
  const { approval } = statement
  return (
    <Stack gap={2}>
      <Group gap="xs">
        <Badge color={STATUS_COLOR[statement.status]} variant="light">
          {t(`statement.status.${statement.status}`)}
        </Badge>
      </Group>
      {approval && (
        <Text fz="xs" c="dimmed">
          {t('statement.approvedBy', { name: approval.approvedBy?.name ?? '—', at: f.dateTime(approval.approvedAt) })}
          {approval.reopenedAt &&
            ` · ${t('statement.reopenedBy', { name: approval.reopenedBy?.name ?? '—', at: f.dateTime(approval.reopenedAt) })}`}
        </Text>
      )}
    </Stack>
  )
}

function useCsv() {
  const { t } = useI18n()
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const download = (target: Parameters<typeof downloadStatementCsv>[0]) => {
    setBusy(true)
    setError(null)
    downloadStatementCsv(target)
      .catch((e: unknown) => setError(errorMessage(e, t)))
      .finally(() => setBusy(false))
  }
  return { error, busy, download }
}

function ZoneSection({ zoneId, month }: { zoneId: string; month: string }) {
  const { t } = useI18n()
  const notify = useNotify()
  const statement = useZoneStatement(zoneId, month)
  const approve = useApproveStatement()
  const reopen = useReopenStatement()
  const csv = useCsv()
  const failed = approve.error ?? reopen.error
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="zone-title">
      <QueryView query={statement} loading={<LoadingState rows={3} />}>
        {(s) => (
          <Stack gap="sm">
            <Group justify="space-between" wrap="wrap" gap="xs" align="flex-start">
              <Stack gap={4}>
                <Title order={2} fz="h4" id="zone-title">
                  {t('statement.zone', { zone: s.zoneName })}
                </Title>
                <StatusLine statement={s} />
              </Stack>
              <Group gap="xs">
                {s.status === 'approved' ? (
                  <Button
                    variant="default"
                    loading={reopen.isPending}
                    onClick={() =>
                      reopen.mutate({ zoneId, month }, { onSuccess: () => notify.success(t('statement.reopened')) })
                    }
                  >
                    {t('statement.reopen')}
                  </Button>
                ) : (
                  <Button
                    loading={approve.isPending}
                    onClick={() =>
                      approve.mutate({ zoneId, month }, { onSuccess: () => notify.success(t('statement.approved')) })
                    }
                  >
                    {t('statement.approve')}
                  </Button>
                )}
                <Button variant="light" loading={csv.busy} onClick={() => csv.download({ zoneId, month })}>
                  {t('statement.csv')}
                </Button>
              </Group>
            </Group>
            {failed && (
              <Alert color="red" variant="light" role="alert">
                {errorMessage(failed, t)}
              </Alert>
            )}
            {csv.error && (
              <Alert color="red" variant="light" role="alert">
                {csv.error}
              </Alert>
            )}
            {s.lines.length === 0 ? (
              <Text fz="sm" c="dimmed">
                {t('statement.noLines')}
              </Text>
            ) : (
              <ZoneSplit lines={s.lines} totals={s.totals} />
            )}
          </Stack>
        )}
      </QueryView>
    </Paper>
  )
}

function PersonSection({ month }: { month: string }) {
  const { t } = useI18n()
  const statement = usePersonStatement(month)
  const csv = useCsv()
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="mine-title">
      <QueryView query={statement} loading={<LoadingState rows={3} />}>
        {(s) => (
          <Stack gap="sm">
            <Group justify="space-between" wrap="wrap" gap="xs" align="flex-start">
              <Stack gap={4}>
                <Title order={2} fz="h4" id="mine-title">
                  {t('statement.mine')}
                </Title>
                <StatusLine statement={s} />
              </Stack>
              <Button variant="light" loading={csv.busy} onClick={() => csv.download({ month })}>
                {t('statement.csv')}
              </Button>
            </Group>
            {csv.error && (
              <Alert color="red" variant="light" role="alert">
                {csv.error}
              </Alert>
            )}
            <PersonSplit line={s.line} />
            <Text fz="xs" c="dimmed">
              {t('statement.callOutCount', { n: s.callOuts.length })}
            </Text>
          </Stack>
        )}
      </QueryView>
    </Paper>
  )
}

export function StatementPage() {
  const { t } = useI18n()
  usePageTitle(t('statement.title'))
  const me = useSignedInUser()
  const [month, setMonth] = useState(monthOfDate(brusselsDate(new Date().toISOString())))
  const plansZone = me.roles.find((r) => (r.role === 'planner' || r.role === 'korpschef') && r.zoneId)?.zoneId ?? null
  return (
    <>
      <PageHeader
        title={t('statement.title')}
        description={t('statement.description')}
        actions={<MonthSwitcher month={month} onChange={setMonth} />}
      />
      <Stack gap="md">
        {me.person && <PersonSection month={month} />}
        {plansZone && <ZoneSection zoneId={plansZone} month={month} />}
        <Text fz="xs" c="dimmed" maw={760}>
          {t('statement.nightNote')}
        </Text>
      </Stack>
    </>
  )
}
