// The draft before it is published: slots the solver could not fill with the rules that blocked them, and the
// diff against the duties in force (past and pinned slots are never changed). "Publiceren" asks first.
import { Alert, Badge, Button, Group, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useNotify } from '../../components/useNotify.ts'
import { errorMessage } from '../../i18n/errorMessage.ts'
import { hasKey } from '../../i18n/translate.ts'
import { nl } from '../../i18n/nl.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { brusselsDate } from '../availability/periods.ts'
import { usePublish, type Draft, type Member, type Rotation } from './api.ts'
import { changeKind, type ChangeKind } from './calendar.ts'
import { personName, usePeriodText } from './text.ts'

const KIND_COLOR: Record<ChangeKind, string> = { added: 'green', removed: 'red', changed: 'blue' }
const SHOWN = 40

export function DraftReview({
  rotation,
  draft,
  members,
  onPublished,
}: {
  rotation: Rotation
  draft: Draft
  members: readonly Member[]
  onPublished: () => void
}) {
  const { t, f } = useI18n()
  const notify = useNotify()
  const period = usePeriodText()
  const publish = usePublish(rotation.id)
  const [confirming, setConfirming] = useState(false)
  const [all, setAll] = useState(false)

  const slotOf = new Map(draft.slots.map((s) => [`${s.slotKey}#${s.position}`, s]))
  const periodOf = new Map(draft.slots.map((s) => [s.slotKey, s]))
  const names = new Map<string, string>()
  for (const m of members)
    names.set(m.personId, `${personName(m)} (${rotation.zones.find((z) => z.zoneId === m.zoneId)?.code ?? ''})`)
  for (const s of draft.slots)
    if (s.person) names.set(s.person.personId, `${personName(s.person)} (${s.person.zoneCode})`)
  const nameOf = (id: string | null) => (id === null ? '—' : (names.get(id) ?? t('common.unknown')))
  const ruleText = (rule: string) => {
    const key = `rotations.rule.${rule}`
    return hasKey(nl, key) ? t(key) : rule
  }
  const filled = draft.slots.filter((s) => s.person !== null).length
  const pinned = new Set(draft.slots.filter((s) => s.pinned).map((s) => s.slotKey)).size
  const diff = all ? draft.diff : draft.diff.slice(0, SHOWN)

  const confirm = () =>
    publish.mutate(draft.versionId, {
      onSuccess: (result) => {
        setConfirming(false)
        notify.success(t('rotations.draft.published', { n: result.inserted }))
        onPublished()
      },
    })

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="draft-title">
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} fz="h4" id="draft-title">
            {t('rotations.draft.title', { version: draft.version })}
          </Title>
          <Button onClick={() => setConfirming(true)}>{t('rotations.draft.publish')}</Button>
        </Group>
        <Text fz="sm">
          {t('rotations.draft.summary', {
            from: f.date(draft.from),
            to: f.date(brusselsDate(new Date(Date.parse(draft.to) - 1).toISOString())), // `to` is exclusive
            filled,
            total: draft.slots.length,
            changes: draft.diff.length,
          })}
        </Text>
        <Text fz="sm" c="dimmed">
          {t('rotations.draft.untouched', { n: pinned })}
        </Text>

        <section aria-labelledby="unfilled-title">
          <Title order={3} fz="h5" id="unfilled-title" mb={4}>
            {t('rotations.draft.unfilledTitle', { n: draft.unfilled.length })}
          </Title>
          {draft.unfilled.length === 0 ? (
            <Text fz="sm">{t('rotations.draft.allFilled')}</Text>
          ) : (
            <Stack component="ul" gap={4} p={0} m={0} style={{ listStyle: 'none' }}>
              {draft.unfilled.map((u) => {
                const slot = periodOf.get(u.slotId)
                return (
                  <Alert key={u.slotId} component="li" color="orange" variant="light" p="xs">
                    <Text fz="sm" fw={600}>
                      {slot ? period(slot.from, slot.until) : u.slotId} ·{' '}
                      {t('rotations.draft.missing', { n: u.missing })}
                    </Text>
                    <Text fz="sm">
                      {u.blockedBy.length === 0
                        ? t('rotations.draft.noCandidates')
                        : u.blockedBy
                            .map((b) => `${ruleText(b.rule)} (${t('rotations.draft.people', { n: b.people })})`)
                            .join(' · ')}
                    </Text>
                  </Alert>
                )
              })}
            </Stack>
          )}
        </section>

        <section aria-labelledby="diff-title">
          <Title order={3} fz="h5" id="diff-title" mb={4}>
            {t('rotations.draft.diffTitle', { n: draft.diff.length })}
          </Title>
          {draft.diff.length === 0 ? (
            <Text fz="sm">{t('rotations.draft.noChanges')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={560}>
              <Table striped withTableBorder aria-labelledby="diff-title">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('rotations.draft.slot')}</Table.Th>
                    <Table.Th scope="col">{t('rotations.draft.change')}</Table.Th>
                    <Table.Th scope="col">{t('rotations.draft.before')}</Table.Th>
                    <Table.Th scope="col">{t('rotations.draft.after')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {diff.map((d) => {
                    const slot = slotOf.get(`${d.slotKey}#${d.position}`)
                    const kind = changeKind(d.before, d.after)
                    return (
                      <Table.Tr key={`${d.slotKey}#${d.position}`} data-slot={d.slotKey}>
                        <Table.Td>
                          {slot ? period(slot.from, slot.until) : d.slotKey}
                          {rotation.peoplePerSlot > 1 ? ` · ${t('rotations.draft.position', { n: d.position })}` : ''}
                        </Table.Td>
                        <Table.Td>
                          <Badge color={KIND_COLOR[kind]} variant="light">
                            {t(`rotations.draft.kind.${kind}`)}
                          </Badge>
                        </Table.Td>
                        <Table.Td>{nameOf(d.before)}</Table.Td>
                        <Table.Td>{nameOf(d.after)}</Table.Td>
                      </Table.Tr>
                    )
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {!all && draft.diff.length > SHOWN && (
            <Button variant="subtle" size="xs" mt="xs" onClick={() => setAll(true)}>
              {t('rotations.draft.showAll', { n: draft.diff.length })}
            </Button>
          )}
        </section>
      </Stack>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('rotations.draft.confirmTitle')}>
        <Stack gap="sm">
          <Text fz="sm">{t('rotations.draft.confirmBody', { n: draft.diff.length })}</Text>
          {publish.isError && (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(publish.error, t)}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button loading={publish.isPending} onClick={confirm}>
              {t('rotations.draft.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  )
}
