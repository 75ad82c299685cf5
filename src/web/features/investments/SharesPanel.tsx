// The shares of one investment over a year, per zone (depreciation, running costs, total) with a chart, and the
// cost key versions with their inputs and fractions (GET /api/investments/{id}/shares); the investment page
// shows it.
import '@mantine/charts/styles.css'
import { BarChart } from '@mantine/charts'
import { Paper, Select, Stack, Table, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { LoadingState, QueryView } from '../../components/QueryState.tsx'
import { todayInBrussels } from '../../i18n/format.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { ScrollTable } from '../assistance/ScrollTable.tsx'
import type { MessageKey } from '../../i18n/nl.ts'
import { useShares } from './settlement-api.ts'
import { SettlementKeys, useEuros } from './SettlementKeys.tsx'

export function SharesPanel({ investmentId }: { investmentId: string }) {
  const { t } = useI18n()
  const euros = useEuros()
  const thisYear = Number(todayInBrussels().slice(0, 4))
  const [year, setYear] = useState(thisYear)
  const shares = useShares(investmentId, `${year}-01-01`, `${year + 1}-01-01`)
  const years = Array.from({ length: 8 }, (_, i) => String(thisYear + 1 - i))
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="investment-shares">
      <Title order={2} fz="lg" mb="sm" id="investment-shares">
        {t('shares.title')}
      </Title>
      <Select
        label={t('settlement.year')}
        data={years}
        value={String(year)}
        onChange={(v) => v && setYear(Number(v))}
        allowDeselect={false}
        w={140}
        mb="md"
      />
      <QueryView query={shares} loading={<LoadingState rows={3} />}>
        {(s) => (
          <Stack gap="md">
            <ScrollTable label={t('shares.title')} minWidth={420}>
              <Table striped withTableBorder fz="sm" aria-label={t('shares.title')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('settlement.zone')}</Table.Th>
                    <Table.Th ta="right">{t('shares.depreciation')}</Table.Th>
                    <Table.Th ta="right">{t('shares.runningCosts')}</Table.Th>
                    <Table.Th ta="right">{t('shares.total')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {s.zones.map((z) => (
                    <Table.Tr key={z.zone.id}>
                      <Table.Td>{z.zone.name}</Table.Td>
                      <Table.Td ta="right">{euros(z.depreciationCents)}</Table.Td>
                      <Table.Td ta="right">{euros(z.runningCostCents)}</Table.Td>
                      <Table.Td ta="right">{euros(z.totalCents)}</Table.Td>
                    </Table.Tr>
                  ))}
                  <Table.Tr fw={700}>
                    <Table.Td>{t('shares.total')}</Table.Td>
                    <Table.Td ta="right">{euros(s.zones.reduce((a, z) => a + z.depreciationCents, 0))}</Table.Td>
                    <Table.Td ta="right">{euros(s.zones.reduce((a, z) => a + z.runningCostCents, 0))}</Table.Td>
                    <Table.Td ta="right">{euros(s.totalCents)}</Table.Td>
                  </Table.Tr>
                </Table.Tbody>
              </Table>
            </ScrollTable>
            {s.totalCents > 0 && (
              <figure style={{ margin: 0 }} aria-label={t('shares.chart', { year: String(year) })}>
                <BarChart
                  h={220}
                  data={s.zones.map((z) => ({
                    zone: z.zone.code,
                    depreciation: z.depreciationCents / 100,
                    running: z.runningCostCents / 100,
                  }))}
                  dataKey="zone"
                  type="stacked"
                  series={[
                    { name: 'depreciation', label: t('shares.depreciation'), color: 'navy.7' },
                    { name: 'running', label: t('shares.runningCosts'), color: 'teal.8' },
                  ]}
                  valueFormatter={(v) => euros(Math.round(v * 100))}
                  withLegend
                />
              </figure>
            )}
            <SettlementKeys keys={s.keys} caption={t('settlement.keys')} />
            {s.notes.map((n) => {
              const [code, title = ''] = n.split(/:(.*)/s)
              return (
                <Text key={n} size="sm" c="dimmed">
                  {t(`settlement.note.${code ?? ''}` as MessageKey, { title })}
                </Text>
              )
            })}
          </Stack>
        )}
      </QueryView>
    </Paper>
  )
}
