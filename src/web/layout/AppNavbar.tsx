import { AppShell, NavLink, Select, Stack, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import { NavLink as RouterNavLink, useLocation } from 'react-router'
import { useCurrentAssociation } from '../auth/AssociationContext.tsx'
import { useSignedInUser } from '../auth/session.ts'
import { isDpo } from '../features/audit/isDpo.ts'
import { managesAccounts } from '../features/accounts/api.ts'
import { SignedInAs } from './UserMenu.tsx'
import { IconCalendar, IconChart, IconDocument, IconKey, IconMap, IconShield, IconUsers } from '../components/icons.tsx'
import { IconClock } from '../components/icons.tsx' // board (issue 8)
import { IconSwap } from '../components/icons.tsx' // swaps (issue 8)
import { IconBell } from '../components/icons.tsx' // callouts (issue 8)
import { useT } from '../i18n/I18nProvider.tsx'
import type { MessageKey } from '../i18n/nl.ts'

interface NavItem {
  to: string
  label: MessageKey
  icon: ReactNode
  end?: boolean
  zoneRolesOnly?: boolean
  dpoOnly?: boolean
  accountManagersOnly?: boolean
  /** fairness (issue 8): planners, korpschefs and association admins (the report's rule; others get 403). */
  plannersOnly?: boolean
  /** web (issue 9): the assistance ledger: korpschef, planner, finance of a zone, or an association admin. */
  ledgerOnly?: boolean
  /** web (issue 9): the association's assistance settings: its admin. */
  adminOnly?: boolean
  /** investments (issue 10): korpschef, finance, logistics of a zone, or an association admin. */
  investmentsOnly?: boolean
  /** settlements (issue 10): korpschef or finance of a zone, or an association admin. */
  settlementOnly?: boolean
  /** train-compliance (issue 11): the GPI 48 overview: korpschef, planner or trainer of a zone. */
  complianceOnly?: boolean
  /** train-compliance (issue 11): my training: a zone role and a linked person. */
  personOnly?: boolean
}

const LINKS: NavItem[] = [
  { to: '/', label: 'nav.dashboard', icon: <IconChart />, end: true },
  { to: '/agreements', label: 'nav.agreements', icon: <IconDocument /> },
  { to: '/zones', label: 'nav.zones', icon: <IconMap /> },
  // Staff belong to zones: an association admin without a zone role has no people to read (the API says 403).
  { to: '/people', label: 'nav.people', icon: <IconUsers />, zoneRolesOnly: true },
  // availability (issue 8): one's own leave and preferences; a planner also their zone's (zone roles only)
  { to: '/availability', label: 'nav.availability', icon: <IconCalendar />, zoneRolesOnly: true },
  // The audit API answers 403 to everyone but a data-protection officer: no link that leads to an error.
  { to: '/audit', label: 'nav.audit', icon: <IconShield />, dpoOnly: true },
  // Korpschefs and association admins manage accounts; everyone else would get a 403.
  { to: '/accounts', label: 'nav.accounts', icon: <IconKey />, accountManagersOnly: true },
  // calendars (issue 8): one's own duties, so for people with a zone role.
  { to: '/calendars', label: 'nav.calendars', icon: <IconCalendar />, zoneRolesOnly: true },
  // fairness (issue 8): the fairness report of the shared permanences
  { to: '/fairness', label: 'nav.fairness', icon: <IconChart />, plannersOnly: true },
  // board (issue 8): who is on duty now in every shared permanence one sees (zone roles and association admins)
  { to: '/board', label: 'nav.board', icon: <IconClock /> },
  // planner (issue 8): the shared permanences (an association admin sees them too)
  { to: '/rotations', label: 'nav.rotations', icon: <IconCalendar /> },
  // swaps (issue 8): my duties, swaps and give-aways; a planner's approvals (zone roles only)
  { to: '/duties', label: 'nav.duties', icon: <IconSwap />, zoneRolesOnly: true },
  // callouts (issue 8): one's own call-outs and monthly statement (a planner also the zone's), zone roles only
  { to: '/callouts', label: 'nav.callouts', icon: <IconBell />, zoneRolesOnly: true, end: true },
  { to: '/callouts/statement', label: 'nav.statement', icon: <IconDocument />, zoneRolesOnly: true },
  // web (issue 9): mutual assistance (requests: every role; the ledger and the settings: see the flags)
  { to: '/assistance', label: 'nav.assistance', icon: <IconBell />, end: true },
  { to: '/assistance/balances', label: 'nav.assistanceBalances', icon: <IconChart />, ledgerOnly: true },
  { to: '/assistance/settings', label: 'nav.assistanceSettings', icon: <IconKey />, adminOnly: true },
  // assets (issue 10): the equipment catalogue and its timeline, for every zone role
  { to: '/equipment', label: 'nav.equipment', icon: <IconSwap />, zoneRolesOnly: true },
  // investments (issue 10)
  { to: '/investments', label: 'nav.investments', icon: <IconChart />, investmentsOnly: true },
  // bookings (issue 10): the own zone's bookings and the requests for its equipment (zone roles)
  { to: '/equipment/bookings', label: 'nav.bookings', icon: <IconCalendar />, zoneRolesOnly: true },
  // settlements (issue 10): the period settlement of investments, loan fees and assistance
  { to: '/investments/settlement', label: 'nav.settlement', icon: <IconDocument />, settlementOnly: true },
  // training sessions (issue 11, train-sessions): the training calendar, for every zone role
  { to: '/training', label: 'nav.training', icon: <IconCalendar />, zoneRolesOnly: true },
  // train-compliance (issue 11): the zone's GPI 48 overview; one's own training
  { to: '/training/compliance', label: 'nav.trainingCompliance', icon: <IconChart />, complianceOnly: true },
  { to: '/training/me', label: 'nav.myTraining', icon: <IconCalendar />, personOnly: true },
]

function AssociationSwitcher() {
  const t = useT()
  const { current, all, select } = useCurrentAssociation()
  if (!current) return null
  if (all.length < 2)
    return (
      <Stack gap={2}>
        <Text fz="xs" c="dimmed" tt="uppercase" fw={600}>
          {t('header.association')}
        </Text>
        <Text fw={600} fz="sm">
          {current.name}
        </Text>
      </Stack>
    )
  return (
    <Select
      label={t('header.association')}
      data={all.map((a) => ({ value: a.id, label: a.name }))}
      value={current.id}
      onChange={(id) => id && select(id)}
      allowDeselect={false}
      comboboxProps={{ withinPortal: true }}
    />
  )
}

export function AppNavbar({ onNavigate }: { onNavigate: () => void }) {
  const t = useT()
  const { pathname } = useLocation()
  const me = useSignedInUser()
  const hasZoneRole = me.roles.some((r) => r.zoneId !== null)
  const dpo = isDpo(me)
  const managers = managesAccounts(me)
  const plans = me.roles.some((r) => r.role === 'planner' || r.role === 'korpschef' || r.role === 'admin')
  // web (issue 9)
  const ledger = me.roles.some(
    (r) => r.role === 'korpschef' || r.role === 'planner' || r.role === 'finance' || r.role === 'admin',
  )
  const admin = me.roles.some((r) => r.role === 'admin')
  // investments (issue 10)
  const investments = me.roles.some(
    (r) => r.role === 'korpschef' || r.role === 'finance' || r.role === 'logistics' || r.role === 'admin',
  )
  // settlements (issue 10)
  const settlement = me.roles.some((r) => r.role === 'korpschef' || r.role === 'finance' || r.role === 'admin')
  // train-compliance (issue 11)
  const compliance = me.roles.some(
    (r) => r.zoneId !== null && (r.role === 'korpschef' || r.role === 'planner' || r.role === 'trainer'),
  )
  const person = hasZoneRole && me.person !== null
  const visible = (link: NavItem) =>
    (hasZoneRole || !link.zoneRolesOnly) &&
    (dpo || !link.dpoOnly) &&
    (managers || !link.accountManagersOnly) &&
    (plans || !link.plannersOnly) &&
    (ledger || !link.ledgerOnly) &&
    (admin || !link.adminOnly) &&
    (investments || !link.investmentsOnly) && // investments (issue 10)
    (settlement || !link.settlementOnly) && // settlements (issue 10)
    (compliance || !link.complianceOnly) && // train-compliance (issue 11)
    (person || !link.personOnly)
  const matches = (link: NavItem) =>
    link.end ? pathname === link.to : pathname === link.to || pathname.startsWith(`${link.to}/`)
  // The most specific link is the active one: /investments/settlement is "Afrekening", not also "Investeringen".
  const active = LINKS.filter((link) => visible(link) && matches(link)).reduce<string | null>(
    (best, link) => (best === null || link.to.length > best.length ? link.to : best),
    null,
  )
  return (
    <>
      <AppShell.Section mb="lg">
        <AssociationSwitcher />
      </AppShell.Section>
      <AppShell.Section grow>
        <Stack gap={4}>
          {LINKS.filter(visible).map((link) => (
            <NavLink
              key={link.to}
              component={RouterNavLink}
              to={link.to}
              end={link.end}
              label={t(link.label)}
              leftSection={link.icon}
              active={link.to === active}
              onClick={onNavigate}
              variant="light"
              fw={500}
              style={{ borderRadius: 'var(--mantine-radius-md)' }}
            />
          ))}
        </Stack>
      </AppShell.Section>
      {/* On small screens the header has no room for who is signed in: say it here. */}
      <AppShell.Section hiddenFrom="md" pt="md" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
        <SignedInAs />
        <NavLink
          component={RouterNavLink}
          to="/password"
          label={t('password.menu')}
          leftSection={<IconKey />}
          onClick={onNavigate}
          mt="xs"
          variant="light"
          style={{ borderRadius: 'var(--mantine-radius-md)' }}
        />
      </AppShell.Section>
    </>
  )
}
