// "Briefingitems" (/briefing/items): the own zone's items — current, upcoming, past — with how many of the
// addressed people confirmed, and "Nieuw item". Cards on a phone, a table from the sm breakpoint.
import { Anchor, Badge, Button, Group, Select, Table, Tabs, Text } from '@mantine/core'
import { useState } from 'react'
import { Link } from 'react-router'
import { useSignedInUser } from '../../auth/session.ts'
import { CardList } from '../../components/CardList.tsx'
import { IconPlus } from '../../components/icons.tsx'
import { PageHeader, usePageTitle } from '../../components/PageHeader.tsx'
import { EmptyState, QueryView } from '../../components/QueryState.tsx'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { BriefingSettings } from './BriefingSettings.tsx'
import { useBriefingItems, useLiveBriefing, type ItemListEntry, type ListState } from './briefing-api.ts'
import { CATEGORY_COLOR, PRIORITY_COLOR, useBriefingText, useMyZones } from './text.ts'

function Title({ entry }: { entry: ItemListEntry }) {
  const { t } = useI18n()
  const { item } = entry
  return (
    <Anchor component={Link} to={`/briefing/items/${item.id}`} fw={600} className="wrap-words">
      {item.title ?? t('briefing.lockedItem')}
    </Anchor>
  )
}

function ItemTable({ zoneId, state }: { zoneId: string; state: ListState }) {
  const { t } = useI18n()
  const text = useBriefingText()
  const query = useBriefingItems(zoneId, state)
  return (
    <QueryView
      query={query}
      isEmpty={(d) => d.items.length === 0}
      empty={<EmptyState description={t('briefing.items.empty')} />}
    >
      {(d) => (
        <>
          <CardList
            label={t('briefing.items.title')}
            items={d.items.map((e) => ({
              key: e.item.id,
              title: <Title entry={e} />,
              subtitle: (
                <Group gap={6} mt={4}>
                  <Badge color={CATEGORY_COLOR[e.item.category] ?? 'gray'} variant="light" c="dark.9">
                    {text.category(e.item.category)}
                  </Badge>
                  <Badge color={(PRIORITY_COLOR[e.item.priority] ?? 'gray').split('.')[0]} variant="light" c="dark.9">
                    {text.priority(e.item.priority)}
                  </Badge>
                </Group>
              ),
              fields: [
                {
                  label: t('briefing.items.validity'),
                  value: text.period({ from: e.item.validFrom, to: e.item.validTo }),
                },
                { label: t('briefing.items.reads'), value: `${e.reads.read} / ${e.reads.total}` },
              ],
            }))}
          />
          <Table visibleFrom="sm" striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('briefing.items.titleColumn')}</Table.Th>
                <Table.Th>{t('briefing.form.category')}</Table.Th>
                <Table.Th>{t('briefing.form.priority')}</Table.Th>
                <Table.Th>{t('briefing.items.validity')}</Table.Th>
                <Table.Th>{t('briefing.items.reads')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.items.map((e) => (
                <Table.Tr key={e.item.id}>
                  <Table.Td>
                    <Title entry={e} />
                    {e.item.withdrawnAt && (
                      <Badge ml="xs" color="gray" variant="outline">
                        {t('briefing.withdrawn')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={CATEGORY_COLOR[e.item.category] ?? 'gray'} variant="light" c="dark.9">
                      {text.category(e.item.category)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={(PRIORITY_COLOR[e.item.priority] ?? 'gray').split('.')[0]} variant="light" c="dark.9">
                      {text.priority(e.item.priority)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text fz="sm">{text.period({ from: e.item.validFrom, to: e.item.validTo })}</Text>
                  </Table.Td>
                  <Table.Td>
                    {e.reads.read} / {e.reads.total}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </QueryView>
  )
}

export function BriefingItemsPage() {
  const { t } = useI18n()
  usePageTitle(t('briefing.items.title'))
  useLiveBriefing()
  const zones = useMyZones()
  const [zoneId, setZoneId] = useState<string | null>(zones[0]?.id ?? null)
  // The zone's shift times and retention: its korpschef sets them (the API decides; the button follows the role).
  const me = useSignedInUser()
  const korpschef = me.roles.some((r) => r.role === 'korpschef' && r.zoneId === zoneId)
  const [settingsOpen, setSettingsOpen] = useState(false)
  return (
    <>
      <PageHeader
        title={t('briefing.items.title')}
        description={t('briefing.items.description')}
        actions={
          <Group gap="xs">
            {korpschef && (
              <Button variant="default" onClick={() => setSettingsOpen(true)}>
                {t('briefing.settings.button')}
              </Button>
            )}
            <Button
              component={Link}
              to={`/briefing/items/new${zoneId ? `?zone=${zoneId}` : ''}`}
              leftSection={<IconPlus />}
            >
              {t('briefing.items.new')}
            </Button>
          </Group>
        }
      />
      {zoneId && korpschef && (
        <BriefingSettings zoneId={zoneId} opened={settingsOpen} onClose={() => setSettingsOpen(false)} />
      )}
      {zones.length > 1 && (
        <Select
          label={t('briefing.zone')}
          data={zones.map((z) => ({ value: z.id, label: z.name }))}
          value={zoneId}
          onChange={setZoneId}
          allowDeselect={false}
          mb="md"
          w={{ base: '100%', sm: 260 }}
        />
      )}
      {zoneId && (
        <Tabs defaultValue="current" keepMounted={false}>
          <Tabs.List mb="md">
            {(['current', 'upcoming', 'past'] as const).map((s) => (
              <Tabs.Tab key={s} value={s}>
                {t(`briefing.items.tab.${s}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {(['current', 'upcoming', 'past'] as const).map((s) => (
            <Tabs.Panel key={s} value={s}>
              <ItemTable zoneId={zoneId} state={s} />
            </Tabs.Panel>
          ))}
        </Tabs>
      )}
    </>
  )
}
