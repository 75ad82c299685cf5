// One booking (/equipment/bookings/:id): the asset, the zones, the period (and what the buffer blocks), the
// purpose, the decision; the buttons of exactly the actions the server lists; the check-out/check-in screen; the
// handovers with their condition, counters and damage; a weapon's chain of custody (keeper only).
import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core'
import { useState } from 'react'
import { useParams } from 'react-router'
import { BackLink } from '../../components/BackLink.tsx'
import { usePageTitle } from '../../components/PageHeader.tsx'
import { QueryView } from '../../components/QueryState.tsx'
import { useNotify } from '../../components/useNotify.ts'
import { errorMessage } from '../../i18n/errorMessage.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { useSignedInUser } from '../../auth/session.ts'
import {
  useAssetStatus,
  useBooking,
  useBookingStep,
  useCustody,
  useLiveBookings,
  usePutInMaintenance,
  type Booking,
} from './bookings-api.ts'
import { STATUS_COLOR, useBookingText } from './BookingText.ts'
import { HandoverForm } from './HandoverForm.tsx'

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={0}>
      <Text fz="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text fz="md" className="wrap-words">
        {children}
      </Text>
    </Stack>
  )
}

function Decisions({ booking }: { booking: Booking }) {
  const { t } = useI18n()
  const text = useBookingText()
  const notify = useNotify()
  const step = useBookingStep(booking.id)
  const [note, setNote] = useState('')
  const decisions = booking.actions.filter((a) => a === 'approve' || a === 'reject' || a === 'cancel')
  if (decisions.length === 0) return null
  const deciding = decisions.includes('approve')
  return (
    <Stack gap="sm">
      {deciding && (
        <Textarea
          label={t('bookings.decisionNote')}
          maxLength={500}
          autosize
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
      )}
      <Group gap="sm">
        {decisions.map((action) => (
          <Button
            key={action}
            size="md"
            variant={action === 'approve' ? 'filled' : action === 'reject' ? 'outline' : 'subtle'}
            color={action === 'reject' ? 'red' : undefined}
            loading={step.isPending && step.variables?.action === action}
            onClick={() =>
              step.mutate(
                { action, ...(note.trim() && action !== 'cancel' ? { note: note.trim() } : {}) },
                { onSuccess: (b) => notify.success(text.status(b.status)) },
              )
            }
          >
            {text.action(action)}
          </Button>
        ))}
      </Group>
      {step.isError && (
        <Alert color="red" variant="light" role="alert">
          {errorMessage(step.error, t)}
        </Alert>
      )}
    </Stack>
  )
}

function Handovers({ booking }: { booking: Booking }) {
  const { t, f } = useI18n()
  const text = useBookingText()
  if (booking.handovers.length === 0) return null
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="booking-handovers">
      <Title order={2} fz="lg" mb="sm" id="booking-handovers">
        {t('bookings.handovers')}
      </Title>
      <Stack gap="sm">
        {booking.handovers.map((h) => (
          <Stack key={h.id} gap={2}>
            <Group gap="xs">
              <Text fw={600}>{text.action(h.kind)}</Text>
              <Badge
                color={h.condition === 'damaged' ? 'red' : h.condition === 'worn' ? 'gold' : 'green'}
                variant="light"
              >
                {text.condition(h.condition)}
              </Badge>
            </Group>
            <Text fz="sm">
              {f.dateTime(h.at)} · {t('bookings.handover.fromTo', { from: h.handedBy.name, to: h.receivedBy.name })}
            </Text>
            {(h.odometerKm !== null || h.counter !== null) && (
              <Text fz="sm" c="dimmed">
                {h.odometerKm !== null ? `${t('bookings.handover.odometer')}: ${f.number(h.odometerKm)}` : ''}
                {h.odometerKm !== null && h.counter !== null ? ' · ' : ''}
                {h.counter !== null ? `${t('bookings.handover.counter')}: ${f.number(h.counter)}` : ''}
              </Text>
            )}
            {h.damageNote && (
              <Alert color="red" variant="light" title={t('bookings.handover.damageNote')}>
                {h.damageNote}
              </Alert>
            )}
          </Stack>
        ))}
      </Stack>
    </Paper>
  )
}

function Custody({ booking }: { booking: Booking }) {
  const { t, f } = useI18n()
  // Only the keeping zone sees the chain; the borrower's request answers 404 and the section stays hidden.
  const custody = useCustody(booking.asset.id, booking.asset.kind === 'weapon')
  if (booking.asset.kind !== 'weapon' || !custody.data) return null
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="booking-custody">
      <Title order={2} fz="lg" mb="sm" id="booking-custody">
        {t('bookings.custody')}
      </Title>
      <Stack gap={4} component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
        {custody.data.items.map((l) => (
          <Text component="li" key={`${l.from}`} fz="sm">
            {f.dateTime(l.from)} – {l.to ? f.dateTime(l.to) : t('bookings.custodyNow')}:{' '}
            {l.holder.person
              ? `${l.holder.person.name} (${l.holder.zone.name})`
              : t('bookings.armoury', { zone: l.holder.zone.name })}
          </Text>
        ))}
      </Stack>
    </Paper>
  )
}

