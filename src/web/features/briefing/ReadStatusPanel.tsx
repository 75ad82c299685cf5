// Who has read an item (the author zone's writers): the own zone's addressed people by name, read or not read,
// and a partner zone's as counts (no names of another zone's people).
import { Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { QueryView } from '../../components/QueryState.tsx'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { useReadStatus } from './briefing-api.ts'

export function ReadStatusPanel({ id }: { id: string }) {
  const { t, f } = useI18n()
  const query = useReadStatus(id, true)
  return (
    <Paper withBorder p="md" mt="lg">
      <Title order={2} fz="lg" mb="sm">
        {t('briefing.reads.title')}
      </Title>
      <QueryView query={query}>
        {(s) => (
          <Stack>
            {s.own && (
              <>
                <Text fw={600}>
                  {s.own.zone.name}: {s.own.people.filter((p) => p.readAt).length} / {s.own.people.length}
                </Text>
                <Table>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('briefing.reads.name')}</Table.Th>
                      <Table.Th visibleFrom="sm">{t('briefing.team')}</Table.Th>
                      <Table.Th>{t('briefing.reads.status')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {s.own.people.map((p) => (
                      <Table.Tr key={p.personId} data-testid="read-row">
                        <Table.Td className="wrap-words">{p.name}</Table.Td>
                        <Table.Td visibleFrom="sm">{p.team ?? '—'}</Table.Td>
                        <Table.Td>
                          {p.readAt ? (
                            <Badge color="green" variant="light">
                              {t('briefing.reads.read', { at: f.dateTime(p.readAt) })}
                            </Badge>
                          ) : (
                            <Badge color="gray" variant="outline">
                              {t('briefing.reads.notRead')}
                            </Badge>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </>
            )}
            {s.partners.map((p) => (
              <Group key={p.zone.id} justify="space-between">
                <Text>{p.zone.name}</Text>
                <Text fw={600}>{t('briefing.reads.count', { read: p.read, total: p.total })}</Text>
              </Group>
            ))}
          </Stack>
        )}
      </QueryView>
    </Paper>
  )
}
