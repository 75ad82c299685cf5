// The briefing item form (new and edit): category, priority, title, text, restricted (forced for a wanted person),
// validity from/until (typed d/m/y and a 24-hour time, Brussels), shifts, the target zones (the own zone and the
// partners sharing `briefing` under an agreement in force) with teams per zone, and a photo with a preview and
// its size checked before sending (JPEG, PNG, WebP, at most 2 MiB; the server checks the bytes too).
import {
  Alert,
  Button,
  Checkbox,
  FileInput,
  Group,
  Image,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core'
import { TimeInput } from '@mantine/dates'
import { useEffect, useMemo, useState } from 'react'
import { ApiError } from '../../api/client.ts'
import { BelgianDateInput } from '../../components/BelgianDateInput.tsx'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { brusselsInstant } from '../availability/periods.ts'
import {
  CATEGORIES,
  PRIORITIES,
  SHIFTS,
  useBriefingAgreements,
  useTeams,
  type BriefingItem,
  type Category,
  type ItemCreate,
  type Priority,
  type Shift,
} from './briefing-api.ts'
import { useBriefingText } from './text.ts'

const MAX_PHOTO = 2 * 1024 * 1024
const TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const
type PhotoType = (typeof TYPES)[number]

const wallOf = (iso: string) => {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Brussels',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso))
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` }
}

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result.replace(/^data:[^,]*,/, '') : '')
    reader.onerror = () => reject(reader.error ?? new Error('read failed'))
    reader.readAsDataURL(file)
  })
}

function TeamPicker({
  zoneId,
  value,
  onChange,
}: {
  zoneId: string
  value: string[]
  onChange: (ids: string[]) => void
}) {
  const { t } = useI18n()
  const teams = useTeams(zoneId)
  return (
    <MultiSelect
      label={t('briefing.form.teams')}
      placeholder={value.length ? undefined : t('briefing.allTeams')}
      data={(teams.data?.teams ?? []).map((x) => ({ value: x.id, label: x.name }))}
      value={value}
      onChange={onChange}
      clearable
    />
  )
}

export interface FormResult {
  body: ItemCreate
  /** Edit: the photo was removed. */
  photoRemoved: boolean
}

export function BriefingItemForm({
  zone,
  item,
  submitting,
  error,
  onSubmit,
}: {
  zone: { id: string; name: string }
  item?: BriefingItem
  submitting: boolean
  error: unknown
  onSubmit: (result: FormResult) => void
}) {
  const { t } = useI18n()
  const text = useBriefingText()
  const agreements = useBriefingAgreements()
  const from = item ? wallOf(item.validFrom) : null
  const to = item ? wallOf(item.validTo) : null
  const [category, setCategory] = useState<Category>(item?.category ?? 'attention_point')
  const [priority, setPriority] = useState<Priority>(item?.priority ?? 'normal')
  const [title, setTitle] = useState(item?.title ?? '')
  const [body, setBody] = useState(item?.body ?? '')
  const [restricted, setRestricted] = useState(item?.restricted ?? false)
  const [fromDate, setFromDate] = useState<string | null>(from?.date ?? null)
  const [fromTime, setFromTime] = useState(from?.time ?? '')
  const [toDate, setToDate] = useState<string | null>(to?.date ?? null)
  const [toTime, setToTime] = useState(to?.time ?? '')
  const [shifts, setShifts] = useState<Shift[]>(item?.shifts ?? [...SHIFTS])
  const [targets, setTargets] = useState<Record<string, string[]>>(
    item ? Object.fromEntries(item.targets.map((tg) => [tg.zone.id, tg.teams.map((x) => x.id)])) : { [zone.id]: [] },
  )
  const [photo, setPhoto] = useState<File | null>(null)
  const [photoRemoved, setPhotoRemoved] = useState(false)
  const [touched, setTouched] = useState(false)
  const forced = category === 'wanted_person'

  const preview = useMemo(() => (photo ? URL.createObjectURL(photo) : null), [photo])
  useEffect(
    () => () => {
      if (preview) URL.revokeObjectURL(preview)
    },
    [preview],
  )

  const partners = new Map<string, string>()
  for (const a of agreements.data?.items ?? [])
    if (a.inForceNow && a.domains.includes('briefing') && a.parties.some((p) => p.zoneId === zone.id))
      for (const p of a.parties) if (p.zoneId !== zone.id) partners.set(p.zoneId, p.name)
  const zoneChoices = [{ id: zone.id, name: zone.name }, ...[...partners].map(([id, name]) => ({ id, name }))]

  const validFrom = fromDate && /^\d{2}:\d{2}$/.test(fromTime) ? brusselsInstant(fromDate, fromTime) : null
  const validTo = toDate && /^\d{2}:\d{2}$/.test(toTime) ? brusselsInstant(toDate, toTime) : null
  const photoProblem =
    photo && !(TYPES as readonly string[]).includes(photo.type)
      ? t('briefing.form.photoType')
      : photo && photo.size > MAX_PHOTO
        ? t('briefing.form.photoSize')
        : null
  const problems = {
    title: title.trim() === '' ? t('briefing.form.required') : null,
    from: validFrom ? null : t('briefing.form.required'),
    to: !validTo ? t('briefing.form.required') : validFrom && validTo <= validFrom ? t('briefing.form.toAfter') : null,
    shifts: shifts.length === 0 ? t('briefing.form.shiftsRequired') : null,
    targets: Object.keys(targets).length === 0 ? t('briefing.form.targetsRequired') : null,
    photo: photoProblem,
  }
  const valid = Object.values(problems).every((p) => p === null)
  const show = (p: string | null) => (touched ? (p ?? undefined) : undefined)

  const submit = async () => {
    setTouched(true)
    if (!valid || !validFrom || !validTo) return
    const result: ItemCreate = {
      zoneId: item ? undefined : zone.id,
      category,
      priority,
      title: title.trim(),
      body: body.trim(),
      restricted: forced || restricted,
      validFrom,
      validTo,
      shifts,
      targets: Object.entries(targets).map(([zoneId, teamIds]) => ({ zoneId, ...(teamIds.length ? { teamIds } : {}) })),
      ...(photo ? { photo: { type: photo.type as PhotoType, base64: await readBase64(photo) } } : {}),
    }
    onSubmit({ body: result, photoRemoved })
  }

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault()
        void submit()
      }}
      noValidate
    >
      <Stack maw={760}>
        {error instanceof ApiError && (
          <Alert color="red" title={t('briefing.form.failed')}>
            {error.message || error.code}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('briefing.form.category')}
            data={CATEGORIES.map((c) => ({ value: c, label: text.category(c) }))}
            value={category}
            onChange={(v) => v && setCategory(v)}
            allowDeselect={false}
          />
          <Select
            label={t('briefing.form.priority')}
            data={PRIORITIES.map((p) => ({ value: p, label: text.priority(p) }))}
            value={priority}
            onChange={(v) => v && setPriority(v)}
            allowDeselect={false}
          />
        </SimpleGrid>
        <TextInput
          label={t('briefing.form.title')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          maxLength={200}
          required
          error={show(problems.title)}
        />
        <Textarea
          label={t('briefing.form.body')}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          maxLength={8000}
          autosize
          minRows={4}
        />
        <Checkbox
          label={t('briefing.form.restricted')}
          description={forced ? t('briefing.form.restrictedForced') : t('briefing.form.restrictedHelp')}
          checked={forced || restricted}
          disabled={forced}
          onChange={(e) => setRestricted(e.currentTarget.checked)}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Group grow align="flex-start" gap="xs">
            <BelgianDateInput
              id="briefing-from-date"
              label={t('briefing.form.fromDate')}
              value={fromDate}
              onChange={setFromDate}
              error={show(problems.from)}
            />
            <TimeInput
              id="briefing-from-time"
              label={t('briefing.form.fromTime')}
              value={fromTime}
              onChange={(e) => setFromTime(e.currentTarget.value)}
            />
          </Group>
          <Group grow align="flex-start" gap="xs">
            <BelgianDateInput
              id="briefing-to-date"
              label={t('briefing.form.toDate')}
              value={toDate}
              onChange={setToDate}
              error={show(problems.to)}
            />
            <TimeInput
              id="briefing-to-time"
              label={t('briefing.form.toTime')}
              value={toTime}
              onChange={(e) => setToTime(e.currentTarget.value)}
            />
          </Group>
        </SimpleGrid>
        <Checkbox.Group
          label={t('briefing.form.shifts')}
          value={shifts}
          onChange={(v) => setShifts(v)}
          error={show(problems.shifts)}
        >
          <Group mt={4}>
            {SHIFTS.map((s) => (
              <Checkbox key={s} value={s} label={text.shift(s)} />
            ))}
          </Group>
        </Checkbox.Group>
        <Paper withBorder p="sm">
          <Stack gap="sm">
            <Text fw={600}>{t('briefing.form.targets')}</Text>
            {zoneChoices.map((z) => (
              <Stack key={z.id} gap={4}>
                <Checkbox
                  label={z.name}
                  checked={z.id in targets}
                  onChange={(e) => {
                    const checked = e.currentTarget.checked
                    setTargets((cur) => {
                      const next = { ...cur }
                      if (checked) next[z.id] = []
                      else delete next[z.id]
                      return next
                    })
                  }}
                />
                {z.id in targets && (
                  <TeamPicker
                    zoneId={z.id}
                    value={targets[z.id] ?? []}
                    onChange={(ids) => setTargets((cur) => ({ ...cur, [z.id]: ids }))}
                  />
                )}
              </Stack>
            ))}
            {touched && problems.targets && (
              <Text c="red" fz="sm">
                {problems.targets}
              </Text>
            )}
          </Stack>
        </Paper>
        <FileInput
          label={t('briefing.form.photo')}
          description={t('briefing.form.photoHelp')}
          accept={TYPES.join(',')}
          value={photo}
          onChange={setPhoto}
          clearable
          error={photoProblem ?? undefined}
        />
        {preview && <Image src={preview} alt={t('briefing.form.preview')} mah={220} w="auto" fit="contain" />}
        {item?.hasPhoto && !photo && (
          <Checkbox
            label={t('briefing.form.removePhoto')}
            checked={photoRemoved}
            onChange={(e) => setPhotoRemoved(e.currentTarget.checked)}
          />
        )}
        <Group>
          <Button type="submit" loading={submitting}>
            {item ? t('briefing.form.save') : t('briefing.form.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
