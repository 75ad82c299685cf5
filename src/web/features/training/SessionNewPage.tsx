// "Nieuwe sessie" (/training/sessions/new): a course, a typed Brussels day with 24-hour start and end, the place
// and range lanes (conflicts shown before submit, through the equipment check), the capacity, the zones with
// places (own and partners sharing `training`) split by key — the suggestion shown in an editable table that must
// add up —, trainers with their minutes, the cancellation deadline and a note. One idempotency key per form.
import {
  Alert,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core'
import { TimeInput } from '@mantine/dates'
import { useRef, useState, type FormEvent } from 'react'
import { useNavigate } from 'react-router'
import { ApiError } from '../../api/client.ts'
import { useSignedInUser } from '../../auth/session.ts'
import { BackLink } from '../../components/BackLink.tsx'
import { BelgianDateInput } from '../../components/BelgianDateInput.tsx'
import { PageHeader, usePageTitle } from '../../components/PageHeader.tsx'
import { errorMessage } from '../../i18n/errorMessage.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { instantOf, newIdempotencyKey } from '../assistance/model.ts'
import { useAssets } from '../equipment/assets-api.ts'
import { useBookingCheck } from '../equipment/bookings-api.ts'
import { useCourses } from './courses-api.ts'
import { PlacesTable } from './PlacesTable.tsx'
import { useCreateSession, usePlacesSplit, useTrainerCandidates } from './sessions-api.ts'
import { MANAGE_ROLES } from './TrainingCalendarPage.tsx'

const KEYS = ['equal', 'fte', 'custom'] as const
type Key = (typeof KEYS)[number]

export function SessionNewPage() {
  const { t } = useI18n()
  usePageTitle(t('training.new'))
  const navigate = useNavigate()
  const me = useSignedInUser()
  const zoneId = me.roles.find((r) => MANAGE_ROLES.includes(r.role) && r.zoneId !== null)?.zoneId ?? null
  const courses = useCourses()
  const candidates = useTrainerCandidates(zoneId, zoneId !== null)
  const lanes = useAssets({ kind: 'range_lane' })
  const [courseId, setCourseId] = useState<string | null>(null)
  const [day, setDay] = useState<string | null>(null)
  const [start, setStart] = useState('')
  const [end, setEnd] = useState('')
  const [location, setLocation] = useState('')
  const [laneIds, setLaneIds] = useState<string[]>([])
  const [capacity, setCapacity] = useState(12)
  const [zoneIds, setZoneIds] = useState<string[]>(zoneId ? [zoneId] : [])
  const [key, setKey] = useState<Key>('fte')
  const [places, setPlaces] = useState<Record<string, number>>({})
  const [trainers, setTrainers] = useState<string[]>([])
  const [minutes, setMinutes] = useState<Record<string, number>>({})
  const [deadlineDay, setDeadlineDay] = useState<string | null>(null)
  const [deadlineTime, setDeadlineTime] = useState('')
  const [note, setNote] = useState('')
  const [idempotencyKey] = useState(newIdempotencyKey)
  const sending = useRef(false)
  const create = useCreateSession()

  const from = instantOf({ date: day, time: start })
  const to = instantOf({ date: day, time: end })
  const periodOk = from !== null && to !== null && Date.parse(to) > Date.parse(from)
  const split = usePlacesSplit(
    key !== 'custom' && day && zoneIds.length > 0 && capacity >= 1
      ? { capacity, zoneIds: zoneIds.join(','), key, day }
      : null,
  )
  // The suggestion while the key is equal or FTE; the numbers as edited once the key is custom.
  const suggested: Record<string, number> = Object.fromEntries(
    (split.data?.places ?? []).map((p) => [p.zone.id, p.places]),
  )
  const shown = key === 'custom' ? places : suggested
  const check = useBookingCheck(laneIds.length > 0 && periodOk ? { assetIds: laneIds, from: from, to: to } : null)
  // Booking checks are for the zone's booking roles; a trainer without one books through the session itself.
  const checkForbidden = check.error instanceof ApiError && check.error.status === 403
  const zones = candidates.data?.zones ?? []
  const rows = zones
    .filter((z) => zoneIds.includes(z.id))
    .map((z) => ({ zoneId: z.id, name: z.name, places: shown[z.id] ?? 0 }))
  const sum = rows.reduce((s, r) => s + r.places, 0)
  const deadline = deadlineDay ? instantOf({ date: deadlineDay, time: deadlineTime || '00:00' }) : null
  const ready = courseId !== null && periodOk && location.trim() !== '' && zoneIds.length > 0 && sum === capacity

  async function submit(e: FormEvent) {
    e.preventDefault()
    if (sending.current || !ready || !from || !to || !courseId) return
    sending.current = true
    try {
      const session = await create.mutateAsync({
        courseId,
        ...(zoneId ? { zoneId } : {}),
        from,
        to,
        location: location.trim(),
        capacity,
        placeKey: 'custom',
        zoneIds,
        places: rows.map((r) => ({ zoneId: r.zoneId, places: r.places })),
        trainers: trainers.map((personId) => ({
          personId,
          ...(minutes[personId] !== undefined ? { minutes: minutes[personId] } : {}),
        })),
        ...(laneIds.length > 0 ? { rangeLaneAssetIds: laneIds } : {}),
        ...(deadline ? { cancelDeadline: deadline } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
        idempotencyKey,
      })
      void navigate(`/training/sessions/${session.id}`)
    } catch {
      // Shown below from the mutation's error.
    } finally {
      sending.current = false
    }
  }

  const courseOptions = (courses.data?.courses ?? [])
    .filter((c) => c.active)
    .map((c) => ({ value: c.id, label: `${c.code} – ${c.title}` }))
  const trainerOptions = (candidates.data?.candidates ?? []).map((c) => ({
    value: c.personId,
    label: `${c.name} (${c.zone.code})`,
  }))

  return (
    <>
      <BackLink to="/training" label={t('training.title')} />
      <PageHeader title={t('training.new')} description={t('training.form.description')} />
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="md" maw={720}>
          <Select
            label={t('training.form.course')}
            required
            searchable
            value={courseId}
            onChange={setCourseId}
            data={courseOptions}
          />
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
            <BelgianDateInput id="session-day" label={t('training.form.day')} required value={day} onChange={setDay} />
            <TimeInput
              label={t('training.form.start')}
              required
              value={start}
              onChange={(e) => setStart(e.currentTarget.value)}
            />
            <TimeInput
              label={t('training.form.end')}
              required
              value={end}
              onChange={(e) => setEnd(e.currentTarget.value)}
              error={from && to && !periodOk ? t('training.form.endAfterStart') : undefined}
            />
          </SimpleGrid>
          <TextInput
            label={t('training.form.location')}
            required
            maxLength={200}
            value={location}
            onChange={(e) => setLocation(e.currentTarget.value)}
          />
          <MultiSelect
            label={t('training.form.lanes')}
            description={t('training.form.lanesHelp')}
            clearable
            value={laneIds}
            onChange={setLaneIds}
            data={(lanes.data?.items ?? []).map((a) => ({ value: a.id, label: `${a.name} (${a.zone.code})` }))}
          />
          <Stack gap="xs" aria-live="polite">
            {!checkForbidden &&
              check.data?.assets.flatMap((a) =>
                a.conflicts.map((c) => (
                  <Alert key={`${a.assetId}-${c.from}`} color="red" variant="light" role="alert">
                    {t('training.form.laneConflict', { lane: a.asset.name })}
                  </Alert>
                )),
              )}
          </Stack>
          <NumberInput
            label={t('training.form.capacity')}
            required
            min={1}
            max={500}
            allowDecimal={false}
            value={capacity}
            onChange={(v) => setCapacity(typeof v === 'number' ? v : Number(v) || 0)}
          />
          <Checkbox.Group label={t('training.form.zones')} value={zoneIds} onChange={setZoneIds}>
            <Stack gap={6} mt={6}>
              {zones.map((z) => (
                <Checkbox key={z.id} value={z.id} label={z.name} />
              ))}
            </Stack>
          </Checkbox.Group>
          <Stack gap={4}>
            <Text fz="sm" fw={500} id="session-key">
              {t('training.form.key')}
            </Text>
            <SegmentedControl
              aria-labelledby="session-key"
              value={key}
              onChange={(v) => setKey(KEYS.find((k) => k === v) ?? 'custom')}
              data={(['equal', 'fte', 'custom'] as const).map((k) => ({ value: k, label: t(`training.key.${k}`) }))}
            />
          </Stack>
          {rows.length > 0 && (
            <PlacesTable
              rows={rows}
              capacity={capacity}
              onChange={(z, n) => {
                setKey('custom')
                setPlaces({ ...shown, [z]: n })
              }}
            />
          )}
          <MultiSelect
            label={t('training.form.trainers')}
            searchable
            value={trainers}
            onChange={setTrainers}
            data={trainerOptions}
          />
          {trainers.map((id) => (
            <NumberInput
              key={id}
              label={t('training.form.minutesOf', {
                name: trainerOptions.find((o) => o.value === id)?.label ?? '',
              })}
              description={t('training.form.minutesHelp')}
              min={0}
              max={2880}
              allowDecimal={false}
              value={minutes[id] ?? ''}
              onChange={(v) => setMinutes({ ...minutes, [id]: typeof v === 'number' ? v : Number(v) || 0 })}
            />
          ))}
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <BelgianDateInput
              id="session-deadline"
              label={t('training.form.deadline')}
              description={t('training.form.deadlineHelp')}
              value={deadlineDay}
              onChange={setDeadlineDay}
            />
            <TimeInput
              label={t('training.form.deadlineTime')}
              value={deadlineTime}
              onChange={(e) => setDeadlineTime(e.currentTarget.value)}
            />
          </SimpleGrid>
          <Textarea
            label={t('training.form.note')}
            autosize
            minRows={2}
            maxLength={2000}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          {create.isError && (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(create.error, t)}
            </Alert>
          )}
          <Group>
            <Button type="submit" size="md" disabled={!ready} loading={create.isPending}>
              {t('training.form.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  )
}
