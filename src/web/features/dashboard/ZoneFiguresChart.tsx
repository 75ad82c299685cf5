import '@mantine/charts/styles.css'
import { BarChart } from '@mantine/charts'
import { Group, Paper, SegmentedControl, Title } from '@mantine/core'
import { useState } from 'react'
import type { Figures } from '../../api/types.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { populationYears } from './populationYears.ts'

type Metric = 'population' | 'staff'

/** Inhabitants or staff per zone, side by side. The table next to it carries the same numbers as text. */
export function ZoneFiguresChart({ figures }: { figures: Figures }) {
  const { t, f } = useI18n()
  const [metric, setMetric] = useState<Metric>('population')
  const years = populationYears(figures)
  const populationLabel = years ? t('figures.populationOf', { years }) : t('figures.population')
  const metricLabel = metric === 'population' ? populationLabel : t('figures.staff')
  // Room for the longest zone name, within reason (about 7 px per character at the axis' font size).
  const axisWidth = Math.min(190, Math.max(60, Math.max(...figures.zones.map((z) => z.name.length)) * 7 + 12))
  const chartLabel = t('dashboard.chart.label', { metric: metricLabel })
  const rows = figures.zones.map((z) => ({ zone: z.name, value: metric === 'population' ? z.population : z.staff }))
  const summary = rows.map((r) => `${r.zone}: ${f.number(r.value)}`).join('; ')
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="chart-heading">
      <Group justify="space-between" mb="md" wrap="wrap">
        <Title order={2} fz="lg" id="chart-heading">
          {t('dashboard.chart.heading')}
        </Title>
        <SegmentedControl
          size="xs"
          aria-label={t('dashboard.chart.metric')}
          value={metric}
          onChange={(v) => setMetric(v === 'staff' ? 'staff' : 'population')}
          data={[
            { value: 'population', label: t('figures.population') },
            { value: 'staff', label: t('figures.staff') },
          ]}
        />
      </Group>
      <figure style={{ margin: 0 }} aria-label={chartLabel}>
        {/* Horizontal bars: zone names are long ("Beringen/Ham/Tessenderlo") and read best on the left. */}
        <BarChart
          h={Math.max(140, rows.length * 56 + 40)}
          orientation="vertical"
          data={rows}
          dataKey="zone"
          series={[{ name: 'value', label: metricLabel, color: 'navy.7' }]}
          valueFormatter={(v) => f.number(v)}
          tickLine="x"
          gridAxis="x"
          maxBarWidth={36}
          withBarValueLabel
          yAxisProps={{ width: axisWidth }}
          // The chart's own element (role "application", focusable for its keyboard tooltips) needs a name
          // too; the description reads out the values for those who cannot see the bars.
          barChartProps={{ title: chartLabel, desc: summary, margin: { right: 56 } }}
        />
      </figure>
    </Paper>
  )
}
