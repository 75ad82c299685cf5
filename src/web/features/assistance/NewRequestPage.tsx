// "Nieuwe aanvraag" (/assistance/new). Urgent (?urgent=1): three fields and send — where, what (default 2 ×
// inspecteur), contact (the signed-in user) — to every partner, now → +4 h; "more options" reveals the category,
// the typed window, the purpose and chosen zones. Planned: every field, saved as a draft or sent for approval.
// One idempotency key per form: a double click, or a retry after a lost answer, is one request.
import {
  Alert,
  Button,
  Checkbox,
  Collapse,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core'
import { useRef, useState, type FormEvent } from 'react'
import { useNavigate, useSearchParams } from 'react-router'
import { ApiError } from '../../api/client.ts'
import { useSignedInUser } from '../../auth/session.ts'
import { BackLink } from '../../components/BackLink.tsx'
import { PageHeader, usePageTitle } from '../../components/PageHeader.tsx'
import { EmptyState, QueryView } from '../../components/QueryState.tsx'
import { errorMessage } from '../../i18n/errorMessage.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { nl } from '../../i18n/nl.ts'
import { hasKey } from '../../i18n/translate.ts'
import { useCreateRequest, usePartners, type PartnerAssociation, type RequestCreate } from './api.ts'
import { LinesField } from './LinesField.tsx'
import {
  ASSISTANCE_CATEGORIES,
  DEFAULT_LINES,
  instantOf,
  newIdempotencyKey,
  problemsByField,
  wallOf,
  type AssistanceCategory,
  type Line,
  type Wall,
} from './model.ts'
import { useAssistanceText } from './text.ts'
import { WindowFields } from './WindowFields.tsx'

type Mode = 'urgent' | 'planned'

interface Form {
  category: AssistanceCategory
  place: string
  municipalityId: string | null
  lines: Line[]
  contact: string
  purpose: string
  start: Wall
  end: Wall
  chosen: string[] | null
}

const blankWall: Wall = { date: null, time: '' }

function RequestForm({ groups, mode }: { groups: PartnerAssociation[]; mode: Mode }) {
  const { t } = useI18n()
  const text = useAssistanceText()
  const navigate = useNavigate()
  const me = useSignedInUser()
  const create = useCreateRequest()
  // One key for the life of this form (see newIdempotencyKey); a guard against a second submit in the same tick.
  const [idempotencyKey] = useState(newIdempotencyKey)
  const sending = useRef(false)
  const [groupIndex, setGroupIndex] = useState(0)
  const group = groups[groupIndex] ?? groups[0]
  const [more, setMore] = useState(mode === 'planned')
  const [form, setForm] = useState<Form>(() => ({
    category: mode === 'urgent' ? 'urgent_backup' : 'traffic_action',
    place: '',
    municipalityId: null,
    lines: [...DEFAULT_LINES],
    contact: me.displayName,
    purpose: '',
    start: mode === 'urgent' ? wallOf(new Date().toISOString()) : blankWall,
    end: mode === 'urgent' ? wallOf(new Date(Date.now() + 4 * 3_600_000).toISOString()) : blankWall,
    chosen: null,
  }))
  const [touched, setTouched] = useState(false)
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }))
  if (!group) return null

  const problems =
    create.error instanceof ApiError ? problemsByField(create.error.details) : new Map<string, string[]>()
  const fieldError = (...fields: string[]): string | undefined => {
    const codes = fields.flatMap((f) => problems.get(f) ?? [])
    if (codes.length === 0) return undefined
    return [...new Set(codes)]
      .map((c) => {
        const key = `assistance.problem.${c}`
        return hasKey(nl, key) ? t(key) : c
      })
      .join(' ')
  }
  const required = (v: string) => (touched && !v.trim() ? t('assistance.required') : undefined)

  const submit = (send: boolean) => (event?: FormEvent) => {
    event?.preventDefault()
    setTouched(true)
    if (sending.current || !form.place.trim() || !form.contact.trim()) return
    const start = instantOf(form.start)
    const end = instantOf(form.end)
    // Urgent without "more options" touched: the server takes now → +4 h.
    const windowGiven = mode === 'planned' || more
    const chosen = form.chosen
    const body: RequestCreate = {
      zoneId: group.zoneId,
      associationId: group.associationId,
      urgency: mode,
      category: form.category,
      ...(windowGiven && start ? { start } : {}),
      ...(windowGiven && end ? { end } : {}),
      municipalityId: form.municipalityId,
      place: form.place.trim(),
      ...(form.purpose.trim() ? { purpose: form.purpose.trim() } : {}),
      contact: form.contact.trim(),
      lines: form.lines,
      addressing: chosen ? 'chosen' : 'all',
      ...(chosen ? { zoneIds: chosen } : {}),
      send,
      idempotencyKey,
    }
    sending.current = true
    create.mutate(body, {
      onSuccess: (request) => void navigate(`/assistance/${request.id}`),
      onSettled: () => {
        sending.current = false
      },
    })
  }

  const general = create.isError && problems.size === 0 ? errorMessage(create.error, t) : null
  const urgent = mode === 'urgent'
  return (
    <form onSubmit={submit(true)} noValidate aria-label={t(urgent ? 'assistance.urgentTitle' : 'assistance.newTitle')}>
      <Stack gap="md" maw={720}>
        {general && (
          <Alert color="red" variant="light" role="alert">
            {general}
          </Alert>
        )}
        {problems.size > 0 && (
          <Alert color="red" variant="light" role="alert">
            {t('assistance.fixProblems')}
          </Alert>
        )}
        {groups.length > 1 && (
          <Select
            label={t('assistance.fromZone')}
            data={groups.map((g, i) => ({ value: String(i), label: `${g.zoneName} · ${g.associationName}` }))}
            value={String(groupIndex)}
            onChange={(v) => setGroupIndex(Number(v ?? 0))}
            allowDeselect={false}
          />
        )}
        <TextInput
          label={t('assistance.place')}
          description={t('assistance.placeHint')}
          value={form.place}
          onChange={(e) => set({ place: e.currentTarget.value })}
          maxLength={300}
          size={urgent ? 'lg' : 'md'}
          required
          error={required(form.place) ?? fieldError('place')}
          data-autofocus
        />
        <Select
          label={t('assistance.municipality')}
          placeholder={t('assistance.optional')}
          data={group.municipalities.map((m) => ({ value: m.id, label: m.name }))}
          value={form.municipalityId}
          onChange={(municipalityId) => set({ municipalityId })}
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
          error={fieldError('municipalityId')}
        />
        <LinesField
          legend={t('assistance.whatNeeded')}
          lines={form.lines}
          onChange={(lines) => set({ lines })}
          error={fieldError('lines')}
        />
        <TextInput
          label={t('assistance.contact')}
          description={t('assistance.contactHint')}
          value={form.contact}
          onChange={(e) => set({ contact: e.currentTarget.value })}
          maxLength={200}
          required
          error={required(form.contact) ?? fieldError('contact')}
        />
        {urgent && (
          <Button
            variant="subtle"
            style={{ alignSelf: 'flex-start' }}
            onClick={() => setMore((m) => !m)}
            aria-expanded={more}
            aria-controls="assistance-more"
          >
            {t(more ? 'assistance.lessOptions' : 'assistance.moreOptions')}
          </Button>
        )}
        <Collapse expanded={more} id="assistance-more">
          <Stack gap="md">
            <Select
              label={t('assistance.category')}
              data={ASSISTANCE_CATEGORIES.map((c) => ({ value: c, label: text.category(c) }))}
              value={form.category}
              onChange={(v) => {
                const found = ASSISTANCE_CATEGORIES.find((c) => c === v)
                if (found) set({ category: found })
              }}
              allowDeselect={false}
              error={fieldError('category')}
            />
            <WindowFields
              id="request-window"
              start={form.start}
              end={form.end}
              onChange={(w) => set(w)}
              error={fieldError('start', 'end')}
            />
            <Textarea
              label={t('assistance.purpose')}
              value={form.purpose}
              onChange={(e) => set({ purpose: e.currentTarget.value })}
              maxLength={4000}
              autosize
              minRows={2}
              error={fieldError('purpose')}
            />
            <Checkbox.Group
              label={t('assistance.addressees')}
              description={t('assistance.addresseesHint')}
              value={form.chosen ?? group.partners.map((p) => p.zoneId)}
              onChange={(ids) => set({ chosen: ids.length === group.partners.length ? null : ids })}
              error={fieldError('zoneIds', 'addressing')}
            >
              <Stack gap={6} mt={6}>
                {group.partners.map((p) => (
                  <Checkbox key={p.zoneId} value={p.zoneId} label={`${p.name} (${p.code})`} />
                ))}
              </Stack>
            </Checkbox.Group>
          </Stack>
        </Collapse>
        <Group gap="sm">
          {urgent ? (
            <Button type="submit" size="lg" color="red.9" loading={create.isPending} disabled={create.isPending}>
              {t('assistance.sendUrgent')}
            </Button>
          ) : (
            <>
              <Button type="submit" loading={create.isPending} disabled={create.isPending}>
                {t('assistance.sendForApproval')}
              </Button>
              <Button variant="default" onClick={submit(false)} disabled={create.isPending}>
                {t('assistance.saveDraft')}
              </Button>
            </>
          )}
        </Group>
        <Text fz="xs" c="dimmed">
          {t(urgent ? 'assistance.urgentNote' : 'assistance.plannedNote')}
        </Text>
      </Stack>
    </form>
  )
}

