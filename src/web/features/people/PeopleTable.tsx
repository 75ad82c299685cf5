import { Anchor, Badge, Box, Group, ScrollArea, Stack, Table, Text } from '@mantine/core'
import type { Person } from '../../api/types.ts'
import { Breakable } from '../../components/Breakable.tsx'
import { CardList } from '../../components/CardList.tsx'
import { useI18n } from '../../i18n/I18nProvider.tsx'

function PartnerBadge({ person: p }: { person: Person }) {
  const { t, label } = useI18n()
  if (p.visibility !== 'partner') return null
  return (
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
  )
}

function Phone({ phone }: { phone: string | null | undefined }) {
  if (!phone) return <>—</>
  return (
    <Anchor href={`tel:${phone.replace(/\s/g, '')}`} fz="sm" style={{ whiteSpace: 'nowrap' }}>
      {phone}
    </Anchor>
  )
}

function NameCell({ person: p }: { person: Person }) {
  return (
    <Stack gap={4}>
      <Text fw={600} fz="sm">
        {p.lastName}, {p.firstName}
      </Text>
      <PartnerBadge person={p} />
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
        <Anchor href={`mailto:${p.workEmail}`} fz="xs">
          <Breakable text={p.workEmail} />
        </Anchor>
      )}
      {p.fte !== undefined && <Text fz="xs">{t('people.fte', { fte: f.fte(p.fte) })}</Text>}
    </Stack>
  )
}

const rankOf = (p: Person, label: (family: 'rank' | 'calogLevel', code: string) => string): string =>
  p.rank ? label('rank', p.rank) : p.calogLevel ? label('calogLevel', p.calogLevel) : '—'

/** On a phone, one card per person: name, phone first (what the list is used for), then the rest. */
function PeopleCards({ people, page }: { people: Person[]; page: number }) {
  const { t, label } = useI18n()
  return (
    <CardList
      inset
      label={t('people.tableCaption', { page: String(page) })}
      items={people.map((p) => ({
        key: p.id,
        title: `${p.lastName}, ${p.firstName}`,
        subtitle: <PartnerBadge person={p} />,
        fields: [
          { label: t('people.col.phone'), value: <Phone phone={p.workPhone} /> },
          {
            label: t('people.col.zone'),
            value: (
              <>
                {p.zoneCode} <Breakable text={p.zoneName} />
              </>
            ),
          },
          { label: t('people.col.rank'), value: rankOf(p, label) },
          ...(p.qualifications.length > 0
            ? [{ label: t('people.col.qualifications'), value: <QualificationBadges codes={p.qualifications} /> }]
            : []),
          ...(p.visibility === 'own' ? [{ label: t('people.col.details'), value: <DetailsCell person={p} /> }] : []),
        ],
      }))}
    />
  )
}

export function PeopleTable({ people, page }: { people: Person[]; page: number }) {
  const { t, label } = useI18n()
  return (
    <>
      <PeopleCards people={people} page={page} />
      {/* The columns size to their content: names, zones and e-mail addresses wrap only between words. */}
      <Box visibleFrom="sm">
        <ScrollArea type="auto">
          <Table verticalSpacing="sm">
            <Table.Caption className="visually-hidden">
              {t('people.tableCaption', { page: String(page) })}
            </Table.Caption>
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
                  <Table.Td miw={140}>
                    <NameCell person={p} />
                  </Table.Td>
                  <Table.Td miw={110}>
                    <Text fz="sm" fw={500}>
                      {p.zoneCode}
                    </Text>
                    <Text fz="xs" c="dimmed">
                      <Breakable text={p.zoneName} />
                    </Text>
                  </Table.Td>
                  <Table.Td fz="sm">{rankOf(p, label)}</Table.Td>
                  <Table.Td fz="sm">
                    <Phone phone={p.workPhone} />
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
      </Box>
    </>
  )
}
