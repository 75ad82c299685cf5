// "Rooster berekenen": a period typed dd/mm/jjjj, the solve started (202), its progress from the live events,
// then the draft to review and publish.
import { Alert, Button, Group, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useState, type FormEvent } from 'react'
import { BelgianDateInput } from '../../components/BelgianDateInput.tsx'
import { errorMessage } from '../../i18n/errorMessage.ts'
import { todayInBrussels } from '../../i18n/format.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { brusselsDate } from '../availability/periods.ts'
import { useGenerate, useRosterProgress, type Draft, type Member, type Rotation } from './api.ts'
import { DraftReview } from './DraftReview.tsx'

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)

/** The day after the roster in force ends (or tomorrow), and eight weeks from there. */
function defaultPeriod(rotation: Rotation): { from: string; to: string } {
  const tomorrow = addDays(todayInBrussels(), 1)
  const after = rotation.publishedUntil ? brusselsDate(rotation.publishedUntil) : tomorrow
  const from = after > tomorrow ? after : tomorrow
  return { from, to: addDays(from, 55) }
}

export function GeneratePanel({
  rotation,
  draft,
  members,
  onPublished,
}: {
  rotation: Rotation
  draft: Draft | null
  members: readonly Member[]
  onPublished: () => void
}) {
  const { t } = useI18n()
  const generate = useGenerate(rotation.id)
  const [period, setPeriod] = useState<{ from: string | null; to: string | null }>(() => defaultPeriod(rotation))
  const [touched, setTouched] = useState(false)
  const running = draft?.status === 'draft' && draft.state === 'running'
  const fraction = useRosterProgress(rotation.id, draft?.versionId ?? generate.data?.versionId ?? null)
  const percent = Math.round((fraction ?? 0) * 100)
  // The latest computation's state: running, or done (at 100 %) while its draft waits to be published.
  const computed = draft?.status === 'draft' && draft.state === 'done'

  const submit = (event: FormEvent) => {
    event.preventDefault()
    setTouched(true)
    if (!period.from || !period.to) return
    generate.mutate({ from: period.from, to: period.to })
  }
  const missing = (v: string | null) => (touched && !v ? t('availability.required') : undefined)
  const fieldError =
    generate.error && 'code' in generate.error && generate.error.code === 'ROSTER_PERIOD_INVALID'
      ? errorMessage(generate.error, t)
      : undefined

  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="generate-title">
        <form onSubmit={submit} noValidate aria-label={t('rotations.generate.title')}>
          <Stack gap="sm">
            <Title order={2} fz="h4" id="generate-title">
              {t('rotations.generate.title')}
            </Title>
            <Text fz="sm" c="dimmed">
              {t('rotations.generate.description')}
            </Text>
            {generate.isError && !fieldError && (
              <Alert color="red" variant="light" role="alert">
                {errorMessage(generate.error, t)}
              </Alert>
            )}
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" maw={520}>
              <BelgianDateInput
                id="generate-from"
                label={t('rotations.generate.from')}
                value={period.from}
                onChange={(from) => setPeriod((p) => ({ ...p, from }))}
                error={missing(period.from) ?? fieldError}
              />
              <BelgianDateInput
                id="generate-to"
                label={t('rotations.generate.to')}
                value={period.to}
                minDate={period.from ?? undefined}
                onChange={(to) => setPeriod((p) => ({ ...p, to }))}
                error={missing(period.to) ?? fieldError}
              />
            </SimpleGrid>
            <Group>
              <Button type="submit" loading={generate.isPending} disabled={running}>
                {t('rotations.generate.submit')}
              </Button>
            </Group>
            {(running || computed) && (
              <Stack gap={4} role="status" aria-live="polite">
                <Text fz="sm">
                  {running
                    ? t('rotations.generate.running', { percent })
                    : t('rotations.generate.done', { version: draft?.version ?? '' })}
                </Text>
                <Progress
                  value={running ? Math.max(5, percent) : 100}
                  animated={running}
                  striped={running}
                  aria-label={t('rotations.generate.progress')}
                />
              </Stack>
            )}
            {draft?.state === 'failed' && (
              <Alert color="red" variant="light" role="alert">
                {t('rotations.generate.failed')}
              </Alert>
            )}
          </Stack>
        </form>
      </Paper>
      {draft && draft.state === 'done' && draft.status === 'draft' && (
        <DraftReview rotation={rotation} draft={draft} members={members} onPublished={onPublished} />
      )}
    </Stack>
  )
}
