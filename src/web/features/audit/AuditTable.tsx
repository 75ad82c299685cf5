import { ScrollArea, Table, Text } from '@mantine/core'
import type { AuditEvent } from '../../api/types.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { countIn, shortId } from './filters.ts'

function Dash() {
  return (
    <Text fz="sm" c="dimmed">
      —
    </Text>
  )
}

/** "Persoon d404b88d" (full id on hover), or "12 personen" for an event about a whole page of people. */
function ObjectCell({ event: e }: { event: AuditEvent }) {
  const { t, label } = useI18n()
  const type = e.objectType ? label('auditObject', e.objectType) : null
  if (e.objectId)
    return (
      <Text fz="sm">
        {type}{' '}
        <abbr title={e.objectId} style={{ textDecoration: 'none', fontFamily: 'var(--mantine-font-family-monospace)' }}>
          {shortId(e.objectId)}
        </abbr>
      </Text>
    )
  const people = countIn(e.details, 'personIds')
  if (people !== null) return <Text fz="sm">{t('audit.object.people', { n: people })}</Text>
  const events = countIn(e.details, 'eventIds')
  if (events !== null) return <Text fz="sm">{t('audit.object.events', { n: events })}</Text>
  return type ? <Text fz="sm">{type}</Text> : <Dash />
}

export function AuditTable({
  events,
  page,
  zoneNames,
}: {
  events: AuditEvent[]
  page: number
  zoneNames: ReadonlyMap<string, string>
}) {
  const { t, label, f } = useI18n()
  return (
    <ScrollArea type="auto">
      <Table miw={960} verticalSpacing="sm" layout="fixed">
        <Table.Caption className="visually-hidden">{t('audit.tableCaption', { page: String(page) })}</Table.Caption>
        <colgroup>
          <col style={{ width: '15%' }} />
          <col style={{ width: '11%' }} />
          <col style={{ width: '21%' }} />
          <col style={{ width: '16%' }} />
          <col style={{ width: '17%' }} />
          <col style={{ width: '20%' }} />
        </colgroup>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('audit.col.time')}</Table.Th>
            <Table.Th scope="col">{t('audit.col.zone')}</Table.Th>
            <Table.Th scope="col">{t('audit.col.action')}</Table.Th>
            <Table.Th scope="col">{t('audit.col.actor')}</Table.Th>
            <Table.Th scope="col">{t('audit.col.object')}</Table.Th>
            <Table.Th scope="col">{t('audit.col.domain')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((e) => {
            const action = label('auditAction', e.action)
            return (
              <Table.Tr key={e.id}>
                <Table.Td fz="sm" style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                  <time dateTime={e.at}>{f.dateTimeSeconds(e.at)}</time>
                </Table.Td>
                <Table.Td>
                  <Text fz="sm" fw={500}>
                    {e.zoneCode}
                  </Text>
                  {zoneNames.has(e.zoneId) && (
                    <Text fz="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                      {zoneNames.get(e.zoneId)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text fz="sm" fw={500}>
                    {action}
                  </Text>
                  {/* The code itself too, unless it is all there is (an action this version has no label for). */}
                  {action !== e.action && (
                    <Text fz="xs" c="dimmed" ff="monospace">
                      {e.action}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text fz="sm">{e.actorName ?? t('common.unknown')}</Text>
                  {e.actorZoneCode && (
                    <Text fz="xs" c="dimmed">
                      {e.actorZoneCode}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <ObjectCell event={e} />
                </Table.Td>
                <Table.Td fz="sm">{e.domain ? label('domain', e.domain) : <Dash />}</Table.Td>
              </Table.Tr>
            )
          })}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  )
}
