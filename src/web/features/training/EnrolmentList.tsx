// The enrolments of a session (issue 11): tabs enrolled / waiting list / cancelled; a table on desktop, cards on a
// phone; a cancel button where the server says the reader may cancel. The organiser sees every zone's people, a
// partner zone only its own.
import { Badge, Button, Paper, Stack, Table, Tabs, Text } from '@mantine/core'
import { CardList } from '../../components/CardList.tsx'
import { EmptyState, QueryView } from '../../components/QueryState.tsx'
import { useNotify } from '../../components/useNotify.ts'
import { errorMessage } from '../../i18n/errorMessage.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { useCancelEnrolment, useEnrolments, type Enrolment } from './enrolments-api.ts'
import { ENROLMENT_COLOR, useEnrolmentText } from './EnrolmentText.ts'

type Tab = 'enrolled' | 'waitlisted' | 'cancelled'
const TABS: Tab[] = ['enrolled', 'waitlisted', 'cancelled']

function CancelButton({ enrolment }: { enrolment: Enrolment }) {
  const { t } = useI18n()
  const notify = useNotify()
  const cancel = useCancelEnrolment()
  if (!enrolment.actions.cancel) return null
  return (
    <Stack gap={4} align="flex-start">
      <Button
        size="sm"
        variant="outline"
        color="red.9"
        loading={cancel.isPending}
        aria-label={t('training.enrol.enrolment.cancelFor', { name: enrolment.person.name })}
        onClick={() =>
          cancel.mutate(enrolment.id, { onSuccess: () => notify.success(t('training.enrol.enrolment.cancelled')) })
        }
      >
        {t('training.enrol.enrolment.cancel')}
      </Button>
      {cancel.isError && (
        <Text c="red.8" fz="sm" role="alert">
          {errorMessage(cancel.error, t)}
        </Text>
      )}
    </Stack>
  )
}

function when(e: Enrolment, tab: Tab): string {
  if (tab === 'cancelled') return e.cancelledAt ?? e.queuedAt
  if (tab === 'enrolled') return e.enrolledAt ?? e.queuedAt
  return e.queuedAt
}

function Rows({ items, tab }: { items: Enrolment[]; tab: Tab }) {
  const { t, f } = useI18n()
  const text = useEnrolmentText()
  const whenLabel = t(`training.enrol.enrolments.when.${tab}`)
  const note = (e: Enrolment) =>
    [
      e.promotedAt ? t('training.enrol.enrolment.promotedAt', { at: f.dateTime(e.promotedAt) }) : null,
      e.lateCancel ? t('training.enrol.enrolment.lateCancel') : null,
      e.attendance ? text.attendance(e.attendance) : null,
      e.result ? text.result(e.result) : null,
    ]
      .filter(Boolean)
      .join(' · ')
  return (
    <>
      <Paper withBorder visibleFrom="sm">
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              {tab === 'waitlisted' && <Table.Th>{t('training.enrol.enrolments.position')}</Table.Th>}
              <Table.Th>{t('training.enrol.enrolments.person')}</Table.Th>
              <Table.Th>{t('training.enrol.enrolments.zone')}</Table.Th>
              <Table.Th>{whenLabel}</Table.Th>
              <Table.Th>{t('training.enrol.enrolments.note')}</Table.Th>
              <Table.Th>
                <span className="visually-hidden">{t('training.enrol.enrolments.actions')}</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((e) => (
              <Table.Tr key={e.id} data-testid={`enrolment-${e.person.id}`}>
                {tab === 'waitlisted' && <Table.Td>{e.position ?? '—'}</Table.Td>}
                <Table.Td>
                  <Text fw={600} fz="sm">
                    {e.person.name}
                  </Text>
                </Table.Td>
                <Table.Td>{e.person.zone.name}</Table.Td>
                <Table.Td>{f.dateTime(when(e, tab))}</Table.Td>
                <Table.Td>{note(e)}</Table.Td>
                <Table.Td>
                  <CancelButton enrolment={e} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <CardList
        label={t(`training.enrol.enrolments.tab.${tab}`)}
        items={items.map((e) => ({
          key: e.id,
          title: e.person.name,
          subtitle: (
            <Badge color={ENROLMENT_COLOR[e.status] ?? 'gray'} variant="light">
              {tab === 'waitlisted' && e.position
                ? t('training.enrol.enrolment.position', { position: e.position })
                : text.status(e.status)}
            </Badge>
          ),
          fields: [
            { label: t('training.enrol.enrolments.zone'), value: e.person.zone.name },
            { label: whenLabel, value: f.dateTime(when(e, tab)) },
            ...(note(e) ? [{ label: t('training.enrol.enrolments.note'), value: note(e) }] : []),
            ...(e.actions.cancel
              ? [{ label: t('training.enrol.enrolments.actions'), value: <CancelButton enrolment={e} /> }]
              : []),
          ],
        }))}
      />
    </>
  )
}

export function EnrolmentList({ sessionId }: { sessionId: string }) {
  const { t } = useI18n()
  const query = useEnrolments(sessionId)
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="session-enrolments">
      <Text component="h2" fw={650} fz="lg" mb="sm" id="session-enrolments">
        {t('training.enrol.enrolments.title')}
      </Text>
      <QueryView query={query}>
        {(d) => (
          <Tabs defaultValue="enrolled" keepMounted={false}>
            <Tabs.List mb="md">
              {TABS.map((tab) => (
                <Tabs.Tab key={tab} value={tab}>
                  {t(`training.enrol.enrolments.tab.${tab}`)} ({d.enrolments.filter((e) => e.status === tab).length})
                </Tabs.Tab>
              ))}
            </Tabs.List>
            {TABS.map((tab) => {
              const items = d.enrolments.filter((e) => e.status === tab)
              return (
                <Tabs.Panel key={tab} value={tab}>
                  {items.length === 0 ? (
                    <EmptyState description={t(`training.enrol.enrolments.empty.${tab}`)} />
                  ) : (
                    <Rows items={items} tab={tab} />
                  )}
                </Tabs.Panel>
              )
            })}
          </Tabs>
        )}
      </QueryView>
    </Paper>
  )
}
