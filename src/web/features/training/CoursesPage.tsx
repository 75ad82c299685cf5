// "Opleidingscatalogus" (/training/courses): the association's courses (cards on a phone, a table on a desktop);
// trainers, korpschefs and the association's admin add and change them in a modal.
import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  Paper,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core'
import { useMediaQuery } from '@mantine/hooks'
import { useState, type FormEvent } from 'react'
import { COURSE_KINDS, QUALIFICATION_CODES } from '../../../server/platform/enums.ts'
import { useSignedInUser } from '../../auth/session.ts'
import { BackLink } from '../../components/BackLink.tsx'
import { PageHeader, usePageTitle } from '../../components/PageHeader.tsx'
import { EmptyState, QueryView } from '../../components/QueryState.tsx'
import { errorMessage } from '../../i18n/errorMessage.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { useCourses, useSaveCourse, type Course, type CourseCreate } from './courses-api.ts'

type Kind = (typeof COURSE_KINDS)[number]
type Qualification = (typeof QUALIFICATION_CODES)[number]

function CourseModal({ course, onClose }: { course: Course | null; onClose: () => void }) {
  const { t, label } = useI18n()
  const save = useSaveCourse()
  const [code, setCode] = useState(course?.code ?? '')
  const [kind, setKind] = useState<Kind>(course?.kind ?? 'gpi48_training')
  const [title, setTitle] = useState(course?.title ?? '')
  const [description, setDescription] = useState(course?.description ?? '')
  const [duration, setDuration] = useState<number>(course?.durationMinutes ?? 120)
  const [qualification, setQualification] = useState<string | null>(course?.qualificationCode ?? null)
  const [months, setMonths] = useState<number | ''>(course?.qualificationMonths ?? '')
  const [active, setActive] = useState(course?.active ?? true)

  async function submit(e: FormEvent) {
    e.preventDefault()
    const body: CourseCreate & { active?: boolean } = {
      code: code.trim().toUpperCase(),
      kind,
      title: title.trim(),
      description: description.trim() || null,
      durationMinutes: duration,
      qualificationCode: (qualification as Qualification | null) ?? null,
      qualificationMonths: months === '' ? null : months,
      ...(course ? { active } : {}),
    }
    try {
      await save.mutateAsync({ id: course?.id ?? null, body })
      onClose()
    } catch {
      // Shown below from the mutation's error.
    }
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title={t(course ? 'training.courses.edit' : 'training.courses.new')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t('training.courses.code')}
            description={t('training.courses.codeHelp')}
            required
            maxLength={20}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
          />
          <Select
            label={t('training.courses.kind')}
            required
            allowDeselect={false}
            value={kind}
            onChange={(v) => {
              const k = COURSE_KINDS.find((x) => x === v)
              if (k) setKind(k)
            }}
            data={COURSE_KINDS.map((k) => ({ value: k, label: t(`training.kind.${k}`) }))}
          />
          <TextInput
            label={t('training.courses.titleField')}
            required
            maxLength={200}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
          />
          <Textarea
            label={t('training.courses.descriptionField')}
            autosize
            minRows={2}
            maxLength={4000}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
          />
          <NumberInput
            label={t('training.courses.duration')}
            required
            min={15}
            max={2880}
            allowDecimal={false}
            value={duration}
            onChange={(v) => setDuration(typeof v === 'number' ? v : Number(v) || 0)}
          />
          <Select
            label={t('training.courses.qualification')}
            clearable
            value={qualification}
            onChange={setQualification}
            data={QUALIFICATION_CODES.map((q) => ({ value: q, label: label('qualification', q) }))}
          />
          <NumberInput
            label={t('training.courses.months')}
            min={1}
            max={120}
            allowDecimal={false}
            value={months}
            onChange={(v) => setMonths(v === '' ? '' : Number(v))}
          />
          {course && (
            <Switch
              label={t('training.courses.active')}
              checked={active}
              onChange={(e) => setActive(e.currentTarget.checked)}
            />
          )}
          {save.isError && (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(save.error, t)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('training.cancelButton')}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={code.trim() === '' || title.trim() === ''}>
              {t('training.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}

export function CoursesPage() {
  const { t, label } = useI18n()
  usePageTitle(t('training.courses.title'))
  const me = useSignedInUser()
  const query = useCourses()
  const wide = useMediaQuery('(min-width: 48em)')
  const [editing, setEditing] = useState<Course | 'new' | null>(null)
  const manages = me.roles.some((r) => ['trainer', 'korpschef', 'admin'].includes(r.role))
  const qualificationOf = (c: Course) =>
    c.qualificationCode
      ? `${label('qualification', c.qualificationCode)}${c.qualificationMonths ? ` · ${t('training.courses.monthsShort', { months: c.qualificationMonths })}` : ''}`
      : '—'
  const edit = (c: Course) =>
    manages && (
      <Button
        size="xs"
        variant="subtle"
        onClick={() => setEditing(c)}
        aria-label={t('training.courses.editOf', { code: c.code })}
      >
        {t('training.courses.edit')}
      </Button>
    )
  return (
    <>
      <BackLink to="/training" label={t('training.title')} />
      <PageHeader
        title={t('training.courses.title')}
        description={t('training.courses.description')}
        actions={manages && <Button onClick={() => setEditing('new')}>{t('training.courses.new')}</Button>}
      />
      <QueryView
        query={query}
        isEmpty={(d) => d.courses.length === 0}
        empty={<EmptyState description={t('training.courses.empty')} />}
      >
        {(d) =>
          wide ? (
            <Table striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('training.courses.code')}</Table.Th>
                  <Table.Th>{t('training.courses.titleField')}</Table.Th>
                  <Table.Th>{t('training.courses.kind')}</Table.Th>
                  <Table.Th>{t('training.courses.duration')}</Table.Th>
                  <Table.Th>{t('training.courses.qualification')}</Table.Th>
                  <Table.Th>{t('training.courses.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.courses.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>
                      {c.code} {!c.active && <Badge color="gray">{t('training.courses.inactive')}</Badge>}
                    </Table.Td>
                    <Table.Td className="wrap-words">{c.title}</Table.Td>
                    <Table.Td>{t(`training.kind.${c.kind}`)}</Table.Td>
                    <Table.Td>{t('training.courses.minutes', { minutes: c.durationMinutes })}</Table.Td>
                    <Table.Td>{qualificationOf(c)}</Table.Td>
                    <Table.Td>{edit(c)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : (
            <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
              {d.courses.map((c) => (
                <Paper key={c.id} withBorder p="sm" component="li">
                  <Stack gap={4}>
                    <Group justify="space-between" wrap="wrap" gap="xs">
                      <Text fw={600} className="wrap-words">
                        {c.code} – {c.title}
                      </Text>
                      {!c.active && <Badge color="gray">{t('training.courses.inactive')}</Badge>}
                    </Group>
                    <Text fz="sm">
                      {t(`training.kind.${c.kind}`)} · {t('training.courses.minutes', { minutes: c.durationMinutes })}
                    </Text>
                    <Text fz="sm" c="dimmed">
                      {qualificationOf(c)}
                    </Text>
                    {edit(c)}
                  </Stack>
                </Paper>
              ))}
            </Stack>
          )
        }
      </QueryView>
      {editing && <CourseModal course={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  )
}
