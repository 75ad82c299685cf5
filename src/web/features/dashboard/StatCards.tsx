import { Paper, SimpleGrid, Text } from '@mantine/core'
import type { Figures } from '../../api/types.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { populationYears } from './populationYears.ts'

interface StatProps {
  label: string
  value: string
  quoted?: string | null
  /** What the figure is, when it is not a figure of the reference date (population: "figures of 2020"). */
  note?: string | null
}

function Stat({ label, value, quoted, note }: StatProps) {
  const { t } = useI18n()
  return (
    <Paper withBorder p="lg" component="section" aria-label={label}>
      <Text fz="xs" tt="uppercase" fw={700} c="dimmed" style={{ letterSpacing: '0.04em' }}>
        {label}
      </Text>
      <Text fz={{ base: 26, xl: 28 }} fw={700} lh={1.2} mt={6} c="navy.9" className="num" ta="left">
        {value}
      </Text>
      {note && (
        <Text fz="sm" c="dimmed" mt={4}>
          {note}
        </Text>
      )}
      {quoted && (
        <Text fz="sm" c="dimmed" mt={4}>
          {t('dashboard.quoted', { value: quoted })}
        </Text>
      )}
    </Paper>
  )
}

/** The association's totals, each with the figure the agreement itself cites when it cites one. */
export function StatCards({ figures }: { figures: Figures }) {
  const { t, f } = useI18n()
  const { total, quoted } = figures
  const years = populationYears(figures)
  const q = (value: number | null | undefined, show: (n: number) => string) =>
    value === null || value === undefined ? null : show(value)
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 5 }} spacing="md">
      <Stat
        label={t('dashboard.stat.municipalities')}
        value={f.number(total.municipalities)}
        quoted={q(quoted?.municipalities, f.number)}
      />
      <Stat label={t('dashboard.stat.area')} value={f.area(total.areaKm2)} quoted={q(quoted?.areaKm2, f.area)} />
      <Stat
        label={t('dashboard.stat.population')}
        value={f.number(total.population)}
        note={years && t('dashboard.populationYears', { years })}
      />
      <Stat label={t('dashboard.stat.staff')} value={f.number(total.staff)} quoted={q(quoted?.staff, f.number)} />
      <Stat label={t('dashboard.stat.fte')} value={f.fte(total.staffFte)} />
    </SimpleGrid>
  )
}
