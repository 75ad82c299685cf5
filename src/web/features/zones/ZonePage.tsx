import { Box, Grid, List, Paper, ScrollArea, Stack, Table, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { useParams } from 'react-router'
import type { Municipality, Zone } from '../../api/types.ts'
import { CardList } from '../../components/CardList.tsx'
import { PageHeader, usePageTitle } from '../../components/PageHeader.tsx'
import { EmptyState, LoadingState, QueryView } from '../../components/QueryState.tsx'
import { todayInBrussels } from '../../i18n/format.ts'
import { BackLink } from '../../components/BackLink.tsx'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { useZone } from './api.ts'
import { hasEnded, isCurrent } from './periods.ts'

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={id}>
      <Title order={2} fz="lg" mb="md" id={id}>
        {title}
      </Title>
      {children}
    </Paper>
  )
}

/** Sum of a figure, or null when a municipality lacks it: a partial sum would pass for the zone's total. */
const sumOrNull = (values: (number | null)[]): number | null =>
  values.some((v) => v === null) ? null : values.reduce<number>((sum, v) => sum + (v ?? 0), 0)

function MunicipalitiesTable({ municipalities }: { municipalities: Municipality[] }) {
  const { t, f } = useI18n()
  const population = sumOrNull(municipalities.map((m) => m.population))
  const area = sumOrNull(municipalities.map((m) => m.areaKm2))
  const missing = municipalities.filter((m) => m.population === null || m.areaKm2 === null).map((m) => m.name)
  const name = (m: Municipality) => (
    <>
      {m.name}
      {m.validFrom && (
        <Text span fz="xs" c="dimmed" fw={400}>
          {' '}
          · {t('zone.since', { date: f.date(m.validFrom) })}
        </Text>
      )}
    </>
  )
  const populationText = (m: Municipality) => (
    <>
      {m.population === null ? '—' : f.number(m.population)}
      {m.population !== null && m.populationYear && (
        <Text span fz="xs" c="dimmed">
          {' '}
          ({t('zone.populationYear', { year: String(m.populationYear) })})
        </Text>
      )}
    </>
  )
  const areaText = (value: number | null) => (value === null ? '—' : f.area(value))
  return (
    <Stack gap="sm">
      <CardList
        label={t('zone.municipalities')}
        items={[
          ...municipalities.map((m) => ({
            key: m.id,
            title: name(m),
            fields: [
              { label: t('zone.col.nis'), value: m.nisCode },
              { label: t('zone.col.population'), value: populationText(m) },
              { label: t('zone.col.area'), value: areaText(m.areaKm2) },
            ],
          })),
          ...(municipalities.length > 1
            ? [
                {
                  key: 'total',
                  title: t('zone.totals'),
                  fields: [
                    { label: t('zone.col.population'), value: population === null ? '—' : f.number(population) },
                    { label: t('zone.col.area'), value: areaText(area) },
                  ],
                },
              ]
            : []),
        ]}
      />
      <Box visibleFrom="sm">
        <ScrollArea type="auto">
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('zone.col.name')}</Table.Th>
                <Table.Th scope="col">{t('zone.col.nis')}</Table.Th>
                <Table.Th scope="col" className="num">
                  {t('zone.col.population')}
                </Table.Th>
                <Table.Th scope="col" className="num">
                  {t('zone.col.area')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {municipalities.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Th scope="row" fw={600}>
                    {name(m)}
                  </Table.Th>
                  <Table.Td>{m.nisCode}</Table.Td>
                  <Table.Td className="num">{populationText(m)}</Table.Td>
                  <Table.Td className="num">{areaText(m.areaKm2)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            {municipalities.length > 1 && (
              <Table.Tfoot>
                <Table.Tr fw={700}>
                  <Table.Th scope="row" colSpan={2}>
                    {t('zone.totals')}
                  </Table.Th>
                  <Table.Td className="num">{population === null ? '—' : f.number(population)}</Table.Td>
                  <Table.Td className="num">{areaText(area)}</Table.Td>
                </Table.Tr>
              </Table.Tfoot>
            )}
          </Table>
        </ScrollArea>
      </Box>
      {missing.length > 0 && (
        <Text fz="sm" c="dimmed">
          {t('zone.figuresMissing', { names: missing.join(', ') })}
        </Text>
      )}
    </Stack>
  )
}

function History({ municipalities }: { municipalities: Municipality[] }) {
  const { t, f } = useI18n()
  return (
    <Stack gap="xs">
      <Text fz="sm" c="dimmed">
        {t('zone.history.hint')}
      </Text>
      <List spacing={6} size="sm">
        {municipalities.map((m) => (
          <List.Item key={m.id}>
            <Text span fw={600} fz="sm">
              {m.name}
            </Text>{' '}
            <Text span fz="sm">
              {m.validTo && m.mergedIntoName
                ? t('zone.mergedInto', { date: f.date(m.validTo), name: m.mergedIntoName })
                : m.validTo
                  ? t('zone.until', { date: f.date(m.validTo) })
                  : null}
            </Text>
            {m.mergedIntoZone && (
              <Text fz="xs" c="dimmed">
                {t('zone.nowInZone', { zone: `${m.mergedIntoZone.code} ${m.mergedIntoZone.name}` })}
              </Text>
            )}
            {/* A note someone wrote, in the language they wrote it in (the demo data stores none). */}
            {m.note && (
              <Text fz="xs" c="dimmed">
                {m.note}
              </Text>
            )}
          </List.Item>
        ))}
      </List>
    </Stack>
  )
}

function ZoneDetail({ zone }: { zone: Zone }) {
  const { t, label, f } = useI18n()
  const today = todayInBrussels()
  const current = zone.municipalities.filter((m) => isCurrent(m, today)).sort((a, b) => a.name.localeCompare(b.name))
  const past = zone.municipalities.filter((m) => hasEnded(m, today)).sort((a, b) => a.name.localeCompare(b.name))
  return (
    <>
      <PageHeader
        title={zone.name}
        description={`${t('zone.code', { code: zone.code })} · ${label('region', zone.region)}`}
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="lg">
            <Section id="municipalities" title={t('zone.municipalities')}>
              {current.length === 0 ? (
                <EmptyState description={t('zone.municipalities.empty')} />
              ) : (
                <MunicipalitiesTable municipalities={current} />
              )}
            </Section>
            {past.length > 0 && (
              <Section id="history" title={t('zone.history')}>
                <History municipalities={past} />
              </Section>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Section id="associations" title={t('zone.associations')}>
            {zone.associations.length === 0 ? (
              <Text fz="sm" c="dimmed">
                {t('zone.associations.empty')}
              </Text>
            ) : (
              <List spacing="sm" size="sm">
                {zone.associations.map((a) => (
                  <List.Item key={a.id}>
                    <Text fw={600} fz="sm">
                      {a.name}
                    </Text>
                    <Text fz="xs" c="dimmed">
                      {a.validTo
                        ? t('zone.membershipEnded', { from: f.date(a.validFrom), to: f.date(a.validTo) })
                        : t('zone.membership', { date: f.date(a.validFrom) })}
                    </Text>
                  </List.Item>
                ))}
              </List>
            )}
          </Section>
        </Grid.Col>
      </Grid>
    </>
  )
}

export function ZonePage() {
  const { t } = useI18n()
  const { code } = useParams()
  const zone = useZone(code)
  usePageTitle(zone.data?.name ?? t('zones.pageTitle'))
  return (
    <>
      <BackLink to="/zones" label={t('zone.back')} />
      <QueryView query={zone} loading={<LoadingState rows={5} />}>
        {(data) => <ZoneDetail zone={data} />}
      </QueryView>
    </>
  )
}
