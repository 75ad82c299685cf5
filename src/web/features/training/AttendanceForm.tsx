// Attendance and results for the trainer (issue 11): per enrolled person present / absent / excused and, when
// present, passed / failed; one save for all. Big touch targets (segmented controls, full width on a phone).
import { Alert, Button, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { QueryView } from '../../components/QueryState.tsx'
import { useNotify } from '../../components/useNotify.ts'
import { errorMessage } from '../../i18n/errorMessage.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { useEnrolments, useRecordAttendance, type AttendanceEntry, type Enrolment } from './enrolments-api.ts'
import { useEnrolmentText } from './EnrolmentText.ts'

type Attendance = AttendanceEntry['attendance']
type Result = NonNullable<AttendanceEntry['result']>
const ATTENDANCE: Attendance[] = ['present', 'absent', 'excused']
const RESULTS: Result[] = ['passed', 'failed']

interface Row {
  attendance: Attendance | null
  result: Result | null
}

function Form({ sessionId, enrolled }: { sessionId: string; enrolled: Enrolment[] }) {
  const { t } = useI18n()
  const text = useEnrolmentText()
  const notify = useNotify()
  const record = useRecordAttendance(sessionId)
  const [rows, setRows] = useState<Record<string, Row>>(() =>
    Object.fromEntries(enrolled.map((e) => [e.id, { attendance: e.attendance, result: e.result }])),
  )
  const set = (id: string, row: Partial<Row>) =>
    setRows((r) => {
      const next = { ...r[id]!, ...row }
      if (next.attendance !== 'present') next.result = null
      return { ...r, [id]: next }
    })
  const entries: AttendanceEntry[] = enrolled.flatMap((e) => {
    const row = rows[e.id]
    return row?.attendance ? [{ enrolmentId: e.id, attendance: row.attendance, result: row.result }] : []
  })
  return (
    <Stack gap="md">
      {enrolled.map((e) => {
        const row = rows[e.id] ?? { attendance: null, result: null }
        return (
          <Paper key={e.id} withBorder p="sm" data-testid={`attendance-${e.person.id}`}>
            <Stack gap="xs">
              <Text fw={650} className="wrap-words">
                {e.person.name}{' '}
                <Text span c="dimmed" fz="sm">
                  · {e.person.zone.name}
                </Text>
              </Text>
              <SegmentedControl
                fullWidth
                size="md"
                aria-label={t('training.enrol.attendance.of', { name: e.person.name })}
                value={row.attendance ?? ''}
                onChange={(v) => set(e.id, { attendance: v as Attendance })}
                data={ATTENDANCE.map((a) => ({ value: a, label: text.attendance(a) }))}
              />
              {row.attendance === 'present' && (
                <SegmentedControl
                  fullWidth
                  size="md"
                  aria-label={t('training.enrol.attendance.resultOf', { name: e.person.name })}
                  value={row.result ?? ''}
                  onChange={(v) => set(e.id, { result: v as Result })}
                  data={RESULTS.map((r) => ({ value: r, label: text.result(r) }))}
                />
              )}
            </Stack>
          </Paper>
        )
      })}
      <Button
        size="lg"
        disabled={entries.length === 0}
        loading={record.isPending}
        onClick={() =>
          record.mutate(entries, { onSuccess: () => notify.success(t('training.enrol.attendance.saved')) })
        }
      >
        {t('training.enrol.attendance.save')}
      </Button>
      {record.isError && (
        <Alert color="red" variant="light" role="alert">
          {errorMessage(record.error, t)}
        </Alert>
      )}
    </Stack>
  )
}

export function AttendanceForm({ sessionId }: { sessionId: string }) {
  const { t } = useI18n()
  const query = useEnrolments(sessionId)
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="session-attendance">
      <Title order={2} fz="lg" mb="sm" id="session-attendance">
        {t('training.enrol.attendance.title')}
      </Title>
      <QueryView query={query}>
        {(d) => {
          const enrolled = d.enrolments.filter((e) => e.status === 'enrolled')
          return enrolled.length === 0 ? (
            <Text c="dimmed">{t('training.enrol.attendance.nobody')}</Text>
          ) : (
            <Form key={enrolled.map((e) => e.id).join()} sessionId={sessionId} enrolled={enrolled} />
          )
        }}
      </QueryView>
    </Paper>
  )
}
