import { Group, Paper, ScrollArea, SimpleGrid, Stack, Table, Text } from '@mantine/core'
import { useMediaQuery } from '@mantine/hooks'
import type { ReactNode } from 'react'
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

/**
 * "Persoon Jan Peeters" where the DPO may see the name (own zone), else "Persoon d404b88d" (full id on hover);
 * "12 personen" for an event about a whole page of people.
 */
function ObjectCell({ event: e }: { event: AuditEvent }) {
  const { t, label } = useI18n()
  const type = e.objectType ? label('auditObject', e.objectType) : null
  if (e.objectId)
    return (
      <Text fz="sm" style={{ overflowWrap: 'anywhere' }}>
        {type}{' '}
        {e.objectName ? (
          <abbr title={e.objectId} style={{ textDecoration: 'none' }}>
            {e.objectName}
          </abbr>
        ) : (
          <abbr
            title={e.objectId}
            style={{ textDecoration: 'none', fontFamily: 'var(--mantine-font-family-monospace)' }}
          >
            {shortId(e.objectId)}
          </abbr>
        )}
      </Text>
    )
  const people = countIn(e.details, 'personIds')
  if (people !== null) return <Text fz="sm">{t('audit.object.people', { n: people })}</Text>
  const events = countIn(e.details, 'eventIds')
  if (events !== null) return <Text fz="sm">{t('audit.object.events', { n: events })}</Text>
  return type ? <Text fz="sm">{type}</Text> : <Dash />
}

/** Every reason that allowed it (a person shared through two domains names both). */
function Domains({ event: e }: { event: AuditEvent }) {
  const { label } = useI18n()
  if (e.domains.length === 0) return <Dash />
  return (
    <Text fz="sm" style={{ overflowWrap: 'anywhere' }}>
      {e.domains.map((d) => label('domain', d)).join(', ')}
    </Text>
  )
}

function Action({ event: e }: { event: AuditEvent }) {
  const { label } = useI18n()
  const action = label('auditAction', e.action)
  return (
    <>
      <Text fz="sm" fw={500}>
        {action}
      </Text>
      {/* The code itself too, unless it is all there is (an action this version has no label for). */}
      {action !== e.action && (
        <Text fz="xs" c="dimmed" ff="monospace">
          {e.action}
        </Text>
      )}
    </>
  )
}

function Actor({ event: e }: { event: AuditEvent }) {
  const { t } = useI18n()
  return (
    <>
      <Text fz="sm" style={{ overflowWrap: 'anywhere' }}>
        {e.actorName ?? t('common.unknown')}
      </Text>
      {e.actorZoneCode && (
        <Text fz="xs" c="dimmed">
          {e.actorZoneCode}
        </Text>
      )}
    </>
  )
}

function Field({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" fz="xs" c="dimmed" fw={600}>
        {term}
      </Text>
      <dd style={{ margin: 0 }}>{children}</dd>
    </div>
  )
}

/** On a phone: one card per event, every field labelled, nothing wider than the screen. */
function AuditCards({ events, page }: { events: AuditEvent[]; page: number }) {
  const { t, f } = useI18n()
  return (
    <Stack component="ul" gap="sm" p={0} m={0} aria-label={t('audit.tableCaption', { page: String(page) })}>
      {events.map((e) => (
        <Paper component="li" key={e.id} withBorder p="sm" style={{ listStyle: 'none' }}>
          <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start" mb="xs">
            <div style={{ minWidth: 0 }}>
              <Action event={e} />
            </div>
            <Text fz="xs" c="dimmed" style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
              <time dateTime={e.at}>{f.dateTimeSeconds(e.at)}</time>
            </Text>
          </Group>
          <SimpleGrid component="dl" cols={2} spacing="xs" verticalSpacing="xs" m={0}>
            <Field term={t('audit.col.actor')}>
              <Actor event={e} />
            </Field>
            <Field term={t('audit.col.zone')}>
              <Text fz="sm">{e.zoneCode}</Text>
            </Field>
            <Field term={t('audit.col.object')}>
              <ObjectCell event={e} />
            </Field>
            <Field term={t('audit.col.domain')}>
              <Domains event={e} />
            </Field>
          </SimpleGrid>
        </Paper>
      ))}
    </Stack>
  )
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
  const { t, f } = useI18n()
  // A table where it fits beside the navigation (1200 px up); cards on a phone, a tablet or a narrow window.
  const wide = useMediaQuery('(min-width: 75em)', true, { getInitialValueInEffect: false })
  if (!wide) return <AuditCards events={events} page={page} />
  return (
    <ScrollArea type="auto">
      <Table miw={880} verticalSpacing="sm" layout="fixed">
        <Table.Caption className="visually-hidden">{t('audit.tableCaption', { page: String(page) })}</Table.Caption>
        <colgroup>
          <col style={{ width: '17%' }} />
          <col style={{ width: '11%' }} />
          <col style={{ width: '20%' }} />
          <col style={{ width: '15%' }} />
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
          {events.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td fz="sm" style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                <time dateTime={e.at}>{f.dateTimeSeconds(e.at)}</time>
              </Table.Td>
              <Table.Td>
                <Text fz="sm" fw={500}>
                  {e.zoneCode}
                </Text>
                {zoneNames.has(e.zoneId) && (
                  <Text fz="xs" c="dimmed" style={{ overflowWrap: 'break-word' }}>
                    {/* "Beringen/Ham/Tessenderlo" may break after a slash, never inside a name. */}
                    {zoneNames.get(e.zoneId)?.replaceAll('/', '/\u200b')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Action event={e} />
              </Table.Td>
              <Table.Td>
                <Actor event={e} />
              </Table.Td>
              <Table.Td>
                <ObjectCell event={e} />
              </Table.Td>
              <Table.Td>
                <Domains event={e} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  )
}
