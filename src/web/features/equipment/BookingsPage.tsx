// "Reservaties" (/equipment/bookings): two tabs, the own zone's bookings ("Mijn reservaties") and the requests for
// the own zone's equipment ("Aanvragen voor ons materiaal"), kept current by the live events. Korpschefs and
// admins find the loan terms of their agreements listing `equipment` here.
import { Anchor, Badge, Group, Paper, Stack, Tabs, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { Link } from 'react-router'
import { api, data } from '../../api/client.ts'
import { useSignedInUser } from '../../auth/session.ts'
import { PageHeader, usePageTitle } from '../../components/PageHeader.tsx'
import { EmptyState, QueryView } from '../../components/QueryState.tsx'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { useBookings, useLiveBookings, type Booking, type Side } from './bookings-api.ts'
import { STATUS_COLOR, useBookingText } from './BookingText.ts'

function BookingCard({ booking, side }: { booking: Booking; side: Side }) {
  const { t } = useI18n()
  const text = useBookingText()
  return (
    <Paper withBorder p="sm" component="li">
      <Stack gap={4}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Anchor component={Link} to={`/equipment/bookings/${booking.id}`} fw={600} className="wrap-words">
            {booking.asset.name}
          </Anchor>
          <Group gap={6}>
            {booking.overdue && <Badge color="red">{t('bookings.overdue')}</Badge>}
            <Badge color={STATUS_COLOR[booking.status] ?? 'gray'} variant="light">
              {text.status(booking.status)}
            </Badge>
          </Group>
        </Group>
        <Text fz="sm">{text.period(booking.period)}</Text>
        <Text fz="sm" c="dimmed" className="wrap-words">
          {side === 'keeper'
            ? t('bookings.borrowedBy', { zone: booking.borrowerZone.name })
            : t('bookings.keptBy', { zone: booking.asset.zone.name })}
          {' · '}
          {booking.purpose}
        </Text>
      </Stack>
    </Paper>
  )
}

function BookingList({ side }: { side: Side }) {
  const { t } = useI18n()
  const query = useBookings(side)
  return (
    <QueryView
      query={query}
      isEmpty={(d) => d.items.length === 0}
      empty={<EmptyState description={t(side === 'keeper' ? 'bookings.emptyKeeper' : 'bookings.emptyBorrower')} />}
    >
      {(d) => (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
          {d.items.map((b) => (
            <BookingCard key={b.id} booking={b} side={side} />
          ))}
        </Stack>
      )}
    </QueryView>
  )
}

/** Links to the loan terms of the agreements in force that list `equipment` (korpschef, admin). */
function TermsLinks() {
  const { t } = useI18n()
  const agreements = useQuery({
    queryKey: ['equipment', 'agreements'],
    queryFn: () => data(api.GET('/api/agreements')),
    staleTime: 5 * 60_000,
  })
  const items = (agreements.data?.items ?? []).filter((a) => a.status === 'in_force' && a.domains.includes('equipment'))
  if (items.length === 0) return null
  return (
    <Paper withBorder p="sm" mb="md">
      <Text fw={600} mb={4}>
        {t('bookings.terms.links')}
      </Text>
      <Stack gap={2}>
        {items.map((a) => (
          <Anchor key={a.id} component={Link} to={`/equipment/terms/${a.id}`}>
            {a.title}
          </Anchor>
        ))}
      </Stack>
    </Paper>
  )
}

export function BookingsPage() {
  const { t } = useI18n()
  usePageTitle(t('bookings.title'))
  useLiveBookings()
  const me = useSignedInUser()
  const managesTerms = me.roles.some((r) => r.role === 'korpschef' || r.role === 'admin')
  return (
    <>
      <PageHeader title={t('bookings.title')} description={t('bookings.description')} />
      {managesTerms && <TermsLinks />}
      <Tabs defaultValue="borrower" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="borrower">{t('bookings.tab.borrower')}</Tabs.Tab>
          <Tabs.Tab value="keeper">{t('bookings.tab.keeper')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="borrower">
          <BookingList side="borrower" />
        </Tabs.Panel>
        <Tabs.Panel value="keeper">
          <BookingList side="keeper" />
        </Tabs.Panel>
      </Tabs>
    </>
  )
}
