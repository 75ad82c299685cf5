// "Beschikbaarheid": one's own absences (list, a form, a month view) and duty preferences; a planner or
// korpschef also picks a person of their zone and enters for them (the server records who, and notifies them).
import { Grid, Paper, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useSignedInUser } from '../../auth/session.ts'
import { PageHeader, usePageTitle } from '../../components/PageHeader.tsx'
import { LoadingState, QueryView } from '../../components/QueryState.tsx'
import { useT } from '../../i18n/I18nProvider.tsx'
import { PersonPicker, type Picked } from '../people/PersonPicker.tsx'
import { useAvailability } from './api.ts'
import { AvailabilityForm } from './AvailabilityForm.tsx'
import { EntryList } from './EntryList.tsx'
import { monthOf, MonthView } from './MonthView.tsx'
import { brusselsDate } from './periods.ts'
import { PreferencesSection } from './PreferencesSection.tsx'

const daysAgo = (today: string, days: number) =>
  new Date(Date.parse(`${today}T12:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10)

export function AvailabilityPage() {
  const t = useT()
  usePageTitle(t('availability.title'))
  const me = useSignedInUser()
  const today = brusselsDate(new Date().toISOString())
  const plansZone = me.roles.find((r) => (r.role === 'planner' || r.role === 'korpschef') && r.zoneId)?.zoneId ?? null
  const [picked, setPicked] = useState<Picked | null>(null)
  // Whose entries: the picked person, else one's own person (a planner without one sees the zone).
  const personId = picked?.id ?? me.person?.id
  const entries = useAvailability({ ...(personId ? { personId } : {}), from: daysAgo(today, 31) })
  const own = picked === null
  const [month, setMonth] = useState(monthOf(today))

  return (
    <>
      <PageHeader title={t('availability.title')} description={t('availability.description')} />
      <Stack gap="md">
        {plansZone && <PersonPicker zoneId={plansZone} value={picked} onChange={setPicked} />}
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Stack gap="md">
              <Paper withBorder p="md" radius="md" component="section" aria-labelledby="entries-title">
                <Stack gap="sm">
                  <Title order={2} fz="h4" id="entries-title">
                    {picked ? t('availability.entriesOf', { name: picked.name }) : t('availability.entries')}
                  </Title>
                  <QueryView query={entries} loading={<LoadingState rows={2} />}>
                    {(data) =>
                      data.items.length === 0 ? (
                        <Text fz="sm" c="dimmed">
                          {t('availability.empty')}
                        </Text>
                      ) : (
                        <EntryList
                          entries={data.items}
                          meId={me.id}
                          showPerson={!personId}
                          onShow={(e) => setMonth(monthOf(e.wholeDays?.from ?? brusselsDate(e.from)))}
                        />
                      )
                    }
                  </QueryView>
                </Stack>
              </Paper>
              <Paper withBorder p="md" radius="md" component="section" aria-labelledby="new-title">
                <Stack gap="sm">
                  <Title order={2} fz="h4" id="new-title">
                    {t('availability.new')}
                  </Title>
                  <AvailabilityForm personId={picked?.id ?? null} />
                </Stack>
              </Paper>
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack gap="md">
              <MonthView personId={personId} month={month} onMonthChange={setMonth} />
              <PreferencesSection personId={personId} own={own} />
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>
    </>
  )
}
