// One request (/assistance/:id): the header (status, urgency, category, window, place, contact, requesting zone),
// what is asked, the partners' answers and response times (requester), the actions the server lists, the offers
// and the offer form (partner), the deployments with their hours, the retroactive approval notice, the timeline.
// Kept current by the live events (the shell invalidates assistance queries on every assistance event).
import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { useParams } from 'react-router'
import { BackLink } from '../../components/BackLink.tsx'
import { usePageTitle } from '../../components/PageHeader.tsx'
import { LoadingState, QueryView } from '../../components/QueryState.tsx'
import { useNotify } from '../../components/useNotify.ts'
import { errorMessage } from '../../i18n/errorMessage.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { ActionBar } from './ActionBar.tsx'
import { useAcknowledge, useRequest, useRetroApproval, type Addressee, type RequestDetail } from './api.ts'
import { DeploymentsSection } from './DeploymentsSection.tsx'
import { STATUS_COLOR } from './model.ts'
import { OfferForm } from './OfferForm.tsx'
import { OffersSection } from './OffersSection.tsx'
import { RequestTimeline } from './Timeline.tsx'
import { useAssistanceText } from './text.ts'
import { ScrollTable } from './ScrollTable.tsx'

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={0}>
      <Text fz="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text fz="md" className="wrap-words">
        {children}
      </Text>
    </Stack>
  )
}

/** Minutes from the request going out to a moment, as h:mm; "—" before it happened. */
function useSince(requestedAt: string | null) {
  const text = useAssistanceText()
  return (at: string | null) =>
    at && requestedAt ? text.hours((Date.parse(at) - Date.parse(requestedAt)) / 60_000) : '—'
}

