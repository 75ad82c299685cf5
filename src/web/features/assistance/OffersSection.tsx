// The offers on a request: per offering zone its lines (named person or capability × count), expected arrival and
// status; the requester accepts or declines each line, the offering zone may withdraw what is still open.
import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { errorMessage } from '../../i18n/errorMessage.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { useDecide, useWithdrawOffer, type Offer, type OfferLine, type RequestDetail } from './api.ts'
import { useAssistanceText } from './text.ts'
import { ScrollTable } from './ScrollTable.tsx'

const LINE_COLOR: Record<OfferLine['status'], string> = {
  offered: 'blue',
  accepted: 'green',
  declined: 'red',
  withdrawn: 'gray',
}

function OfferCard({ offer, request }: { offer: Offer; request: RequestDetail }) {
  const { t, f } = useI18n()
  const text = useAssistanceText()
  const decide = useDecide(request.id)
  const withdraw = useWithdrawOffer()
  const requester = request.direction === 'outgoing'
  const mine = request.respondingZoneIds.includes(offer.zone.id)
  const open = offer.lines.filter((l) => l.status === 'offered')
  const failed = decide.error ?? withdraw.error
  return (
    <Paper withBorder p="sm" radius="md" data-testid="assistance-offer">
      <Group justify="space-between" wrap="wrap" gap="xs" mb="xs">
        <Stack gap={0}>
          <Text fw={700}>{offer.zone.name}</Text>
          <Text fz="sm" c="dimmed">
            {offer.expectedArrival
              ? t('assistance.arrivesAt', { at: f.dateTime(offer.expectedArrival) })
              : t('assistance.arrivalUnknown')}
            {offer.createdBy ? ` · ${offer.createdBy.name}` : ''}
          </Text>
        </Stack>
        <Group gap="xs">
          {requester && open.length > 0 && (
            <Button
              size="xs"
              loading={decide.isPending}
              onClick={() => decide.mutate({ accept: open.map((l) => l.id), decline: [] })}
            >
              {t('assistance.acceptAll')}
            </Button>
          )}
          {mine && open.length > 0 && (
            <Button
              size="xs"
              variant="outline"
              color="red.8"
              loading={withdraw.isPending}
              onClick={() => withdraw.mutate(offer.id)}
            >
              {t('assistance.withdraw')}
            </Button>
          )}
        </Group>
      </Group>
      {offer.note && (
        <Text fz="sm" mb="xs" className="wrap-words">
          {offer.note}
        </Text>
      )}
      <ScrollTable label={t('assistance.offers')} minWidth={320}>
        <Table verticalSpacing={6} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('assistance.capability')}</Table.Th>
              <Table.Th>{t('assistance.person')}</Table.Th>
              <Table.Th>{t('assistance.lineStatus')}</Table.Th>
              {requester && <Table.Th>{t('assistance.decision')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {offer.lines.map((line) => (
              <Table.Tr key={line.id}>
                <Table.Td>
                  {f.number(line.count)} × {text.capability(line.capability)}
                </Table.Td>
                <Table.Td>
                  {line.person
                    ? (line.person.name ??
                      `${line.person.rank ? text.capability(line.person.rank) : '—'} (${line.person.zone.code})`)
                    : '—'}
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={LINE_COLOR[line.status]}>
                    {t(`assistance.lineStatus.${line.status}`)}
                  </Badge>
                </Table.Td>
                {requester && (
                  <Table.Td>
                    {line.status === 'offered' && (
                      <Group gap={4} wrap="nowrap">
                        <Button
                          size="compact-xs"
                          onClick={() => decide.mutate({ accept: [line.id], decline: [] })}
                          disabled={decide.isPending}
                        >
                          {t('assistance.accept')}
                        </Button>
                        <Button
                          size="compact-xs"
                          variant="outline"
                          color="red.8"
                          onClick={() => decide.mutate({ accept: [], decline: [line.id] })}
                          disabled={decide.isPending}
                        >
                          {t('assistance.declineLine')}
                        </Button>
                      </Group>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      {failed && (
        <Alert color="red" variant="light" role="alert" mt="xs">
          {errorMessage(failed, t)}
        </Alert>
      )}
    </Paper>
  )
}

export function OffersSection({ request }: { request: RequestDetail }) {
  const { t } = useI18n()
  if (request.offers.length === 0) return null
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="assistance-offers">
      <Title order={2} fz="lg" mb="sm" id="assistance-offers">
        {t('assistance.offers')}
      </Title>
      <Stack gap="sm">
        {request.offers.map((o) => (
          <OfferCard key={o.id} offer={o} request={request} />
        ))}
      </Stack>
    </Paper>
  )
}
