import { ActionIcon, Badge, Group, Paper, Stack, Text } from '@mantine/core'
import { IconX } from '../../components/icons.tsx'
import { useNotify } from '../../components/useNotify.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { useDeleteCallOut, type CallOut } from './api.ts'
import { hoursOf } from './months.ts'

/** The month's call-outs, one card each: period, duration, reason; removable until the month is approved. */
export function CallOutList({ items, meId }: { items: readonly CallOut[]; meId: string }) {
  const { t, f } = useI18n()
  const notify = useNotify()
  const remove = useDeleteCallOut()
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {items.map((c) => {
        const period = `${f.dateTime(c.start)} – ${f.dateTime(c.end)}`
        return (
          <Paper key={c.id} component="li" withBorder p="sm" radius="md">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Stack gap={4} style={{ minWidth: 0 }}>
                <Text fw={600} fz="sm">
                  {period}
                </Text>
                <Group gap="xs">
                  <Badge variant="light">
                    {t('callouts.hours', { hours: f.number(hoursOf(c.minutes), { minimumFractionDigits: 2 }) })}
                  </Badge>
                  {c.locked && (
                    <Badge color="gray" variant="light">
                      {t('callouts.locked')}
                    </Badge>
                  )}
                </Group>
                <Text fz="sm" style={{ overflowWrap: 'anywhere' }}>
                  {c.reason}
                </Text>
                <Text fz="xs" c="dimmed">
                  {c.rotationName}
                  {c.enteredBy && c.enteredBy.userId !== meId
                    ? ` · ${t('callouts.enteredBy', { name: c.enteredBy.name })}`
                    : ''}
                </Text>
              </Stack>
              {!c.locked && (
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  aria-label={t('callouts.delete', { period })}
                  loading={remove.isPending && remove.variables === c.id}
                  onClick={() => remove.mutate(c.id, { onSuccess: () => notify.success(t('callouts.deleted')) })}
                >
                  <IconX size={18} />
                </ActionIcon>
              )}
            </Group>
          </Paper>
        )
      })}
    </Stack>
  )
}