function AddresseesSection({ request }: { request: RequestDetail }) {
  const { t, f } = useI18n()
  const text = useAssistanceText()
  const since = useSince(request.requestedAt)
  if (request.addressees.length === 0) return null
  const cell = (at: string | null) => (at ? `${f.dateTime(at)} (+${since(at)})` : '—')
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="assistance-addressees">
      <Title order={2} fz="lg" mb="sm" id="assistance-addressees">
        {t('assistance.addressees')}
      </Title>
      <ScrollTable label={t('assistance.addressees')} minWidth={560}>
        <Table fz="sm" verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('assistance.zone')}</Table.Th>
              <Table.Th>{t('assistance.answerState')}</Table.Th>
              <Table.Th>{t('assistance.acknowledgedAt')}</Table.Th>
              <Table.Th>{t('assistance.firstOfferAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {request.addressees.map((a: Addressee) => (
              <Table.Tr key={a.zone.id}>
                <Table.Td>{a.zone.name}</Table.Td>
                <Table.Td>
                  {text.answer(a.state)}
                  {a.declineReason ? ` — “${a.declineReason}”` : ''}
                </Table.Td>
                <Table.Td>
                  {cell(a.acknowledgedAt)}
                  {a.acknowledgedBy ? ` · ${a.acknowledgedBy.name}` : ''}
                </Table.Td>
                <Table.Td>{cell(a.firstOfferAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Paper>
  )
}

function RetroApproval({ request }: { request: RequestDetail }) {
  const { t, f } = useI18n()
  const approve = useRetroApproval(request.id)
  const notify = useNotify()
  const retro = request.retroApproval
  if (!retro || request.direction !== 'outgoing') return null
  return (
    <Alert
      color={retro.overdue ? 'red' : 'gold'}
      variant="light"
      title={t(retro.overdue ? 'assistance.retroOverdue' : 'assistance.retroDue')}
    >
      <Stack gap="xs" align="flex-start">
        <Text fz="sm">{t('assistance.retroText', { at: f.dateTime(retro.dueAt) })}</Text>
        {request.canApprove && (
          <Button
            size="xs"
            loading={approve.isPending}
            onClick={() => approve.mutate(undefined, { onSuccess: () => notify.success(t('assistance.approved')) })}
          >
            {t('assistance.approveNow')}
          </Button>
        )}
        {approve.isError && (
          <Text c="red.8" fz="sm">
            {errorMessage(approve.error, t)}
          </Text>
        )}
      </Stack>
    </Alert>
  )
}

function AcknowledgeButton({ request }: { request: RequestDetail }) {
  const { t } = useI18n()
  const acknowledge = useAcknowledge()
  const mine = request.addressees.find((a) => request.respondingZoneIds.includes(a.zone.id))
  if (!mine || mine.state !== 'alerted') return null
  return (
    <Stack gap={4}>
      <Button
        color="red.9"
        size="md"
        loading={acknowledge.isPending}
        onClick={() => acknowledge.mutate({ id: request.id, zoneId: mine.zone.id })}
      >
        {t('assistance.acknowledge')}
      </Button>
      {acknowledge.isError && (
        <Text c="red.8" fz="sm">
          {errorMessage(acknowledge.error, t)}
        </Text>
      )}
    </Stack>
  )
}

function Detail({ request }: { request: RequestDetail }) {
  const { t, f } = useI18n()
  const text = useAssistanceText()
  const offeringZone = request.actions.includes('offer') ? request.respondingZoneIds[0] : undefined
  return (
    <Stack gap="md">
      <Paper
        withBorder
        p={{ base: 'md', sm: 'lg' }}
        className={request.urgency === 'urgent' ? 'assistance-card-urgent' : undefined}
      >
        <Stack gap="md">
          <Group justify="space-between" wrap="wrap" gap="sm" align="flex-start">
            <Stack gap={4}>
              <Title order={1} fz={{ base: 22, sm: 28 }} className="wrap-words">
                {text.category(request.category)} · {request.zone.name}
              </Title>
              <Group gap={6}>
                {request.urgency === 'urgent' ? (
                  <Badge color="red.9" variant="filled">
                    {text.urgency('urgent')}
                  </Badge>
                ) : (
                  <Badge color="gray" variant="light">
                    {text.urgency('planned')}
                  </Badge>
                )}
                <Badge color={STATUS_COLOR[request.status]} variant="light" data-testid="assistance-status">
                  {text.status(request.status)}
                </Badge>
              </Group>
            </Stack>
            <AcknowledgeButton request={request} />
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
            <Fact label={t('assistance.whatNeeded')}>{text.lines(request.lines)}</Fact>
            <Fact label={t('assistance.place')}>
              {[request.place, request.municipality?.name].filter(Boolean).join(', ')}
            </Fact>
            <Fact label={t('assistance.window')}>{text.window(request.start, request.end)}</Fact>
            <Fact label={t('assistance.contact')}>{request.contact}</Fact>
            <Fact label={t('assistance.requestingZone')}>{`${request.zone.name} (${request.zone.code})`}</Fact>
            <Fact label={t('assistance.requestedAt')}>
              {request.requestedAt ? f.dateTime(request.requestedAt) : '—'}
            </Fact>
          </SimpleGrid>
          {request.purpose && <Fact label={t('assistance.purpose')}>{request.purpose}</Fact>}
          {request.cancelReason && <Fact label={t('assistance.cancelReason')}>{request.cancelReason}</Fact>}
          <ActionBar request={request} />
        </Stack>
      </Paper>
      <RetroApproval request={request} />
      <AddresseesSection request={request} />
      {offeringZone && <OfferForm request={request} zoneId={offeringZone} />}
      <OffersSection request={request} />
      <DeploymentsSection request={request} />
      <RequestTimeline events={request.timeline} />
    </Stack>
  )
}

export function RequestPage() {
  const { t } = useI18n()
  usePageTitle(t('assistance.detailTitle'))
  const { id = '' } = useParams()
  const request = useRequest(id)
  return (
    <>
      <BackLink to="/assistance" label={t('assistance.back')} />
      <QueryView query={request} loading={<LoadingState rows={5} height={80} />}>
        {(r) => <Detail request={r} />}
      </QueryView>
    </>
  )
}
