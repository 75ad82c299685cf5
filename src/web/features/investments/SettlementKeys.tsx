// The cost key versions of an investment in a period, each with every zone's inputs and exact share: shown on the
// settlement page and in an investment's shares panel, so a figure can always be traced to what was agreed.
import { Stack, Table, Text } from '@mantine/core'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { ScrollTable } from '../assistance/ScrollTable.tsx'
import type { MessageKey } from '../../i18n/nl.ts'
import type { KeyView } from './settlement-api.ts'

export function SettlementKeys({ keys, caption }: { keys: KeyView[]; caption: string }) {
  const { t, f } = useI18n()
  const num = (v: number | null) => (v === null ? '—' : f.number(v))
  const method = (m: string) => t(`settlement.method.${m}` as MessageKey)
  const percent = (fraction: string) =>
    `${f.number(Number(fraction) * 100, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}\u00a0%`
  return (
    <Stack gap="sm">
      {keys.map((k) => {
        const weights = Object.entries(k.weights)
          .map(([m, w]) => `${method(m)} ${f.number(w)}`)
          .join(', ')
        return (
          <div key={k.keyId}>
            <Text size="sm" fw={500}>
              {t('settlement.keyPeriod', {
                from: f.date(k.validFrom),
                to: k.validTo ? f.date(k.validTo) : t('settlement.keyOpen'),
              })}
              {' · '}
              {method(k.method)}
            </Text>
            {weights && (
              <Text size="sm" c="dimmed">
                {t('settlement.weights', { weights })}
              </Text>
            )}
            <ScrollTable label={caption} minWidth={460}>
              <Table striped withTableBorder fz="sm" aria-label={caption}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('settlement.zone')}</Table.Th>
                    <Table.Th ta="right">{t('settlement.population')}</Table.Th>
                    <Table.Th ta="right">{t('settlement.fte')}</Table.Th>
                    <Table.Th ta="right">{t('settlement.percent')}</Table.Th>
                    <Table.Th ta="right">{t('settlement.usageHours')}</Table.Th>
                    <Table.Th ta="right">{t('settlement.fraction')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {k.inputs.map((i) => (
                    <Table.Tr key={i.zone.id}>
                      <Table.Td>{i.zone.name}</Table.Td>
                      <Table.Td ta="right">{num(i.population)}</Table.Td>
                      <Table.Td ta="right">{num(i.fte)}</Table.Td>
                      <Table.Td ta="right">{num(i.percent)}</Table.Td>
                      <Table.Td ta="right">{num(i.usageHours)}</Table.Td>
                      <Table.Td ta="right">{percent(i.fraction)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          </div>
        )
      })}
    </Stack>
  )
}

/** Cents as '1.234,56 €' (fr: '1 234,56 €'): statements show cents, unlike the whole-euro figures elsewhere. */
export function useEuros(): (cents: number) => string {
  const { f } = useI18n()
  return (cents) => `${f.number(cents / 100, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}\u00a0€`
}
