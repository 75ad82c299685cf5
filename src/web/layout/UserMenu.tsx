import { ActionIcon, Box, Button, Group, Stack, Text, Tooltip } from '@mantine/core'
import { Link, useNavigate } from 'react-router'
import { useLogout, useSignedInUser } from '../auth/session.ts'
import { IconKey, IconLogout } from '../components/icons.tsx'
import { NotificationBell } from '../features/notifications/NotificationBell.tsx'
import { useI18n } from '../i18n/I18nProvider.tsx'

/** "Hilde Bollen / Korpschef · 5373 Beringen/Ham/Tessenderlo": the person, their role and zone. */
function useIdentity(): { name: string; detail: string } {
  const me = useSignedInUser()
  const { label } = useI18n()
  const ownZone =
    me.roles.find((r) => r.zoneId !== null && r.zoneId === me.person?.zoneId) ?? me.roles.find((r) => r.zoneId)
  const mainRole = ownZone ?? me.roles[0]
  const roleText = mainRole ? label('role', mainRole.role) : null
  // An admin of several associations is not "of" one of them: the navbar's switcher says which one is shown.
  const zoneText = ownZone?.zoneCode
    ? `${ownZone.zoneCode} ${ownZone.zoneName ?? ''}`.trim()
    : me.associations.length === 1
      ? mainRole?.associationName
      : null
  return { name: me.displayName, detail: [roleText, zoneText].filter(Boolean).join(' · ') }
}

export function SignedInAs({ align = 'flex-start' }: { align?: 'flex-start' | 'flex-end' }) {
  const { name, detail } = useIdentity()
  return (
    <Stack gap={0} align={align}>
      <Text fw={600} fz="sm" lh={1.3}>
        {name}
      </Text>
      <Text fz="xs" c="dimmed" lh={1.3} ta={align === 'flex-end' ? 'right' : 'left'}>
        {detail}
      </Text>
    </Stack>
  )
}

/** Signing out: a labelled button, an icon on phones. Works without a known user too (see SessionUnavailable). */
export function SignOutButton() {
  const { t } = useI18n()
  const logout = useLogout()
  const navigate = useNavigate()
  const signOut = () => logout.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) })
  return (
    <>
      <Button
        variant="default"
        size="xs"
        leftSection={<IconLogout size={16} />}
        onClick={signOut}
        loading={logout.isPending}
        visibleFrom="sm"
      >
        {t('header.logout')}
      </Button>
      <Tooltip label={t('header.logout')}>
        <ActionIcon variant="default" size="lg" onClick={signOut} aria-label={t('header.logout')} hiddenFrom="sm">
          <IconLogout size={18} />
        </ActionIcon>
      </Tooltip>
    </>
  )
}

/** Who is signed in, for which zone and role, their notifications, their password, and the way out. */
export function UserMenu() {
  const { t } = useI18n()
  return (
    <Group gap="sm" wrap="nowrap">
      <Box visibleFrom="md">
        <SignedInAs align="flex-end" />
      </Box>
      <NotificationBell />
      {/* On a phone the header has no room: the navbar carries the link there. */}
      <Tooltip label={t('password.menu')}>
        <ActionIcon
          variant="default"
          size="lg"
          component={Link}
          to="/password"
          aria-label={t('password.menu')}
          visibleFrom="sm"
        >
          <IconKey size={18} />
        </ActionIcon>
      </Tooltip>
      <SignOutButton />
    </Group>
  )
}
