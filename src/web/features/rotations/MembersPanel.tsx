// Who stands in the rotation: every member with zone, rank and period; a planner adds eligible people of their
// own covered zone (the picker offers only those the rotation's rank and qualification rule admits) and ends
// a membership (after a last day; one that had not started is removed).
import { ActionIcon, Alert, Badge, Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useState, type FormEvent } from 'react'
import { useSignedInUser } from '../../auth/session.ts'
import { IconX } from '../../components/icons.tsx'
import { useNotify } from '../../components/useNotify.ts'
import { BelgianDateInput } from '../../components/BelgianDateInput.tsx'
import { errorMessage } from '../../i18n/errorMessage.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { usePeople } from '../people/api.ts'
import { isEligible } from '../../../server/features/permanences/domain/eligibility.ts'
import { useAddMember, useEndMember, type Member, type Rotation } from './api.ts'
import { personName, useEligibilityText } from './text.ts'

function AddMember({ rotation, zoneId, members }: { rotation: Rotation; zoneId: string; members: readonly Member[] }) {
  const { t, label } = useI18n()
  const notify = useNotify()
  const add = useAddMember(rotation.id)
  const [search, setSearch] = useState('')
  const [q] = useDebouncedValue(search, 250)
  const people = usePeople({ zoneId, q: q.trim() || undefined, limit: 100 })
  const [personId, setPersonId] = useState<string | null>(null)
  const [from, setFrom] = useState<string | null>(null)
  const current = new Set(members.filter((m) => m.to === null).map((m) => m.personId))
  const options = (people.data?.items ?? [])
    // The server's own rule; people of one's own zone come with all their qualifications.
    .filter((p) => isEligible(rotation.eligibility, { ...p, zoneId }) && !current.has(p.id))
    .map((p) => ({ value: p.id, label: `${personName(p)}${p.rank ? ` · ${label('rank', p.rank)}` : ''}` }))

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!personId) return
    add.mutate(
      { personId, ...(from ? { from } : {}) },
      {
        onSuccess: () => {
          notify.success(t('rotations.members.added'))
          setPersonId(null)
          setSearch('')
        },
      },
    )
  }
  return (
    <form onSubmit={submit} noValidate aria-label={t('rotations.members.add')}>
      <Stack gap="sm">
        <Title order={3} fz="h5">
          {t('rotations.members.add')}
        </Title>
        {add.isError && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(add.error, t)}
          </Alert>
        )}
        <Group align="flex-end" gap="sm" wrap="wrap">
          <Select
            label={t('rotations.members.person')}
            description={t('rotations.members.eligibleOnly')}
            searchable
            data={options}
            value={personId}
            onChange={setPersonId}
            searchValue={search}
            onSearchChange={setSearch}
            filter={({ options: all }) => all}
            nothingFoundMessage={people.isFetching ? t('app.loading') : t('rotations.members.noneEligible')}
            w={{ base: '100%', sm: 340 }}
          />
          <BelgianDateInput
            id="member-from"
            label={t('rotations.members.from')}
            value={from}
            onChange={setFrom}
            w={{ base: '100%', sm: 180 }}
            clearable
          />
          <Button type="submit" loading={add.isPending} disabled={!personId}>
            {t('rotations.members.addButton')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

export function MembersPanel({ rotation, members }: { rotation: Rotation; members: readonly Member[] }) {
  const { t, f, label } = useI18n()
  const notify = useNotify()
  const me = useSignedInUser()
  const end = useEndMember(rotation.id)
  const eligibilityText = useEligibilityText()
  const covered = new Set(rotation.zones.map((z) => z.zoneId))
  const ownZone =
    me.roles.find((r) => (r.role === 'planner' || r.role === 'korpschef') && r.zoneId && covered.has(r.zoneId))
      ?.zoneId ?? null
  const zoneCode = (id: string) => rotation.zones.find((z) => z.zoneId === id)?.code ?? ''
  const mayEnd = (m: Member) => rotation.canManage && m.zoneId === ownZone && m.to === null
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="members-title">
      <Stack gap="sm">
        <Title order={2} fz="h4" id="members-title">
          {t('rotations.members.title', { n: members.length })}
        </Title>
        <Text fz="sm" c="dimmed">
          {t('rotations.members.rule', { rule: eligibilityText(rotation.eligibility) })}
        </Text>
        {end.isError && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(end.error, t)}
          </Alert>
        )}
        {members.length === 0 ? (
          <Text fz="sm">{t('rotations.members.empty')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={480}>
            <Table striped aria-labelledby="members-title">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('rotations.members.name')}</Table.Th>
                  <Table.Th scope="col">{t('rotations.members.zone')}</Table.Th>
                  <Table.Th scope="col">{t('rotations.members.rank')}</Table.Th>
                  <Table.Th scope="col">{t('rotations.members.period')}</Table.Th>
                  <Table.Th scope="col">
                    <span className="visually-hidden">{t('rotations.members.actions')}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {members.map((m) => (
                  <Table.Tr key={m.id}>
                    <Table.Td>{personName(m)}</Table.Td>
                    <Table.Td>
                      <Badge variant="outline" color="gray">
                        {zoneCode(m.zoneId)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{m.rank ? label('rank', m.rank) : '—'}</Table.Td>
                    <Table.Td>
                      {m.to
                        ? `${f.date(m.from)} – ${f.date(m.to)}`
                        : t('rotations.members.since', { date: f.date(m.from) })}
                    </Table.Td>
                    <Table.Td>
                      {mayEnd(m) && (
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t('rotations.members.end', { name: personName(m) })}
                          loading={end.isPending && end.variables.memberId === m.id}
                          onClick={() =>
                            end.mutate(
                              { memberId: m.id },
                              { onSuccess: () => notify.success(t('rotations.members.ended')) },
                            )
                          }
                        >
                          <IconX size={18} />
                        </ActionIcon>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {rotation.canManage && ownZone && <AddMember rotation={rotation} zoneId={ownZone} members={members} />}
      </Stack>
    </Paper>
  )
}
