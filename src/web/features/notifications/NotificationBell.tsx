// The bell in the header: the unread count as a badge (and in the button's name, "Meldingen, 3 ongelezen"),
// a list of the newest notifications in the reader's language with Brussels date and time, a link to each
// object, mark read and mark all read. The list follows the live events of this user (api.ts).
import {
  ActionIcon,
  Anchor,
  Box,
  Button,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core'
import { useState } from 'react'
import { Link } from 'react-router'
import { IconBell, IconCheck } from '../../components/icons.tsx'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import {
  NOTIFICATION_MESSAGES,
  useLatestNotifications,
  useLiveNotifications,
  useMarkAllRead,
  useMarkRead,
  type Notification,
} from './api.ts'

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

/** The message of a notification: its kind's text with the parameters (calendar dates in Belgian form). */
export function useNotificationText(): (n: Notification) => string {
  const { t, f } = useI18n()
  return (n) => {
    const vars = Object.fromEntries(
      Object.entries(n.params).map(([name, value]) => [name, ISO_DATE.test(value) ? f.date(value) : value]),
    )
    return t(NOTIFICATION_MESSAGES[n.kind], vars)
  }
}

function NotificationItem({ notification, onOpen }: { notification: Notification; onOpen: () => void }) {
  const { t, f } = useI18n()
  const text = useNotificationText()
  const markRead = useMarkRead()
  const unread = notification.readAt === null
  const open = () => {
    if (unread) markRead.mutate(notification.id)
    onOpen()
  }
  return (
    <Box
      component="li"
      p="sm"
      className="notification-item"
      data-unread={unread || undefined}
      style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
    >
      <Text fz="sm" fw={unread ? 600 : 400}>
        {unread && <span className="visually-hidden">{t('notifications.unread')}: </span>}
        {text(notification)}
      </Text>
      <Group justify="space-between" gap="xs" mt={4} wrap="wrap">
        <Text fz="xs" c="dimmed" component="time" dateTime={notification.createdAt}>
          {f.dateTime(notification.createdAt)}
        </Text>
        <Group gap="xs" wrap="nowrap">
          {notification.link && (
            <Anchor component={Link} to={notification.link} onClick={open} fz="sm">
              {t('notifications.open')}
            </Anchor>
          )}
          {unread && (
            <UnstyledButton
              onClick={() => markRead.mutate(notification.id)}
              fz="sm"
              c="blue.8"
              disabled={markRead.isPending}
            >
              {t('notifications.markRead')}
            </UnstyledButton>
          )}
        </Group>
      </Group>
    </Box>
  )
}

export function NotificationBell() {
  const { t } = useI18n()
  const [opened, setOpened] = useState(false)
  const latest = useLatestNotifications()
  useLiveNotifications(true)
  const markAll = useMarkAllRead()
  const unread = latest.data?.unreadCount ?? 0
  const items = latest.data?.items ?? []
  const name = t('notifications.bell', { n: unread })

  return (
    // The Indicator wraps the popover so that the button itself is the target (Mantine gives it aria-expanded).
    <Indicator label={unread > 99 ? '99+' : unread} disabled={unread === 0} size={18} offset={4} color="red.8">
      <Popover
        opened={opened}
        onChange={setOpened}
        position="bottom-end"
        width="min(380px, calc(100vw - 16px))"
        shadow="md"
        trapFocus
        returnFocus
      >
        <Popover.Target>
          <ActionIcon variant="default" size="lg" aria-label={name} onClick={() => setOpened((o) => !o)}>
            <IconBell size={18} />
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown p={0} role="dialog" aria-label={t('notifications.title')}>
          <Group justify="space-between" p="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
            <Text fw={700} component="h2" fz="md" m={0}>
              {t('notifications.title')}
            </Text>
            <Button
              size="compact-sm"
              variant="subtle"
              leftSection={<IconCheck size={14} />}
              onClick={() => markAll.mutate(undefined)}
              disabled={unread === 0}
              loading={markAll.isPending}
            >
              {t('notifications.markAllRead')}
            </Button>
          </Group>
          <ScrollArea.Autosize mah="min(70vh, 480px)" type="auto">
            {latest.isError ? (
              <Text p="sm" fz="sm" c="red.8">
                {t('notifications.loadFailed')}
              </Text>
            ) : items.length === 0 ? (
              <Text p="sm" fz="sm" c="dimmed">
                {t('notifications.empty')}
              </Text>
            ) : (
              <Stack gap={0} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
                {items.map((n) => (
                  <NotificationItem key={n.id} notification={n} onOpen={() => setOpened(false)} />
                ))}
              </Stack>
            )}
          </ScrollArea.Autosize>
        </Popover.Dropdown>
      </Popover>
    </Indicator>
  )
}
