import { ActionIcon, Alert, Badge, Button, Group, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core'
import { useState, type FormEvent } from 'react'
import { IconX } from '../../components/icons.tsx'
import { LoadingState, QueryView } from '../../components/QueryState.tsx'
import { useNotify } from '../../components/useNotify.ts'
import { errorMessage } from '../../i18n/errorMessage.ts'
import { useT } from '../../i18n/I18nProvider.tsx'
import { PREFERENCES, useCreatePreference, useDeletePreference, useDutyPreferences, type Preference } from './api.ts'
import { usePeriodLabel } from './EntryList.tsx'
import { PeriodFields } from './PeriodFields.tsx'
import { periodInput, type PeriodForm } from './periods.ts'

const EMPTY: PeriodForm = { wholeDays: true, fromDate: null, toDate: null, fromTime: '', toTime: '' }

/** Wishes and "rather not": the person's own to enter and remove; the zone's planner reads them. */
export function PreferencesSection({ personId, own }: { personId: string | undefined; own: boolean }) {
  const t = useT()
  const notify = useNotify()
  const label = usePeriodLabel()
  const list = useDutyPreferences(personId ? { personId } : {})
  const create = useCreatePreference()
  const remove = useDeletePreference()
  const [preference, setPreference] = useState<Preference>('wish')
  const [period, setPeriod] = useState<PeriodForm>(EMPTY)
  const [note, setNote] = useState('')
  const [touched, setTouched] = useState(false)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    setTouched(true)
    const range = periodInput(period)
    if (!range) return
    create.mutate(
      { preference, ...range, ...(note.trim() ? { note: note.trim() } : {}) },
      {
        onSuccess: () => {
          notify.success(t('preferences.saved'))
          setPeriod(EMPTY)
          setNote('')
          setTouched(false)
        },
      },
    )
  }

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="preferences-title">
      <Stack gap="sm">
        <Title order={2} fz="h4" id="preferences-title">
          {t('preferences.title')}
        </Title>
        <Text fz="sm" c="dimmed">
          {t('preferences.description')}
        </Text>
        <QueryView query={list} loading={<LoadingState rows={2} />}>
          {(data) =>
            data.items.length === 0 ? (
              <Text fz="sm" c="dimmed">
                {t('preferences.empty')}
              </Text>
            ) : (
              <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
                {data.items.map((p) => (
                  <Group key={p.id} component="li" justify="space-between" wrap="nowrap">
                    <Group gap="xs" wrap="wrap">
                      <Badge variant="light" color={p.preference === 'wish' ? 'green' : 'orange'}>
                        {t(`preferences.${p.preference}`)}
                      </Badge>
                      <Text fz="sm">{label(p)}</Text>
                      <Text fz="sm" c="dimmed">
                        {p.rotationName ?? t('preferences.allRotations')}
                        {p.note ? ` · ${p.note}` : ''}
                      </Text>
                    </Group>
                    {own && (
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('preferences.delete', { period: label(p) })}
                        onClick={() =>
                          remove.mutate(p.id, { onSuccess: () => notify.success(t('preferences.deleted')) })
                        }
                      >
                        <IconX size={18} />
                      </ActionIcon>
                    )}
                  </Group>
                ))}
              </Stack>
            )
          }
        </QueryView>
        {own ? (
          <form onSubmit={submit} noValidate aria-label={t('preferences.new')}>
            <Stack gap="sm">
              <Title order={3} fz="h5">
                {t('preferences.new')}
              </Title>
              {create.isError && (
                <Alert color="red" variant="light" role="alert">
                  {errorMessage(create.error, t)}
                </Alert>
              )}
              <Select
                label={t('preferences.preference')}
                data={PREFERENCES.map((p) => ({ value: p, label: t(`preferences.${p}`) }))}
                value={preference}
                onChange={(v) => v && setPreference(v)}
                allowDeselect={false}
              />
              <PeriodFields
                value={period}
                onChange={setPeriod}
                allowHours={false}
                touched={touched}
                idPrefix="preference"
              />
              <Textarea
                label={t('availability.note')}
                value={note}
                maxLength={500}
                onChange={(e) => setNote(e.currentTarget.value)}
              />
              <Button type="submit" variant="light" loading={create.isPending} style={{ alignSelf: 'flex-start' }}>
                {t('preferences.save')}
              </Button>
            </Stack>
          </form>
        ) : (
          <Text fz="sm" c="dimmed">
            {t('preferences.ownOnly')}
          </Text>
        )}
      </Stack>
    </Paper>
  )
}
