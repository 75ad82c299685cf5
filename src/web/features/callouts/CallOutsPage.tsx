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
import { PersonPicker, type Picked } from '../people/PersonPicker.tsx'
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
  // A planner may pick a person of their zone (callout.manage: the planner, not the korpschef).
  const plansZone = me.roles.find((r) => r.role === 'planner' && r.zoneId)?.zoneId ?? null
  const [picked, setPicked] = useState<Picked | null>(null)
  const personId = picked?.id ?? me.person?.id ?? null
  const list = useCallOuts(month, picked?.id ?? null, personId !== null)
  // The duty card reads this month's answer: switching the listed month does not reset a running call-out.
  const current = useCallOuts(monthOfDate(today), picked?.id ?? null, personId !== null)
  const pick = (p: Picked | null) => {
    setPicked(p)
    setWarnings([])
  }

  if (!personId && !plansZone)
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
        {plansZone && <PersonPicker zoneId={plansZone} value={picked} onChange={pick} />}
        {personId === null ? (
          <Text>{t('callouts.noPerson')}</Text>
        ) : (
          <CallOutsOf
            personId={personId}
            picked={picked}
            meId={me.id}
            today={today}
            month={month}
            onMonth={setMonth}
            warnings={warnings}
            onSaved={setWarnings}
            current={current}
            list={list}
          />
        )}
      </Stack>
    </>
  )
}

function CallOutsOf({
  personId,
  picked,
  meId,
  today,
  month,
  onMonth,
  warnings,
  onSaved,
  current,
  list,
}: {
  personId: string
  picked: Picked | null
  meId: string
  today: string
  month: string
  onMonth: (m: string) => void
  warnings: CallOutWarning[]
  onSaved: (w: CallOutWarning[]) => void
  current: ReturnType<typeof useCallOuts>
  list: ReturnType<typeof useCallOuts>
}) {
  const t = useT()
  return (
    <>
      <QueryView query={current} loading={<LoadingState rows={2} />}>
        {(data) => (
          <DutyCard key={personId} personId={personId} duty={data.duty} canRecord={picked === null} onSaved={onSaved} />
        )}
      </QueryView>
      <Warnings warnings={warnings} />
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="manual-title">
        <Stack gap="sm">
          <Title order={2} fz="h4" id="manual-title">
            {t('callouts.manual')}
          </Title>
          <CallOutForm key={personId} today={today} personId={picked?.id ?? null} onSaved={onSaved} />
        </Stack>
      </Paper>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="list-title">
        <Stack gap="sm">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Title order={2} fz="h4" id="list-title">
              {picked ? t('callouts.listOf', { name: picked.name }) : t('callouts.list')}
            </Title>
            <MonthSwitcher month={month} onChange={onMonth} />
          </Group>
          <QueryView query={list} loading={<LoadingState rows={2} />}>
            {(data) =>
              data.items.length === 0 ? (
                <Text fz="sm" c="dimmed">
                  {t('callouts.empty')}
                </Text>
              ) : (
                <CallOutList items={data.items} meId={meId} />
              )
            }
          </QueryView>
        </Stack>
      </Paper>
    </>
  )
}
