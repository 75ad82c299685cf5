// The words of the booking pages for codes the API sends (statuses, asset kinds, conditions, actions): looked up
// in the dictionary, falling back to the raw code for one the web app does not know yet.
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { nl } from '../../i18n/nl.ts'
import { hasKey } from '../../i18n/translate.ts'

export const STATUS_COLOR: Record<string, string> = {
  requested: 'gold',
  approved: 'blue',
  checked_out: 'grape',
  returned: 'green',
  rejected: 'red',
  cancelled: 'gray',
}

export function useBookingText() {
  const { t, f } = useI18n()
  const label = (prefix: string, code: string) => {
    const key = `${prefix}.${code}`
    return hasKey(nl, key) ? t(key) : code
  }
  return {
    status: (code: string) => label('bookings.status', code),
    kind: (code: string) => label('bookings.kind', code),
    condition: (code: string) => label('bookings.condition', code),
    action: (code: string) => label('bookings.action', code),
    validity: (code: string) => label('bookings.validity', code),
    period: (p: { from: string; to: string }) => `${f.dateTime(p.from)} – ${f.dateTime(p.to)}`,
  }
}