export function NewRequestPage() {
  const { t } = useI18n()
  const [params, setParams] = useSearchParams()
  const mode: Mode = params.get('urgent') === '1' ? 'urgent' : 'planned'
  usePageTitle(t(mode === 'urgent' ? 'assistance.urgentTitle' : 'assistance.newTitle'))
  const partners = usePartners()
  return (
    <>
      <BackLink to="/assistance" label={t('assistance.back')} />
      <PageHeader title={t(mode === 'urgent' ? 'assistance.urgentTitle' : 'assistance.newTitle')} />
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
        <Stack gap="md">
          <SegmentedControl
            value={mode}
            onChange={(v) => setParams(v === 'urgent' ? { urgent: '1' } : {}, { replace: true })}
            data={[
              { value: 'urgent', label: t('assistance.urgency.urgent') },
              { value: 'planned', label: t('assistance.urgency.planned') },
            ]}
            aria-label={t('assistance.mode')}
            style={{ alignSelf: 'flex-start' }}
          />
          <QueryView
            query={partners}
            isEmpty={(d) => d.items.length === 0}
            empty={<EmptyState description={t('assistance.noPartners')} />}
          >
            {(d) => <RequestForm key={mode} groups={d.items} mode={mode} />}
          </QueryView>
        </Stack>
      </Paper>
    </>
  )
}
