// The settlement proposal: every balance up to a day netted with the fewest transfers, in hours or in euros at
// the agreed hourly rate; the association's admin records it, which carries the balances over to the next period.
import { Alert, Button, Group, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { BelgianDateInput } from '../../components/BelgianDateInput.tsx'
import { LoadingState, QueryView } from '../../components/QueryState.tsx'
import { useNotify } from '../../components/useNotify.ts'
import { errorMessage } from '../../i18n/errorMessage.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { useRecordSettlement, useSettlementProposal } from './api.ts'
import { useAssistanceText } from './text.ts'
import { ScrollTable } from './ScrollTable.tsx'

export function SettlementSection({
  associationId,
  initialUntil,
  admin,
}: {
  associationId: string
  initialUntil: string
  admin: boolean
}) {
  const { t, f } = useI18n()
  const text = useAssistanceText()
  const notify = useNotify()
  const [until, setUntil] = useState(initialUntil)
  const [unit, setUnit] = useState<'hours' | 'euros'>('hours')
  const proposal = useSettlementProposal(associationId, until, unit)
  const record = useRecordSettlement(associationId)
  // Transfers are exact to the cent (the proposal rounds by largest remainder so they add up).
  const euros = (cents: number) =>
    `€\u00a0${f.number(cents / 100, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="assistance-settlement">
      <Title order={2} fz="lg" mb="sm" id="assistance-settlement">
        {t('assistance.settlement.title')}
      </Title>
      <Group gap="sm" align="flex-end" mb="md" wrap="wrap">
        <BelgianDateInput
          id="settlement-until"
          label={t('assistance.settlement.until')}
          value={until}
          onChange={(v) => v && setUntil(v)}
          w={170}
        />
        <SegmentedControl
          value={unit}
          onChange={(v) => setUnit(v === 'euros' ? 'euros' : 'hours')}
          data={[
            { value: 'hours', label: t('assistance.settlement.hours') },
            { value: 'euros', label: t('assistance.settlement.euros') },
          ]}
          aria-label={t('assistance.settlement.unit')}
        />
      </Group>
      <QueryView query={proposal} loading={<LoadingState rows={2} />}>
        {(p) => {
          const zone = (id: string) => p.balances.find((b) => b.zoneId === id)?.zoneName ?? '—'
          return (
            <Stack gap="sm">
              {p.lastSettlementUntil && (
                <Text fz="sm" c="dimmed">
                  {t('assistance.settlement.last', { date: f.date(p.lastSettlementUntil) })}
                </Text>
              )}
              {p.transfers.length === 0 ? (
                <Text fz="sm">{t('assistance.settlement.none')}</Text>
              ) : (
                <ScrollTable label={t('assistance.settlement.title')} minWidth={420}>
                  <Table fz="sm">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('assistance.settlement.from')}</Table.Th>
                        <Table.Th>{t('assistance.settlement.to')}</Table.Th>
                        <Table.Th className="num">{t('assistance.settlement.amount')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {p.transfers.map((tr) => (
                        <Table.Tr key={`${tr.fromZoneId}:${tr.toZoneId}`}>
                          <Table.Td>{zone(tr.fromZoneId)}</Table.Td>
                          <Table.Td>{zone(tr.toZoneId)}</Table.Td>
                          <Table.Td className="num">
                            {tr.cents !== null ? euros(tr.cents) : text.hours(tr.minutes)}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </ScrollTable>
              )}
              {admin && p.transfers.length > 0 && (
                <Button
                  style={{ alignSelf: 'flex-start' }}
                  loading={record.isPending}
                  onClick={() =>
                    record.mutate(
                      { until, unit },
                      { onSuccess: () => notify.success(t('assistance.settlement.recorded')) },
                    )
                  }
                >
                  {t('assistance.settlement.record')}
                </Button>
              )}
              {record.isError && (
                <Alert color="red" variant="light" role="alert">
                  {errorMessage(record.error, t)}
                </Alert>
              )}
            </Stack>
          )
        }}
      </QueryView>
    </Paper>
  )
}
