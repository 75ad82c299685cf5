// "Wachtoproepen" (/callouts), made for a phone: the current or most recent on-call duty on top with the big
// start/end pair, then a call-out entered afterwards, then the month's own call-outs.
import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { Link } from 'react-router'
import { useSignedInUser } from '../../auth/session.ts'
import { PageHeader, usePageTitle } from '../../components/PageHeader.tsx'
import { LoadingState, QueryView } from '../../components/QueryState.tsx'
import { useT } from '../../i18n/I18nProvider.tsx'
import { brusselsDate } from '../availability/periods.ts'
import { useCallOuts, type CallOutWarning } from './api.ts'
import { CallOutForm } from './CallOutForm.tsx'
import { CallOutList } from './CallOutList.tsx'
import { MonthSwitcher } from './MonthSwitcher.tsx'
import { monthOfDate } from './months.ts'
import { DutyCard } from './RecallButtons.tsx'
import { Warnings } from './Warnings.tsx'

export function CallOutsPage() {
  const t = useT()
  usePageTitle(t('callouts.title'))
  const me = useSignedInUser()
  const today = brusselsDate(new Date().toISOString())
  const [month, setMonth] = useState(monthOfDate(today))
  const [warnings, setWarnings] = useState<CallOutWarning[]>([])
  const personId = me.person?.id
  const list = useCallOuts(month)
  // The duty card reads this month's answer: switching the listed month does not reset a running call-out.
  const current = useCallOuts(monthOfDate(today))

  if (!personId)
    return (
      <>
        <PageHeader title={t('callouts.title')} description={t('callouts.description')} />
        <Text>{t('callouts.noPerson')}</Text>
      </>
    )

  return (
    <>
      <PageHeader
        title={t('callouts.title')}
        description={t('callouts.description')}
        actions={
          <Anchor component={Link} to="/callouts/statement">
            {t('callouts.toStatement')}
          </Anchor>
        }
      />
      <Stack gap="md" maw={720}>
        <QueryView query={current} loading={<LoadingState rows={2} />}>
          {(data) => <DutyCard personId={personId} duty={data.duty} onSaved={setWarnings} />}
        </QueryView>
        <Warnings warnings={warnings} />
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="manual-title">
          <Stack gap="sm">
            <Title order={2} fz="h4" id="manual-title">
              {t('callouts.manual')}
            </Title>
            <CallOutForm today={today} onSaved={setWarnings} />
          </Stack>
        </Paper>
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="list-title">
          <Stack gap="sm">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Title order={2} fz="h4" id="list-title">
                {t('callouts.list')}
              </Title>
              <MonthSwitcher month={month} onChange={setMonth} />
            </Group>
            <QueryView query={list} loading={<LoadingState rows={2} />}>
              {(data) =>
                data.items.length === 0 ? (
                  <Text fz="sm" c="dimmed">
                    {t('callouts.empty')}
                  </Text>
                ) : (
                  <CallOutList items={data.items} meId={me.id} />
                )
              }
            </QueryView>
          </Stack>
        </Paper>
      </Stack>
    </>
  )
}
