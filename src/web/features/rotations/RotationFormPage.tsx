// Setting up a rotation (planner, korpschef): the agreement in force and its permanence domain, the covered
// zones, who is eligible, the shift pattern in Brussels local time, the duty kind, the zone key with the shares
// it gives, and the working-time rules. The server has the last word; its catalogue codes land beside the
// field they are about. Editing keeps the agreement, domain and zones (the API does not change them).
import {
  Alert,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { TimeInput } from '@mantine/dates'
import { useState, type FormEvent, type ReactNode } from 'react'
import { useNavigate, useParams } from 'react-router'
import { ApiError } from '../../api/client.ts'
import { useCurrentAssociation } from '../../auth/AssociationContext.tsx'
import { BackLink } from '../../components/BackLink.tsx'
import { BelgianDateInput } from '../../components/BelgianDateInput.tsx'
import { PageHeader, usePageTitle } from '../../components/PageHeader.tsx'
import { LoadingState, QueryView } from '../../components/QueryState.tsx'
import { useNotify } from '../../components/useNotify.ts'
import { errorMessage } from '../../i18n/errorMessage.ts'
import { localeTag, todayInBrussels } from '../../i18n/format.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import {
  PERMANENCE_DOMAINS,
  defaultEligibility as presetEligibility,
  rulesFor,
} from '../../../server/features/permanences/presets.ts'
import { QUALIFICATION_CODES } from '../../../server/platform/enums.ts'
import { useAgreements } from '../agreements/api.ts'
import { useFigures } from '../dashboard/api.ts'
import {
  useCreateRotation,
  useRotation,
  useUpdateRotation,
  type DutyKind,
  type Eligibility,
  type Pattern,
  type Rotation,
  type WorkingTimeRules,
} from './api.ts'
import { zoneColors, zoneShares } from './calendar.ts'
import { EligibilityFields } from './EligibilityFields.tsx'
import { weekdayName } from './text.ts'
import { ZoneBadge } from './ZoneLegend.tsx'

type Domain = (typeof PERMANENCE_DOMAINS)[number]
type KeyKind = 'equal' | 'fte' | 'population' | 'custom'
type Field = 'name' | 'agreement' | 'zones' | 'pattern' | 'zoneKey' | 'validTo' | 'eligibility' | 'rules'

/** Which field a server refusal is about (the rest goes above the form). */
const FIELD_OF: Record<string, Field> = {
  ROTATION_NAME_TAKEN: 'name',
  ROTATION_ZONES_INVALID: 'zones',
  ROTATION_ZONES_NOT_SHARED: 'zones',
  ROTATION_PATTERN_INVALID: 'pattern',
  ROTATION_ZONE_KEY_INVALID: 'zoneKey',
  ROTATION_PERIOD_INVALID: 'validTo',
}

interface Form {
  name: string
  agreementId: string | null
  domain: Domain | null
  zoneIds: string[]
  eligibility: Eligibility
  pattern: Pattern
  dutyKind: DutyKind
  peoplePerSlot: number
  keyKind: KeyKind
  weights: Record<string, number>
  rules: WorkingTimeRules
  validFrom: string | null
  validTo: string | null
}

type Qualification = NonNullable<Eligibility['anyOf'][number]['qualifications']>[number]
const isQualification = (q: string): q is Qualification => (QUALIFICATION_CODES as readonly string[]).includes(q)

/** The domain's preset (read-only data of the server's presets), as a value the form may change. */
const defaultEligibility = (domain: Domain): Eligibility => ({
  anyOf: presetEligibility(domain).anyOf.map((c) => ({
    ranks: [...c.ranks],
    ...(c.qualifications ? { qualifications: c.qualifications.filter(isQualification) } : {}),
  })),
})

const isPermanence = (d: string): d is Domain => (PERMANENCE_DOMAINS as readonly string[]).includes(d)

