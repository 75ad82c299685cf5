// "Materiaal reserveren" (/equipment/book?assetIds=..&from=..&to=..): the assets, a typed Brussels period, the
// purpose and the collector. The conflict check runs as the period changes: a conflicting period is shown BEFORE
// submit, and submit stays disabled while anything conflicts or cannot be lent. One idempotency key per form: a
// double click is one booking.
import { Alert, Badge, Button, Group, Paper, Select, Stack, Text, Textarea } from '@mantine/core'
import { useRef, useState, type FormEvent } from 'react'
import { useNavigate, useSearchParams } from 'react-router'
import { useSignedInUser } from '../../auth/session.ts'
import { BackLink } from '../../components/BackLink.tsx'
import { PageHeader, usePageTitle } from '../../components/PageHeader.tsx'
import { EmptyState } from '../../components/QueryState.tsx'
import { errorMessage } from '../../i18n/errorMessage.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { instantOf, newIdempotencyKey, wallOf, type Wall } from '../assistance/model.ts'
import { WindowFields } from '../assistance/WindowFields.tsx'
import { useBookingCheck, useCreateBooking, useZonePeople, type BookingCheck } from './bookings-api.ts'
import { useBookingText } from './BookingText.ts'

const BOOKING_ROLES = ['logistics', 'korpschef', 'planner']
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const blank: Wall = { date: null, time: '' }

function AssetCheck({ item }: { item: BookingCheck['assets'][number] }) {
  const { t, f } = useI18n()
  const text = useBookingText()
  const l = item.lendability
  return (
    <Paper withBorder p="sm">
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text fw={600} className="wrap-words">
            {item.asset.name}
          </Text>
          <Badge variant="light">{text.kind(item.asset.kind)}</Badge>
        </Group>
        <Text fz="sm" c="dimmed">
          {item.asset.identifier} · {item.asset.zone.name}
        </Text>
        {!l.lendable && (
          <Alert color="red" variant="light" role="alert" title={t('bookings.notLendable')}>
            {l.reason === 'validity' && l.kind && l.validUntil
              ? t('bookings.validityLapses', { kind: text.validity(l.kind), date: f.date(l.validUntil) })
              : t(l.reason === 'status' ? 'bookings.notAvailable' : 'bookings.keptForOwnUse')}
          </Alert>
        )}
        {item.conflicts.map((c) => (
          <Alert key={`${c.from}-${c.to}`} color="red" variant="light" role="alert" title={t('bookings.conflictTitle')}>
            {t(c.own ? 'bookings.conflictOwn' : 'bookings.conflict', {
              from: f.dateTime(c.from),
              to: f.dateTime(c.to),
            })}
          </Alert>
        ))}
      </Stack>
    </Paper>
  )
}

export function BookingNewPage() {
  const { t } = useI18n()
  usePageTitle(t('bookings.new.title'))
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const me = useSignedInUser()
  const assetIds = [...new Set((params.get('assetIds') ?? '').split(',').filter((id) => UUID.test(id)))].slice(0, 20)
  const fromParam = params.get('from')
  const toParam = params.get('to')
  const [start, setStart] = useState<Wall>(() =>
    fromParam && !isNaN(Date.parse(fromParam)) ? wallOf(fromParam) : blank,
  )
  const [end, setEnd] = useState<Wall>(() => (toParam && !isNaN(Date.parse(toParam)) ? wallOf(toParam) : blank))
  const [purpose, setPurpose] = useState('')
  const [collector, setCollector] = useState<string | null>(null)
  const [idempotencyKey] = useState(newIdempotencyKey)
  const sending = useRef(false)
  const create = useCreateBooking()
  const zoneId =
    me.person?.zoneId ?? me.roles.find((r) => BOOKING_ROLES.includes(r.role) && r.zoneId !== null)?.zoneId ?? null
  const people = useZonePeople(zoneId)
  const from = instantOf(start)
  const to = instantOf(end)
  const periodOk = from !== null && to !== null && Date.parse(to) > Date.parse(from)
  const check = useBookingCheck(assetIds.length > 0 && periodOk ? { assetIds, from: from, to: to } : null)
  const free = check.data?.ok === true && !check.isFetching

  async function submit(e: FormEvent) {
    e.preventDefault()
    if (sending.current || !free || !from || !to || purpose.trim() === '') return
    sending.current = true
    try {
      const group = await create.mutateAsync({
        assetIds,
        from,
        to,
        purpose: purpose.trim(),
        idempotencyKey,
        ...(collector ? { collectorPersonId: collector } : {}),
      })
      const first = group.bookings[0]
      void navigate(first ? `/equipment/bookings/${first.id}` : '/equipment/bookings')
    } catch {
      // Shown below from the mutation's error.
    } finally {
      sending.current = false
    }
  }

  if (assetIds.length === 0)
    return (
      <>
        <BackLink to="/equipment/bookings" label={t('bookings.title')} />
        <PageHeader title={t('bookings.new.title')} />
        <EmptyState description={t('bookings.new.noAssets')} />
      </>
    )

  return (
    <>
      <BackLink to="/equipment/bookings" label={t('bookings.title')} />
      <PageHeader title={t('bookings.new.title')} description={t('bookings.new.description')} />
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="md" maw={720}>
          <WindowFields
            id="booking"
            start={start}
            end={end}
            onChange={(next) => {
              setStart(next.start)
              setEnd(next.end)
            }}
            error={from && to && !periodOk ? t('bookings.new.endAfterStart') : undefined}
            labels={{ start: t('bookings.from'), end: t('bookings.to') }}
          />
          <Stack gap="sm" aria-live="polite">
            {!periodOk && <Text c="dimmed">{t('bookings.new.choosePeriod')}</Text>}
            {check.isError && (
              <Alert color="red" variant="light" role="alert">
                {errorMessage(check.error, t)}
              </Alert>
            )}
            {check.data?.assets.map((item) => (
              <AssetCheck key={item.assetId} item={item} />
            ))}
            {free && (
              <Alert color="green" variant="light">
                {t('bookings.new.free')}
              </Alert>
            )}
          </Stack>
          <Textarea
            label={t('bookings.purpose')}
            required
            autosize
            minRows={2}
            maxLength={500}
            value={purpose}
            onChange={(e) => setPurpose(e.currentTarget.value)}
          />
          <Select
            label={t('bookings.collector')}
            description={t('bookings.collectorHelp')}
            searchable
            clearable
            value={collector}
            onChange={setCollector}
            data={(people.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.lastName} ${p.firstName}` }))}
          />
          {create.isError && (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(create.error, t)}
            </Alert>
          )}
          <Group>
            <Button type="submit" size="md" disabled={!free || purpose.trim() === ''} loading={create.isPending}>
              {t('bookings.new.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  )
}
