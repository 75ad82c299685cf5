// The check-out / check-in screen (issue 10), made for a tablet at the counter: large touch targets, people
// pickers (the keeper's people and the borrower's collector), the condition as segmented buttons, kilometres and
// counter as numeric-keypad fields, and the damage note required on 'damaged'.
import {
  Alert,
  Button,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core'
import { useState, type FormEvent } from 'react'
import { errorMessage } from '../../i18n/errorMessage.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { useCheckIn, useCheckOut, useZonePeople, type Booking } from './bookings-api.ts'
import { useBookingText } from './BookingText.ts'

type Condition = 'good' | 'worn' | 'damaged'
const CONDITIONS: Condition[] = ['good', 'worn', 'damaged']

export function HandoverForm({
  booking,
  kind,
  onDone,
}: {
  booking: Booking
  kind: 'check_out' | 'check_in'
  onDone: (result: Booking) => void
}) {
  const { t } = useI18n()
  const text = useBookingText()
  const keeperPeople = useZonePeople(booking.asset.zone.id)
  const own = booking.asset.zone.id === booking.borrowerZone.id
  const borrowerPeople = useZonePeople(own ? booking.borrowerZone.id : null)
  const keeperOptions = (keeperPeople.data?.items ?? []).map((p) => ({
    value: p.id,
    label: `${p.lastName} ${p.firstName}`,
  }))
  // The keeper sees the borrower's collector (and, for its own use, its own people).
  const borrowerOptions = own
    ? (borrowerPeople.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.lastName} ${p.firstName}` }))
    : [
        ...(booking.collector ? [{ value: booking.collector.personId, label: booking.collector.name }] : []),
        ...booking.handovers
          .map((h) => (h.kind === 'check_out' ? h.receivedBy : h.handedBy))
          .filter((p) => p.personId !== booking.collector?.personId)
          .map((p) => ({ value: p.personId, label: p.name })),
      ]
  const lastOut = booking.handovers.find((h) => h.kind === 'check_out')
  const [keeperPerson, setKeeperPerson] = useState<string | null>(null)
  const [borrowerPerson, setBorrowerPerson] = useState<string | null>(
    kind === 'check_in'
      ? (lastOut?.receivedBy.personId ?? booking.collector?.personId ?? null)
      : (booking.collector?.personId ?? null),
  )
  const [condition, setCondition] = useState<Condition>('good')
  const [odometer, setOdometer] = useState<number | string>('')
  const [counter, setCounter] = useState<number | string>('')
  const [note, setNote] = useState('')
  const [tried, setTried] = useState(false)
  const checkOut = useCheckOut(booking.id)
  const checkIn = useCheckIn(booking.id)
  const write = kind === 'check_out' ? checkOut : checkIn
  const noteMissing = condition === 'damaged' && note.trim() === ''
  const titleId = `handover-${kind}`

  async function submit(e: FormEvent) {
    e.preventDefault()
    setTried(true)
    if (!keeperPerson || !borrowerPerson || noteMissing) return
    const body = {
      handedByPersonId: kind === 'check_out' ? keeperPerson : borrowerPerson,
      receivedByPersonId: kind === 'check_out' ? borrowerPerson : keeperPerson,
      condition,
      ...(typeof odometer === 'number' ? { odometerKm: odometer } : {}),
      ...(typeof counter === 'number' ? { counter } : {}),
      ...(note.trim() ? { damageNote: note.trim() } : {}),
    }
    try {
      onDone(kind === 'check_out' ? await checkOut.mutateAsync(body) : await checkIn.mutateAsync(body))
    } catch {
      // Shown below from the mutation's error.
    }
  }

  const keeperLabel = t(
    kind === 'check_out' ? 'bookings.handover.handedByKeeper' : 'bookings.handover.receivedByKeeper',
  )
  const borrowerLabel = t(
    kind === 'check_out' ? 'bookings.handover.receivedByBorrower' : 'bookings.handover.handedByBorrower',
  )
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={titleId}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="md">
          <Title order={2} fz="lg" id={titleId}>
            {text.action(kind)}
          </Title>
          <Select
            size="md"
            label={keeperLabel}
            required
            searchable
            data={keeperOptions}
            value={keeperPerson}
            onChange={setKeeperPerson}
            error={tried && !keeperPerson ? t('bookings.handover.required') : undefined}
          />
          <Select
            size="md"
            label={borrowerLabel}
            required
            searchable
            data={borrowerOptions}
            value={borrowerPerson}
            onChange={setBorrowerPerson}
            error={tried && !borrowerPerson ? t('bookings.handover.required') : undefined}
          />
          <Stack gap={4}>
            <Text fz="sm" fw={500} id={`${titleId}-condition`}>
              {t('bookings.handover.condition')}
            </Text>
            <SegmentedControl
              size="md"
              fullWidth
              aria-labelledby={`${titleId}-condition`}
              value={condition}
              onChange={(v) => setCondition(CONDITIONS.find((c) => c === v) ?? 'good')}
              data={CONDITIONS.map((c) => ({ value: c, label: text.condition(c) }))}
            />
          </Stack>
          <Group grow wrap="wrap" align="flex-start">
            <NumberInput
              size="md"
              label={t('bookings.handover.odometer')}
              inputMode="numeric"
              min={0}
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator="."
              decimalSeparator=","
              value={odometer}
              onChange={setOdometer}
              miw={140}
            />
            <NumberInput
              size="md"
              label={t('bookings.handover.counter')}
              inputMode="numeric"
              min={0}
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator="."
              decimalSeparator=","
              value={counter}
              onChange={setCounter}
              miw={140}
            />
          </Group>
          <Textarea
            size="md"
            label={t('bookings.handover.damageNote')}
            required={condition === 'damaged'}
            autosize
            minRows={2}
            maxLength={2000}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={tried && noteMissing ? t('bookings.handover.noteRequired') : undefined}
          />
          {write.isError && (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(write.error, t)}
            </Alert>
          )}
          <Button type="submit" size="lg" loading={write.isPending}>
            {t(kind === 'check_out' ? 'bookings.handover.saveOut' : 'bookings.handover.saveIn')}
          </Button>
        </Stack>
      </form>
    </Paper>
  )
}
