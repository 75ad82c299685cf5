import { Anchor, Box, Paper, ScrollArea, Table, Title } from '@mantine/core'
import { Link } from 'react-router'
import type { Figures } from '../../api/types.ts'
import { CardList } from '../../components/CardList.tsx'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { populationYears } from './populationYears.ts'

/** One row per zone and a totals row; the numbers the chart draws, readable by everyone. */
export function ZoneFiguresTable({ figures }: { figures: Figures }) {
  const { t, f } = useI18n()
  const { total } = figures
  const years = populationYears(figures)
  const populationLabel = years ? t('figures.populationOf', { years }) : t('figures.population')
  const area = (km2: number) => f.number(km2, { minimumFractionDigits: 2, maximumFractionDigits: 2 })
  const fields = (row: Figures['total']) => [
    { label: t('figures.municipalities'), value: f.number(row.municipalities) },
    { label: t('figures.area'), value: area(row.areaKm2) },
    { label: populationLabel, value: f.number(row.population) },
    { label: t('figures.staff'), value: f.number(row.staff) },
    { label: t('figures.fte'), value: f.fte(row.staffFte) },
  ]
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="per-zone-heading">
      <Title order={2} fz="lg" mb="sm" id="per-zone-heading">
        {t('dashboard.table.heading')}
      </Title>
      <CardList
        label={t('dashboard.table.caption', { date: f.date(figures.date) })}
        items={[
          ...figures.zones.map((z) => ({
            key: z.zoneId,
            title: (
              <>
                <Anchor component={Link} to={`/zones/${z.code}`}>
                  {z.name}
                </Anchor>{' '}
                <span style={{ color: 'var(--mantine-color-dimmed)', fontWeight: 400 }}>({z.code})</span>
              </>
            ),
            fields: fields(z),
          })),
          { key: 'total', title: t('common.total'), fields: fields(total) },
        ]}
      />
      <Box visibleFrom="sm">
        <ScrollArea type="auto">
          <Table miw={640} captionSide="bottom">
            <Table.Caption>{t('dashboard.table.caption', { date: f.date(figures.date) })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('figures.zone')}</Table.Th>
                <Table.Th scope="col" className="num">
                  {t('figures.municipalities')}
                </Table.Th>
                <Table.Th scope="col" className="num">
                  {t('figures.area')}
                </Table.Th>
                <Table.Th scope="col" className="num">
                  {populationLabel}
                </Table.Th>
                <Table.Th scope="col" className="num">
                  {t('figures.staff')}
                </Table.Th>
                <Table.Th scope="col" className="num">
                  {t('figures.fte')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {figures.zones.map((z) => (
                <Table.Tr key={z.zoneId}>
                  <Table.Th scope="row" fw={500}>
                    <Anchor component={Link} to={`/zones/${z.code}`}>
                      {z.name}
                    </Anchor>{' '}
                    <span style={{ color: 'var(--mantine-color-dimmed)' }}>({z.code})</span>
                  </Table.Th>
                  <Table.Td className="num">{f.number(z.municipalities)}</Table.Td>
                  <Table.Td className="num">{area(z.areaKm2)}</Table.Td>
                  <Table.Td className="num">{f.number(z.population)}</Table.Td>
                  <Table.Td className="num">{f.number(z.staff)}</Table.Td>
                  <Table.Td className="num">{f.fte(z.staffFte)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr fw={700}>
                <Table.Th scope="row">{t('common.total')}</Table.Th>
                <Table.Td className="num">{f.number(total.municipalities)}</Table.Td>
                <Table.Td className="num">{area(total.areaKm2)}</Table.Td>
                <Table.Td className="num">{f.number(total.population)}</Table.Td>
                <Table.Td className="num">{f.number(total.staff)}</Table.Td>
                <Table.Td className="num">{f.fte(total.staffFte)}</Table.Td>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </ScrollArea>
      </Box>
    </Paper>
  )
}