function initialForm(rotation: Rotation | null): Form {
  if (rotation)
    return {
      name: rotation.name,
      agreementId: null,
      domain: rotation.domain,
      zoneIds: rotation.zones.map((z) => z.zoneId),
      eligibility: rotation.eligibility,
      pattern: rotation.pattern,
      dutyKind: rotation.dutyKind,
      peoplePerSlot: rotation.peoplePerSlot,
      keyKind: rotation.zoneKey.kind,
      weights: rotation.zoneKey.kind === 'custom' ? rotation.zoneKey.weights : {},
      rules: rotation.rules,
      validFrom: rotation.validFrom,
      validTo: rotation.validTo,
    }
  return {
    name: '',
    agreementId: null,
    domain: null,
    zoneIds: [],
    eligibility: { anyOf: [{ ranks: ['commissaris'] }] },
    pattern: { kind: 'weekly', handoffWeekday: 1, handoffTime: '07:00' },
    dutyKind: 'on_call',
    peoplePerSlot: 1,
    keyKind: 'equal',
    weights: {},
    rules: rulesFor('permanence.officer_of_duty'),
    validFrom: todayInBrussels(),
    validTo: null,
  }
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = `section-${title.replace(/\W+/g, '-').toLowerCase()}`
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={2} fz="h4" id={id}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  )
}

function PatternFields({ value, onChange, error }: { value: Pattern; onChange: (p: Pattern) => void; error?: string }) {
  const { t, locale } = useI18n()
  const tag = localeTag(locale)
  const kind = value.kind === 'custom' ? 'weekly' : value.kind
  const setKind = (k: string) =>
    onChange(
      k === 'daily'
        ? { kind: 'daily', handoffTime: '07:00' }
        : k === 'day_night'
          ? { kind: 'day_night', dayStart: '07:00', nightStart: '19:00' }
          : { kind: 'weekly', handoffWeekday: 1, handoffTime: '07:00' },
    )
  return (
    <Stack gap="sm">
      <SegmentedControl
        aria-label={t('rotations.field.pattern')}
        value={kind}
        onChange={setKind}
        data={[
          { value: 'weekly', label: t('rotations.pattern.weekly') },
          { value: 'daily', label: t('rotations.pattern.daily') },
          { value: 'day_night', label: t('rotations.pattern.day_night') },
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
      {value.kind === 'custom' && <Text fz="sm">{t('rotations.pattern.customKept')}</Text>}
      <Group gap="sm" align="flex-start" wrap="wrap">
        {value.kind === 'weekly' && (
          <>
            <Select
              label={t('rotations.pattern.weekday')}
              data={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: String(d), label: weekdayName(d, tag) }))}
              value={String(value.handoffWeekday)}
              onChange={(d) => d && onChange({ ...value, handoffWeekday: Number(d) })}
              allowDeselect={false}
              w={200}
            />
            <TimeInput
              label={t('rotations.pattern.handoffTime')}
              description={t('availability.timeHint')}
              value={value.handoffTime}
              onChange={(e) => onChange({ ...value, handoffTime: e.currentTarget.value })}
              error={error}
              w={160}
            />
          </>
        )}
        {value.kind === 'daily' && (
          <TimeInput
            label={t('rotations.pattern.handoffTime')}
            description={t('availability.timeHint')}
            value={value.handoffTime}
            onChange={(e) => onChange({ ...value, handoffTime: e.currentTarget.value })}
            error={error}
            w={160}
          />
        )}
        {value.kind === 'day_night' && (
          <>
            <TimeInput
              label={t('rotations.pattern.dayStart')}
              description={t('availability.timeHint')}
              value={value.dayStart}
              onChange={(e) => onChange({ ...value, dayStart: e.currentTarget.value })}
              error={error}
              w={160}
            />
            <TimeInput
              label={t('rotations.pattern.nightStart')}
              description={t('availability.timeHint')}
              value={value.nightStart}
              onChange={(e) => onChange({ ...value, nightStart: e.currentTarget.value })}
              w={160}
            />
          </>
        )}
      </Group>
      <Text fz="xs" c="dimmed">
        {t('rotations.pattern.dstHint')}
      </Text>
    </Stack>
  )
}

