import { ActionIcon, Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core'
import { IconX } from '../../components/icons.tsx'
import { useNotify } from '../../components/useNotify.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { useDeleteAvailability, type AvailabilityEntry, type AvailabilityKind } from './api.ts'

const KIND_COLOR: Record<AvailabilityKind, string> = { leave: 'blue', sick: 'red', training: 'teal', other: 'gray' }

/** "01/07/2026 – 03/07/2026" for whole days, else Brussels date and time at both ends. */
export function usePeriodLabel(): (e: {
  from: string
  to: string
  wholeDays: { from: string; to: string } | null
}) => string {
  const { f } = useI18n()
  return (e) => {
    if (!e.wholeDays) return `${f.dateTime(e.from)} – ${f.dateTime(e.to)}`
    const { from, to } = e.wholeDays
    return from === to ? f.date(from) : `${f.date(from)} – ${f.date(to)}`
  }
}

/** The entries, one card each: kind, period, whose (when not only one's own), note, who entered it. */
export function EntryList({
  entries,
  meId,
  showPerson,
  onShow,
}: {
  entries: AvailabilityEntry[]
  meId: string
  showPerson: boolean
  /** Shows the month of an entry in the month view. */
  onShow: (entry: AvailabilityEntry) => void
}) {
  const { t } = useI18n()
  const label = usePeriodLabel()
  const notify = useNotify()
  const remove = useDeleteAvailability()
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {entries.map((e) => (
        <Paper key={e.id} component="li" withBorder p="sm" radius="md">
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Stack gap={4} style={{ minWidth: 0 }}>
              <Group gap="xs" wrap="wrap">
                <Badge color={KIND_COLOR[e.kind]} variant="light">
                  {t(`availability.kind.${e.kind}`)}
                </Badge>
                <Anchor
                  component="button"
                  type="button"
                  fw={600}
                  fz="sm"
                  title={t('availability.showInMonth')}
                  onClick={() => onShow(e)}
                >
                  {label(e)}
                </Anchor>
              </Group>
              {showPerson && <Text fz="sm">{e.personName}</Text>}
              {e.note && (
                <Text fz="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {e.note}
                </Text>
              )}
              {e.enteredBy && e.enteredBy.userId !== meId && (
                <Text fz="xs" c="dimmed">
                  {t('availability.enteredBy', { name: e.enteredBy.name })}
                </Text>
              )}
            </Stack>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('availability.deleteLabel', { period: label(e) })}
              loading={remove.isPending && remove.variables === e.id}
              onClick={() => remove.mutate(e.id, { onSuccess: () => notify.success(t('availability.deleted')) })}
            >
              <IconX size={18} />
            </ActionIcon>
          </Group>
        </Paper>
      ))}
    </Stack>
  )
}
