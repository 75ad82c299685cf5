import { Grid, List, Paper, ScrollArea, Stack, Table, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { useParams } from 'react-router'
import type { Municipality, Zone } from '../../api/types.ts'
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

function MunicipalitiesTable({ municipalities }: { municipalities: Municipality[] }) {
  const { t, f } = useI18n()
  const population = municipalities.reduce((sum, m) => sum + (m.population ?? 0), 0)
  const area = municipalities.reduce((sum, m) => sum + (m.areaKm2 ?? 0), 0)
  return (
    <ScrollArea type="auto">
      <Table miw={560}>
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
                {m.name}
                {m.validFrom && (
                  <Text span fz="xs" c="dimmed" fw={400}>
                    {' '}
                    · {t('zone.since', { date: f.date(m.validFrom) })}
                  </Text>
                )}
              </Table.Th>
              <Table.Td>{m.nisCode}</Table.Td>
              <Table.Td className="num">
                {m.population === null ? '—' : f.number(m.population)}
                {m.populationYear && (
                  <Text span fz="xs" c="dimmed">
                    {' '}
                    ({t('zone.populationYear', { year: String(m.populationYear) })})
                  </Text>
                )}
              </Table.Td>
              <Table.Td className="num">{m.areaKm2 === null ? '—' : f.area(m.areaKm2)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        {municipalities.length > 1 && (
          <Table.Tfoot>
            <Table.Tr fw={700}>
              <Table.Th scope="row" colSpan={2}>
                {t('zone.totals')}
              </Table.Th>
              <Table.Td className="num">{f.number(population)}</Table.Td>
              <Table.Td className="num">{f.area(area)}</Table.Td>
            </Table.Tr>
          </Table.Tfoot>
        )}
      </Table>
    </ScrollArea>
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
