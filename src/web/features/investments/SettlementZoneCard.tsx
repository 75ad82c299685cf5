// One zone's part of a settlement: its lines (by kind), the totals charged, credited and net, and its statement
// as CSV and PDF (downloads made by the server, in the user's language).
import { Alert, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { errorMessage } from '../../i18n/errorMessage.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { ScrollTable } from '../assistance/ScrollTable.tsx'
import type { MessageKey } from '../../i18n/nl.ts'
import { downloadStatement, type ZoneSettlement } from './settlement-api.ts'
import { useEuros } from './SettlementKeys.tsx'

export function SettlementZoneCard({
  associationId,
  zone,
  from,
  to,
}: {
  associationId: string
  zone: ZoneSettlement
  from: string
  to: string
}) {
  const { t } = useI18n()
  const euros = useEuros()
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState<'csv' | 'pdf' | null>(null)
  const download = (format: 'csv' | 'pdf') => {
    setBusy(format)
    setError(null)
    downloadStatement(associationId, zone.zone.id, from, to, format)
      .catch(setError)
      .finally(() => setBusy(null))
  }
  const headingId = `settlement-zone-${zone.zone.code}`
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start" mb="sm" gap="xs">
        <Title order={3} fz="md" id={headingId}>
          {zone.zone.code} {zone.zone.name}
        </Title>
        <Group gap="xs">
          <Button
            size="xs"
            variant="default"
            loading={busy === 'csv'}
            onClick={() => download('csv')}
            aria-label={t('settlement.csvOf', { code: zone.zone.code })}
          >
            {t('settlement.csv')}
          </Button>
          <Button
            size="xs"
            variant="default"
            loading={busy === 'pdf'}
            onClick={() => download('pdf')}
            aria-label={t('settlement.pdfOf', { code: zone.zone.code })}
          >
            {t('settlement.pdf')}
          </Button>
        </Group>
      </Group>
      {error !== null && (
        <Alert color="red" mb="sm" role="alert">
          {errorMessage(error, t)}
        </Alert>
      )}
      <Stack gap="xs">
        {zone.lines.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('settlement.noLines')}
          </Text>
        ) : (
          <ScrollTable label={`${t('settlement.zones')}: ${zone.zone.code}`} minWidth={520}>
            <Table striped withTableBorder fz="sm" aria-label={`${zone.zone.code} ${zone.zone.name}`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('settlement.line')}</Table.Th>
                  <Table.Th>{t('settlement.detail')}</Table.Th>
                  <Table.Th ta="right">{t('settlement.charged')}</Table.Th>
                  <Table.Th ta="right">{t('settlement.credited')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {zone.lines.map((l, i) => (
                  <Table.Tr key={`${l.kind}-${l.investmentId ?? ''}-${i}`}>
                    <Table.Td>
                      {l.title && (
                        <Text size="xs" c="dimmed">
                          {t(`settlement.kind.${l.kind}` as MessageKey)}
                        </Text>
                      )}
                      {l.title || t(`settlement.kind.${l.kind}` as MessageKey)}
                    </Table.Td>
                    <Table.Td>{l.detail}</Table.Td>
                    <Table.Td ta="right">{euros(l.chargedCents)}</Table.Td>
                    <Table.Td ta="right">{euros(l.creditedCents)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
        <Table withTableBorder fz="sm" aria-label={`${t('settlement.total')} ${zone.zone.code}`}>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th scope="row">{t('settlement.charged')}</Table.Th>
              <Table.Td ta="right">{euros(zone.chargedCents)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">{t('settlement.credited')}</Table.Th>
              <Table.Td ta="right">{euros(zone.creditedCents)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">{t('settlement.net')}</Table.Th>
              <Table.Td ta="right" fw={700} data-testid={`net-${zone.zone.code}`}>
                {euros(zone.netCents)}
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  )
}