/** Returned damaged: the keeper may put the asset in maintenance (it stays available otherwise). */
function DamageFollowUp({ booking }: { booking: Booking }) {
  const { t } = useI18n()
  const me = useSignedInUser()
  const notify = useNotify()
  const keeper = me.roles.some(
    (r) => (r.role === 'logistics' || r.role === 'korpschef') && r.zoneId === booking.asset.zone.id,
  )
  const damaged =
    booking.status === 'returned' && booking.handovers.some((h) => h.kind === 'check_in' && h.condition === 'damaged')
  const asset = useAssetStatus(booking.asset.id, keeper && damaged)
  const maintenance = usePutInMaintenance(booking.asset.id)
  if (!keeper || !damaged || !asset.data) return null
  if (asset.data.status !== 'available')
    return (
      <Alert color="gray" variant="light">
        {t('bookings.damage.inMaintenance')}
      </Alert>
    )
  return (
    <Alert color="gold" variant="light" title={t('bookings.damage.title')}>
      <Stack gap="xs" align="flex-start">
        <Text fz="sm">{t('bookings.damage.text')}</Text>
        <Button
          size="md"
          loading={maintenance.isPending}
          onClick={() =>
            maintenance.mutate(undefined, { onSuccess: () => notify.success(t('bookings.damage.inMaintenance')) })
          }
        >
          {t('bookings.damage.putInMaintenance')}
        </Button>
        {maintenance.isError && (
          <Text c="red.8" fz="sm">
            {errorMessage(maintenance.error, t)}
          </Text>
        )}
      </Stack>
    </Alert>
  )
}

function BookingView({ booking }: { booking: Booking }) {
  const { t, f } = useI18n()
  const text = useBookingText()
  const notify = useNotify()
  const handover = booking.actions.find((a) => a === 'check_out' || a === 'check_in')
  const [open, setOpen] = useState(false)
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Title order={1} fz={{ base: 24, sm: 28 }} className="wrap-words">
          {booking.asset.name}
        </Title>
        <Group gap={6}>
          {booking.overdue && <Badge color="red">{t('bookings.overdue')}</Badge>}
          <Badge size="lg" color={STATUS_COLOR[booking.status] ?? 'gray'} variant="light">
            {text.status(booking.status)}
          </Badge>
        </Group>
      </Group>
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Fact label={t('bookings.asset')}>
            {text.kind(booking.asset.kind)} · {booking.asset.identifier}
          </Fact>
          <Fact label={t('bookings.period')}>{text.period(booking.period)}</Fact>
          <Fact label={t('bookings.keeper')}>{booking.asset.zone.name}</Fact>
          <Fact label={t('bookings.borrower')}>{booking.borrowerZone.name}</Fact>
          <Fact label={t('bookings.purpose')}>{booking.purpose}</Fact>
          <Fact label={t('bookings.collector')}>{booking.collector?.name ?? '—'}</Fact>
          {booking.blocked.to !== booking.period.to && (
            <Fact label={t('bookings.blockedUntil')}>{f.dateTime(booking.blocked.to)}</Fact>
          )}
          {booking.feeCentsPerDay > 0 && <Fact label={t('bookings.fee')}>{f.money(booking.feeCentsPerDay)}</Fact>}
          <Fact label={t('bookings.requested')}>
            {f.dateTime(booking.requestedAt)}
            {booking.requestedBy ? ` · ${booking.requestedBy.displayName}` : ''}
          </Fact>
          {booking.decidedAt && (
            <Fact label={t(booking.autoApproved ? 'bookings.autoApproved' : 'bookings.decided')}>
              {f.dateTime(booking.decidedAt)}
              {booking.decisionNote ? ` · “${booking.decisionNote}”` : ''}
            </Fact>
          )}
        </SimpleGrid>
      </Paper>
      <Decisions booking={booking} />
      {handover && !open && (
        <Group>
          <Button size="lg" onClick={() => setOpen(true)}>
            {text.action(handover)}
          </Button>
        </Group>
      )}
      {handover && open && (
        <HandoverForm
          key={handover}
          booking={booking}
          kind={handover}
          onDone={(b) => {
            setOpen(false)
            notify.success(text.status(b.status))
          }}
        />
      )}
      <DamageFollowUp booking={booking} />
      <Handovers booking={booking} />
      <Custody booking={booking} />
    </Stack>
  )
}

export function BookingPage() {
  const { t } = useI18n()
  usePageTitle(t('bookings.detail.title'))
  useLiveBookings()
  const { id = '' } = useParams()
  const query = useBooking(id)
  return (
    <>
      <BackLink to="/equipment/bookings" label={t('bookings.title')} />
      <QueryView query={query}>{(b) => <BookingView booking={b} />}</QueryView>
    </>
  )
}
