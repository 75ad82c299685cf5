import { Anchor, Badge, Group, Paper, ScrollArea, Table, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import { Link } from 'react-router'
import type { Zone } from '../../api/types.ts'
import { IconSearch } from '../../components/icons.tsx'
import { PageHeader, usePageTitle } from '../../components/PageHeader.tsx'
import { EmptyState, LoadingState, QueryView } from '../../components/QueryState.tsx'
import { todayInBrussels } from '../../i18n/format.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { useZones } from './api.ts'
import { isCurrent } from './periods.ts'

/** Case- and accent-insensitive, so "leke" finds "Lendelede" and "lendelede" alike. */
const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()

function matches(zone: Zone, query: string): boolean {
  const q = fold(query.trim())
  if (!q) return true
  return [zone.code, zone.name, ...zone.municipalities.map((m) => m.name)].some((s) => fold(s).includes(q))
}

function ZonesTable({ zones }: { zones: Zone[] }) {
  const { t, label } = useI18n()
  const today = todayInBrussels()
  return (
    <Paper withBorder>
      <ScrollArea type="auto">
        <Table miw={760}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('zones.col.code')}</Table.Th>
              <Table.Th scope="col">{t('zones.col.name')}</Table.Th>
              <Table.Th scope="col">{t('zones.col.region')}</Table.Th>
              <Table.Th scope="col">{t('zones.col.municipalities')}</Table.Th>
              <Table.Th scope="col">{t('zones.col.associations')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {zones.map((zone) => {
              const current = zone.municipalities.filter((m) => isCurrent(m, today))
              return (
                <Table.Tr key={zone.id}>
                  <Table.Td className="num" style={{ textAlign: 'left' }}>
                    {zone.code}
                  </Table.Td>
                  <Table.Th scope="row" fw={600}>
                    <Anchor component={Link} to={`/zones/${zone.code}`}>
                      {zone.name}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>{label('region', zone.region)}</Table.Td>
                  <Table.Td>
                    <Text fz="sm">
                      <Text span fw={600}>
                        {current.length}
                      </Text>{' '}
                      <Text span c="dimmed" fz="sm">
                        {current.map((m) => m.name).join(', ')}
                      </Text>
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {zone.associations
                        .filter((a) => isCurrent(a, today))
                        .map((a) => (
                          <Badge key={a.id} variant="light" color="navy" tt="none" fw={500}>
                            {a.name}
                          </Badge>
                        ))}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              )
            })}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </Paper>
  )
}

export function ZonesPage() {
  const { t } = useI18n()
  usePageTitle(t('zones.pageTitle'))
  const zones = useZones()
  const [query, setQuery] = useState('')
  return (
    <>
      <PageHeader
        title={t('zones.heading')}
        description={t('zones.intro')}
        actions={
          <TextInput
            label={t('zones.search')}
            placeholder={t('zones.searchPlaceholder')}
            value={query}
            onChange={(e) => setQuery(e.currentTarget.value)}
            leftSection={<IconSearch size={16} />}
            type="search"
            w={280}
          />
        }
      />
      <QueryView
        query={zones}
        loading={<LoadingState rows={6} />}
        isEmpty={(d) => d.items.length === 0}
        empty={<EmptyState description={t('zones.empty')} />}
      >
        {(data) => {
          const shown = [...data.items].filter((z) => matches(z, query)).sort((a, b) => a.code.localeCompare(b.code))
          return shown.length === 0 ? (
            <EmptyState description={t('zones.noMatch', { q: query })} />
          ) : (
            <ZonesTable zones={shown} />
          )
        }}
      </QueryView>
    </>
  )
}
