// A period of calendar dates typed dd/mm/jjjj (from–to, both included), for the ledger's pages.
import { Group } from '@mantine/core'
import { BelgianDateInput } from '../../components/BelgianDateInput.tsx'
import { useI18n } from '../../i18n/I18nProvider.tsx'

export interface Period {
  from: string
  to: string
}

export function PeriodFields({ period, onChange }: { period: Period; onChange: (p: Period) => void }) {
  const { t } = useI18n()
  return (
    <Group gap="sm" align="flex-start" wrap="wrap">
      <BelgianDateInput
        id="assistance-period-from"
        label={t('assistance.period.from')}
        value={period.from}
        onChange={(from) => from && onChange({ ...period, from })}
        maxDate={period.to}
        w={170}
      />
      <BelgianDateInput
        id="assistance-period-to"
        label={t('assistance.period.to')}
        value={period.to}
        onChange={(to) => to && onChange({ ...period, to })}
        minDate={period.from}
        w={170}
      />
    </Group>
  )
}