function RotationForm({ rotation }: { rotation: Rotation | null }) {
  const { t, f, label } = useI18n()
  const notify = useNotify()
  const navigate = useNavigate()
  const { current } = useCurrentAssociation()
  const associationId = rotation?.associationId ?? current?.id
  const agreements = useAgreements(associationId, 'in_force')
  const figures = useFigures(associationId, todayInBrussels())
  const create = useCreateRotation()
  const update = useUpdateRotation(rotation?.id ?? '')
  const [form, setForm] = useState<Form>(() => initialForm(rotation))
  const [touched, setTouched] = useState(false)
  const set = (patch: Partial<Form>) => setForm((old) => ({ ...old, ...patch }))
  const write = rotation ? update : create
  const failure = write.error instanceof ApiError ? write.error : null
  const fieldOfFailure = failure ? FIELD_OF[failure.code] : undefined
  const errorAt = (field: Field) => (fieldOfFailure === field && failure ? errorMessage(failure, t) : undefined)

  const usable = (agreements.data?.items ?? []).filter((a) => a.domains.some(isPermanence))
  const agreement = usable.find((a) => a.id === form.agreementId) ?? null
  const zones = rotation
    ? rotation.zones
    : (agreement?.parties ?? []).map((p) => ({ zoneId: p.zoneId, code: p.code, name: p.name }))
  const colors = zoneColors(form.zoneIds)
  const byZone = new Map((figures.data?.zones ?? []).map((z) => [z.zoneId, z]))
  const zoneKey =
    form.keyKind === 'custom'
      ? { kind: 'custom' as const, weights: Object.fromEntries(form.zoneIds.map((id) => [id, form.weights[id] ?? 1])) }
      : { kind: form.keyKind }
  const shares = zoneShares(zoneKey, form.zoneIds, byZone)

  const pickAgreement = (id: string | null) => {
    const a = usable.find((x) => x.id === id)
    const domain = a?.domains.find(isPermanence) ?? null
    set({
      agreementId: id,
      domain,
      zoneIds: a ? a.parties.map((p) => p.zoneId) : [],
      ...(domain ? { eligibility: defaultEligibility(domain), rules: rulesFor(domain) } : {}),
    })
  }
  const pickDomain = (domain: Domain) =>
    set({ domain, eligibility: defaultEligibility(domain), rules: rulesFor(domain) })

  const missing = {
    name: !form.name.trim(),
    agreement: !rotation && !form.domain,
    zones: !rotation && form.zoneIds.length < 2,
    validFrom: !form.validFrom,
  }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    setTouched(true)
    if (Object.values(missing).some(Boolean) || !form.validFrom) return
    const common = {
      name: form.name.trim(),
      dutyKind: form.dutyKind,
      peoplePerSlot: form.peoplePerSlot,
      pattern: form.pattern,
      eligibility: form.eligibility,
      zoneKey,
      rules: form.rules,
      validFrom: form.validFrom,
      validTo: form.validTo,
    }
    const done = (saved: Rotation) => {
      notify.success(t('rotations.form.saved'))
      void navigate(`/rotations/${saved.id}`)
    }
    if (rotation) update.mutate(common, { onSuccess: done })
    else if (associationId && form.domain)
      create.mutate({ ...common, associationId, domain: form.domain, zoneIds: form.zoneIds }, { onSuccess: done })
  }
  const required = (yes: boolean) => (touched && yes ? t('availability.required') : undefined)

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={rotation ? t('rotations.form.editTitle') : t('rotations.form.newTitle')}
    >
      <Stack gap="md">
        {failure && !fieldOfFailure && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(failure, t)}
          </Alert>
        )}
        <Section title={t('rotations.form.general')}>
          <TextInput
            label={t('rotations.field.name')}
            value={form.name}
            maxLength={120}
            onChange={(e) => set({ name: e.currentTarget.value })}
            error={required(missing.name) ?? errorAt('name')}
            maw={520}
          />
          {rotation ? (
            <Text fz="sm">
              {label('domain', rotation.domain)} · {rotation.zones.map((z) => `${z.code} ${z.name}`).join(' + ')}
            </Text>
          ) : (
            <>
              <Select
                label={t('rotations.field.agreement')}
                description={t('rotations.form.agreementHint')}
                data={usable.map((a) => ({ value: a.id, label: a.title }))}
                value={form.agreementId}
                onChange={pickAgreement}
                nothingFoundMessage={t('rotations.form.noAgreement')}
                error={required(missing.agreement)}
                maw={520}
              />
              {agreement && (
                <Select
                  label={t('rotations.field.domain')}
                  data={agreement.domains.filter(isPermanence).map((d) => ({ value: d, label: label('domain', d) }))}
                  value={form.domain}
                  onChange={(d) => d && isPermanence(d) && pickDomain(d)}
                  allowDeselect={false}
                  maw={520}
                />
              )}
              {agreement && (
                <Checkbox.Group
                  label={t('rotations.field.zones')}
                  value={form.zoneIds}
                  onChange={(zoneIds) => set({ zoneIds })}
                  error={required(missing.zones) ?? errorAt('zones')}
                >
                  <Group gap="md" mt={4}>
                    {zones.map((z) => (
                      <Checkbox key={z.zoneId} value={z.zoneId} label={`${z.code} ${z.name}`} />
                    ))}
                  </Group>
                </Checkbox.Group>
              )}
              {!agreement && errorAt('zones') && (
                <Text fz="sm" c="red.8">
                  {errorAt('zones')}
                </Text>
              )}
            </>
          )}
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" maw={520}>
            <BelgianDateInput
              id="rotation-valid-from"
              label={t('rotations.field.validFrom')}
              value={form.validFrom}
              onChange={(validFrom) => set({ validFrom })}
              error={required(missing.validFrom)}
            />
            <BelgianDateInput
              id="rotation-valid-to"
              label={t('rotations.field.validTo')}
              value={form.validTo}
              minDate={form.validFrom ?? undefined}
              onChange={(validTo) => set({ validTo })}
              error={errorAt('validTo')}
              clearable
            />
          </SimpleGrid>
        </Section>

        <Section title={t('rotations.form.shifts')}>
          <PatternFields value={form.pattern} onChange={(pattern) => set({ pattern })} error={errorAt('pattern')} />
          <Group gap="md" align="flex-end" wrap="wrap">
            <Stack gap={4}>
              <Text fz="sm" fw={500} id="duty-kind-label">
                {t('rotations.field.dutyKind')}
              </Text>
              <SegmentedControl
                aria-labelledby="duty-kind-label"
                value={form.dutyKind}
                onChange={(v) => set({ dutyKind: v })}
                data={[
                  { value: 'on_call', label: t('rotations.dutyKind.on_call') },
                  { value: 'present', label: t('rotations.dutyKind.present') },
                ]}
              />
            </Stack>
            <NumberInput
              label={t('rotations.field.peoplePerSlot')}
              value={form.peoplePerSlot}
              min={1}
              max={20}
              allowDecimal={false}
              onChange={(v) => set({ peoplePerSlot: typeof v === 'number' ? v : 1 })}
              w={180}
            />
          </Group>
        </Section>

        <Section title={t('rotations.field.eligibility')}>
          <EligibilityFields
            value={form.eligibility}
            onChange={(eligibility) => set({ eligibility })}
            onReset={form.domain ? () => set({ eligibility: defaultEligibility(form.domain!) }) : undefined}
          />
        </Section>

        <Section title={t('rotations.field.zoneKey')}>
          <SegmentedControl
            aria-label={t('rotations.field.zoneKey')}
            value={form.keyKind}
            onChange={(v) => set({ keyKind: v })}
            data={(['equal', 'fte', 'population', 'custom'] as const).map((k) => ({
              value: k,
              label: t(`rotations.zoneKey.${k}`),
            }))}
            style={{ alignSelf: 'flex-start' }}
          />
          {form.zoneIds.length === 0 ? (
            <Text fz="sm" c="dimmed">
              {t('rotations.form.zonesFirst')}
            </Text>
          ) : (
            <Stack
              gap={6}
              component="ul"
              p={0}
              m={0}
              style={{ listStyle: 'none' }}
              aria-label={t('rotations.form.shares')}
            >
              {form.zoneIds.map((id) => {
                const zone = zones.find((z) => z.zoneId === id)
                return (
                  <Group key={id} component="li" gap="sm" wrap="wrap">
                    <ZoneBadge code={zone?.code ?? ''} name={zone?.name} color={colors.get(id) ?? 'blue'} />
                    {form.keyKind === 'custom' && (
                      <NumberInput
                        aria-label={t('rotations.form.weightOf', { zone: zone?.code ?? '' })}
                        value={form.weights[id] ?? 1}
                        min={0.01}
                        max={1_000_000}
                        decimalSeparator=","
                        onChange={(v) => set({ weights: { ...form.weights, [id]: typeof v === 'number' ? v : 0 } })}
                        w={120}
                        size="xs"
                      />
                    )}
                    <Text fz="sm" fw={600}>
                      {shares ? `${f.number((shares.get(id) ?? 0) * 100, { maximumFractionDigits: 1 })} %` : '—'}
                    </Text>
                  </Group>
                )
              })}
            </Stack>
          )}
          {errorAt('zoneKey') && (
            <Text fz="sm" c="red.8" role="alert">
              {errorAt('zoneKey')}
            </Text>
          )}
        </Section>

        <Section title={t('rotations.field.rules')}>
          <Text fz="sm" c="dimmed">
            {t('rotations.form.rulesHint')}
          </Text>
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm" maw={640}>
            {(
              [
                ['minRestHours', 'rotations.rules.minRest', 48],
                ['maxWorkHoursPer24h', 'rotations.rules.per24h', 24],
                ['maxWorkHoursPerWeek', 'rotations.rules.perWeek', 168],
              ] as const
            ).map(([key, label, max]) => (
              <NumberInput
                key={key}
                label={t(label)}
                value={form.rules[key]}
                min={0}
                max={max}
                decimalSeparator=","
                onChange={(v) => set({ rules: { ...form.rules, [key]: typeof v === 'number' ? v : 0 } })}
              />
            ))}
          </SimpleGrid>
          <Checkbox
            label={t('rotations.rules.frequency')}
            checked={form.rules.onCallFrequency !== null}
            onChange={(e) =>
              set({
                rules: {
                  ...form.rules,
                  onCallFrequency: e.currentTarget.checked ? { maxDuties: 1, windowDays: 14 } : null,
                },
              })
            }
          />
          {form.rules.onCallFrequency && (
            <Group gap="sm">
              <NumberInput
                label={t('rotations.rules.maxDuties')}
                value={form.rules.onCallFrequency.maxDuties}
                min={1}
                max={100}
                allowDecimal={false}
                onChange={(v) =>
                  set({
                    rules: {
                      ...form.rules,
                      onCallFrequency: { ...form.rules.onCallFrequency!, maxDuties: typeof v === 'number' ? v : 1 },
                    },
                  })
                }
                w={160}
              />
              <NumberInput
                label={t('rotations.rules.windowDays')}
                value={form.rules.onCallFrequency.windowDays}
                min={1}
                max={366}
                allowDecimal={false}
                onChange={(v) =>
                  set({
                    rules: {
                      ...form.rules,
                      onCallFrequency: { ...form.rules.onCallFrequency!, windowDays: typeof v === 'number' ? v : 1 },
                    },
                  })
                }
                w={160}
              />
            </Group>
          )}
        </Section>
        <Group>
          <Button type="submit" loading={write.isPending}>
            {t('rotations.form.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

export function RotationNewPage() {
  const { t } = useI18n()
  usePageTitle(t('rotations.form.newTitle'))
  return (
    <>
      <BackLink to="/rotations" label={t('rotations.back')} />
      <PageHeader title={t('rotations.form.newTitle')} description={t('rotations.form.newDescription')} />
      <RotationForm rotation={null} />
    </>
  )
}

export function RotationEditPage() {
  const { t } = useI18n()
  const { id = '' } = useParams()
  const rotation = useRotation(id)
  usePageTitle(t('rotations.form.editTitle'))
  return (
    <>
      <BackLink to={`/rotations/${id}`} label={t('rotations.backToRotation')} />
      <PageHeader title={t('rotations.form.editTitle')} />
      <QueryView query={rotation} loading={<LoadingState rows={6} />}>
        {(data) => <RotationForm rotation={data} />}
      </QueryView>
    </>
  )
}
