import { ActionIcon, Group, Text } from '@mantine/core'
import { IconArrowLeft } from '../../components/icons.tsx'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { shiftMonth } from './months.ts'

/** ‹ november 2026 ›: the month a list or statement shows. */
export function MonthSwitcher({ month, onChange }: { month: string; onChange: (m: string) => void }) {
  const { t, f } = useI18n()
  return (
    <Group gap="xs" wrap="nowrap">
      <ActionIcon
        variant="default"
        size="lg"
        aria-label={t('callouts.previousMonth')}
        onClick={() => onChange(shiftMonth(month, -1))}
      >
        <IconArrowLeft size={18} />
      </ActionIcon>
      <Text fw={600} miw={130} ta="center" aria-live="polite">
        {f.month(`${month}-01`)}
      </Text>
      <ActionIcon
        variant="default"
        size="lg"
        aria-label={t('callouts.nextMonth')}
        onClick={() => onChange(shiftMonth(month, 1))}
      >
        <IconArrowLeft size={18} style={{ transform: 'rotate(180deg)' }} />
      </ActionIcon>
    </Group>
  )
}
