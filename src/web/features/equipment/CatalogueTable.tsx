// The catalogue's results: a table from the `sm` breakpoint, cards on phones (nothing hides off screen). During an
// availability search, an available asset has a checkbox: the selection is booked together.
import { Anchor, Checkbox, Group, Paper, Stack, Table, Text } from '@mantine/core'
import { Link } from 'react-router'
import { CardList } from '../../components/CardList.tsx'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { AvailabilityBadge, StatusBadge, useAssetLabels, ValidityBadges } from './AssetBadges.tsx'
import type { AssetSummary } from './assets-api.ts'

interface Props {
  items: AssetSummary[]
  ownZoneIds: ReadonlySet<string>
  searching: boolean
  selected: ReadonlySet<string>
  onToggle: (id: string) => void
}

function ZoneText({ asset, own }: { asset: AssetSummary; own: boolean }) {
  const { t } = useI18n()
  return (
    <Text fz="sm">
      {asset.zone.name}
      {own && (
        <Text span fz="xs" c="dimmed">
          {' '}
          ({t('equipment.ownZone')})
        </Text>
      )}
    </Text>
  )
}

function NameCell({ asset }: { asset: AssetSummary }) {
  const { t } = useI18n()
  return (
    <Stack gap={0}>
      <Anchor component={Link} to={`/equipment/assets/${asset.id}`} fw={600} className="wrap-words">
        {asset.name}
      </Anchor>
      <Text fz="xs" c="dimmed" className="wrap-words">
        {asset.identifier}
        {asset.location ? ` · ${asset.location}` : ''}
        {!asset.lendable ? ` · ${t('equipment.notLendable')}` : ''}
      </Text>
    </Stack>
  )
}

function SelectBox({ asset, selected, onToggle }: { asset: AssetSummary } & Pick<Props, 'selected' | 'onToggle'>) {
  const { t } = useI18n()
  if (!asset.availability?.available) return null
  return (
    <Checkbox
      aria-label={t('equipment.select', { name: asset.name })}
      checked={selected.has(asset.id)}
      onChange={() => onToggle(asset.id)}
    />
  )
}

export function CatalogueTable({ items, ownZoneIds, searching, selected, onToggle }: Props) {
  const { t } = useI18n()
  const labels = useAssetLabels()
  return (
    <>
      <Paper withBorder visibleFrom="sm">
        <Table fz="sm" verticalSpacing="xs" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              {searching && (
                <Table.Th w={40}>{<span className="visually-hidden">{t('equipment.book')}</span>}</Table.Th>
              )}
              <Table.Th>{t('equipment.col.name')}</Table.Th>
              <Table.Th>{t('equipment.col.kind')}</Table.Th>
              <Table.Th>{t('equipment.col.zone')}</Table.Th>
              <Table.Th>{t('equipment.col.status')}</Table.Th>
              <Table.Th>{t('equipment.col.validity')}</Table.Th>
              {searching && <Table.Th>{t('equipment.col.availability')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((asset) => (
              <Table.Tr key={asset.id}>
                {searching && (
                  <Table.Td>
                    <SelectBox asset={asset} selected={selected} onToggle={onToggle} />
                  </Table.Td>
                )}
                <Table.Td>
                  <NameCell asset={asset} />
                </Table.Td>
                <Table.Td>{labels.kind(asset.kind)}</Table.Td>
                <Table.Td>
                  <ZoneText asset={asset} own={ownZoneIds.has(asset.zone.id)} />
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={asset.status} />
                </Table.Td>
                <Table.Td>
                  <ValidityBadges validities={asset.validities} />
                </Table.Td>
                {searching && (
                  <Table.Td>{asset.availability && <AvailabilityBadge availability={asset.availability} />}</Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <CardList
        label={t('equipment.title')}
        items={items.map((asset) => ({
          key: asset.id,
          title: (
            <Group gap="sm" wrap="nowrap" align="flex-start" component="span">
              {searching && <SelectBox asset={asset} selected={selected} onToggle={onToggle} />}
              <NameCell asset={asset} />
            </Group>
          ),
          fields: [
            { label: t('equipment.col.kind'), value: labels.kind(asset.kind) },
            { label: t('equipment.col.zone'), value: <ZoneText asset={asset} own={ownZoneIds.has(asset.zone.id)} /> },
            { label: t('equipment.col.status'), value: <StatusBadge status={asset.status} /> },
            { label: t('equipment.col.validity'), value: <ValidityBadges validities={asset.validities} /> },
            ...(searching && asset.availability
              ? [
                  {
                    label: t('equipment.col.availability'),
                    value: <AvailabilityBadge availability={asset.availability} />,
                  },
                ]
              : []),
          ],
        }))}
      />
    </>
  )
}
