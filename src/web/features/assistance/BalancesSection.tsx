// Balances of an association over a period: per zone (opening, credit, debit, closing, as hours h:mm), a chart of
// each zone's balance month by month, the balances between pairs of zones, and each zone's statement (CSV, print).
import '@mantine/charts/styles.css'
import { LineChart } from '@mantine/charts'
import { Alert, Anchor, Button, Group, Paper, ScrollArea, Stack, Table, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { Link } from 'react-router'
import { errorMessage } from '../../i18n/errorMessage.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { downloadStatementCsv, type Balances } from './api.ts'
import type { Period } from './PeriodFields.tsx'
import { useAssistanceText } from './text.ts'

const COLORS = ['navy.7', 'red.8', 'teal.8', 'orange.8', 'grape.7', 'cyan.8', 'lime.8', 'pink.7']

function BalanceChart({ balances }: { balances: Balances }) {
  const { t } = useI18n()
  const text = useAssistanceText()
  const months = [...new Set(balances.monthly.map((m) => m.month))].sort()
  if (months.length === 0) return null
  const rows = months.map((month) => {
    const row: Record<string, string | number> = { month }
    for (const z of balances.zones) {
      const point = balances.monthly.find((m) => m.month === month && m.zoneId === z.zoneId)
      row[z.zoneCode] = Math.round(((point?.balance ?? 0) / 60) * 100) / 100
    }
    return row
  })
  const summary = balances.zones.map((z) => `${z.zoneName}: ${text.hours(z.closing)}`).join('; ')
  return (
    <figure style={{ margin: 0 }} aria-label={t('assistance.balances.chart')}>
      <LineChart
        h={260}
        data={rows}
        dataKey="month"
        series={balances.zones.map((z, i) => ({
          name: z.zoneCode,
          label: z.zoneName,
          color: COLORS[i % COLORS.length] ?? 'gray.7',
        }))}
        valueFormatter={(v) => text.hours(v * 60)}
        withLegend
        curveType="linear"
        lineChartProps={{ title: t('assistance.balances.chart'), desc: summary }}
      />
    </figure>
  )
}

export function BalancesSection({
  balances,
  associationId,
  period,
}: {
  balances: Balances
  associationId: string
  period: Period
}) {
  const { t } = useI18n()
  const text = useAssistanceText()
  const [csvError, setCsvError] = useState<string | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const zoneName = (id: string) => balances.zones.find((z) => z.zoneId === id)?.zoneName ?? '—'
  const pairs = balances.pairs.filter(
    (p) => p.closing > 0 || (p.closing === 0 && p.zoneId < p.counterpartZoneId && p.movement !== 0),
  )
  const csv = (zoneId: string) => {
    setBusy(zoneId)
    setCsvError(null)
    downloadStatementCsv(associationId, zoneId, period.from, period.to)
      .catch((e: unknown) => setCsvError(errorMessage(e, t)))
      .finally(() => setBusy(null))
  }
  const caption = t('assistance.balances.caption')
  return (
    <Stack gap="md">
      <Paper withBorder p="md" component="section" aria-labelledby="assistance-balances-zones">
        <Title order={2} fz="lg" mb="sm" id="assistance-balances-zones">
          {t('assistance.balances.zones')}
        </Title>
        <ScrollArea type="auto" viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': caption }}>
          <Table miw={620} data-testid="assistance-balances">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('assistance.zone')}</Table.Th>
                <Table.Th scope="col" className="num">
                  {t('assistance.balances.opening')}
                </Table.Th>
                <Table.Th scope="col" className="num">
                  {t('assistance.balances.credit')}
                </Table.Th>
                <Table.Th scope="col" className="num">
                  {t('assistance.balances.debit')}
                </Table.Th>
                <Table.Th scope="col" className="num">
                  {t('assistance.balances.closing')}
                </Table.Th>
                <Table.Th scope="col">{t('assistance.balances.statement')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {balances.zones.map((z) => (
                <Table.Tr key={z.zoneId} data-zone={z.zoneCode}>
                  <Table.Th scope="row" fw={500}>
                    {z.zoneName} ({z.zoneCode})
                  </Table.Th>
                  <Table.Td className="num">{text.hours(z.opening)}</Table.Td>
                  <Table.Td className="num">{text.hours(z.credit)}</Table.Td>
                  <Table.Td className="num">{text.hours(z.debit)}</Table.Td>
                  <Table.Td className="num" fw={700} data-testid={`closing-${z.zoneCode}`}>
                    {text.hours(z.closing)}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Button
                        size="compact-xs"
                        variant="light"
                        loading={busy === z.zoneId}
                        onClick={() => csv(z.zoneId)}
                      >
                        CSV
                      </Button>
                      <Anchor
                        component={Link}
                        fz="sm"
                        to={`/assistance/statement?${new URLSearchParams({ association: associationId, zone: z.zoneId, from: period.from, to: period.to }).toString()}`}
                      >
                        {t('assistance.balances.print')}
                      </Anchor>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
        {csvError && (
          <Alert color="red" variant="light" role="alert" mt="sm">
            {csvError}
          </Alert>
        )}
        <Text fz="xs" c="dimmed" mt="xs">
          {caption} {t('assistance.balances.note')}
        </Text>
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="assistance-balances-chart">
        <Title order={2} fz="lg" mb="sm" id="assistance-balances-chart">
          {t('assistance.balances.chart')}
        </Title>
        <BalanceChart balances={balances} />
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="assistance-balances-pairs">
        <Title order={2} fz="lg" mb="sm" id="assistance-balances-pairs">
          {t('assistance.balances.pairs')}
        </Title>
        {pairs.length === 0 ? (
          <Text c="dimmed" fz="sm">
            {t('assistance.balances.noPairs')}
          </Text>
        ) : (
          <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            {pairs.map((p) => (
              <Text component="li" key={`${p.zoneId}:${p.counterpartZoneId}`} fz="sm">
                {t('assistance.balances.pair', {
                  creditor: zoneName(p.zoneId),
                  debtor: zoneName(p.counterpartZoneId),
                  hours: text.hours(p.closing),
                })}
              </Text>
            ))}
          </Stack>
        )}
      </Paper>
    </Stack>
  )
}
