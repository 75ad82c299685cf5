import { Anchor, Badge, Group, ScrollArea, Stack, Table, Text } from '@mantine/core'
import type { Person } from '../../api/types.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'

function NameCell({ person: p }: { person: Person }) {
  const { t, label } = useI18n()
  return (
    <Stack gap={4}>
      <Text fw={600} fz="sm">
        {p.lastName}, {p.firstName}
      </Text>
      {p.visibility === 'partner' && (
        <>
          <Badge size="sm" color="grape" variant="light">
            {t('people.partner')}
          </Badge>
          {p.sharedVia.length > 0 && (
            <Text fz="xs" c="dimmed" lh={1.35}>
              {t('people.sharedVia', { domains: p.sharedVia.map((d) => label('domain', d)).join(', ') })}
            </Text>
          )}
        </>
      )}
    </Stack>
  )
}

function QualificationBadges({ codes }: { codes: string[] }) {
  const { label } = useI18n()
  return (
    <Group gap={4}>
      {codes.map((code) => {
        const full = label('qualification', code)
        const short = label('qualificationShort', code)
        return (
          <Badge key={code} size="sm" variant="light" color="navy" tt="none" fw={500}>
            {short === full ? (
              full
            ) : (
              <abbr title={full} style={{ textDecoration: 'none' }}>
                {short}
              </abbr>
            )}
          </Badge>
        )
      })}
    </Group>
  )
}

function DetailsCell({ person: p }: { person: Person }) {
  const { t, f } = useI18n()
  if (p.visibility !== 'own')
    return (
      <Text fz="sm" c="dimmed">
        —
      </Text>
    )
  return (
    <Stack gap={0}>
      {p.employeeNumber && <Text fz="xs">{t('people.employeeNumber', { number: p.employeeNumber })}</Text>}
      {p.workEmail && (
        <Anchor href={`mailto:${p.workEmail}`} fz="xs" style={{ overflowWrap: 'anywhere' }}>
          {p.workEmail}
        </Anchor>
      )}
      {p.fte !== undefined && <Text fz="xs">{t('people.fte', { fte: f.fte(p.fte) })}</Text>}
    </Stack>
  )
}

export function PeopleTable({ people, page }: { people: Person[]; page: number }) {
  const { t, label } = useI18n()
  return (
    <ScrollArea type="auto">
      <Table miw={900} verticalSpacing="sm" layout="fixed">
        <Table.Caption className="visually-hidden">{t('people.tableCaption', { page: String(page) })}</Table.Caption>
        <colgroup>
          <col style={{ width: '22%' }} />
          <col style={{ width: '14%' }} />
          <col style={{ width: '13%' }} />
          <col style={{ width: '14%' }} />
          <col style={{ width: '17%' }} />
          <col style={{ width: '20%' }} />
        </colgroup>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('people.col.name')}</Table.Th>
            <Table.Th scope="col">{t('people.col.zone')}</Table.Th>
            <Table.Th scope="col">{t('people.col.rank')}</Table.Th>
            <Table.Th scope="col">{t('people.col.phone')}</Table.Th>
            <Table.Th scope="col">{t('people.col.qualifications')}</Table.Th>
            <Table.Th scope="col">{t('people.col.details')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {people.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <NameCell person={p} />
              </Table.Td>
              <Table.Td>
                <Text fz="sm" fw={500}>
                  {p.zoneCode}
                </Text>
                <Text fz="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {p.zoneName}
                </Text>
              </Table.Td>
              <Table.Td fz="sm">
                {p.rank ? label('rank', p.rank) : p.calogLevel ? label('calogLevel', p.calogLevel) : '—'}
              </Table.Td>
              <Table.Td fz="sm" style={{ whiteSpace: 'nowrap' }}>
                {p.workPhone ? (
                  <Anchor href={`tel:${p.workPhone.replace(/\s/g, '')}`} fz="sm">
                    {p.workPhone}
                  </Anchor>
                ) : (
                  '—'
                )}
              </Table.Td>
              <Table.Td>
                <QualificationBadges codes={p.qualifications} />
              </Table.Td>
              <Table.Td>
                <DetailsCell person={p} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  )
}
