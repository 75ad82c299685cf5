import { Anchor, Badge, Group, Paper, ScrollArea, Table, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import { Link } from 'react-router'
import type { Zone } from '../../api/types.ts'
import { CardList } from '../../components/CardList.tsx'
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

function ZoneLink({ zone }: { zone: Zone }) {
  return (
    <Anchor component={Link} to={`/zones/${zone.code}`}>
      {zone.name}
    </Anchor>
  )
}

function Municipalities({ names }: { names: string[] }) {
  return (
    <Text fz="sm">
      <Text span fw={600}>
        {names.length}
      </Text>{' '}
      <Text span c="dimmed" fz="sm">
        {names.join(', ')}
      </Text>
    </Text>
  )
}

function AssociationBadges({ zone, today }: { zone: Zone; today: string }) {
  const current = zone.associations.filter((a) => isCurrent(a, today))
  if (current.length === 0) return <>—</>
  return (
    <Group gap={4}>
      {current.map((a) => (
        // Long association names wrap inside the badge rather than being cut off.
        <Badge
          key={a.id}
          variant="light"
          color="navy"
          tt="none"
          fw={500}
          maw="100%"
          h="auto"
          py={2}
          styles={{ label: { whiteSpace: 'normal' } }}
        >
          {a.name}
        </Badge>
      ))}
    </Group>
  )
}

function ZonesTable({ zones }: { zones: Zone[] }) {
  const { t, label } = useI18n()
  const today = todayInBrussels()
  const currentNames = (zone: Zone) => zone.municipalities.filter((m) => isCurrent(m, today)).map((m) => m.name)
  return (
    <>
      <CardList
        label={t('zones.heading')}
        items={zones.map((zone) => ({
          key: zone.id,
          title: <ZoneLink zone={zone} />,
          fields: [
            { label: t('zones.col.code'), value: zone.code },
            { label: t('zones.col.region'), value: label('region', zone.region) },
            { label: t('zones.col.municipalities'), value: <Municipalities names={currentNames(zone)} /> },
            { label: t('zones.col.associations'), value: <AssociationBadges zone={zone} today={today} /> },
          ],
        }))}
      />
      <Paper withBorder visibleFrom="sm">
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
              {zones.map((zone) => (
                <Table.Tr key={zone.id}>
                  <Table.Td className="num" style={{ textAlign: 'left' }}>
                    {zone.code}
                  </Table.Td>
                  <Table.Th scope="row" fw={600}>
                    <ZoneLink zone={zone} />
                  </Table.Th>
                  <Table.Td>{label('region', zone.region)}</Table.Td>
                  <Table.Td>
                    <Municipalities names={currentNames(zone)} />
                  </Table.Td>
                  <Table.Td>
                    <AssociationBadges zone={zone} today={today} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      </Paper>
    </>
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
            w={{ base: '100%', xs: 280 }}
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
