// The words of the assistance pages for codes the API sends (categories, capabilities, statuses, actions):
// looked up in the dictionary, falling back to the raw code for one the web app does not know yet.
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { nl } from '../../i18n/nl.ts'
import { hasKey } from '../../i18n/translate.ts'
import { hoursText } from './model.ts'

export function useAssistanceText() {
  const { t, f } = useI18n()
  const label = (prefix: string, code: string) => {
    const key = `${prefix}.${code}`
    return hasKey(nl, key) ? t(key) : code
  }
  const capability = (code: string) => label('assistance.capability', code)
  return {
    category: (code: string) => label('assistance.category', code),
    capability,
    status: (code: string) => label('assistance.status', code),
    urgency: (code: string) => label('assistance.urgency', code),
    action: (code: string) => label('assistance.action', code),
    answer: (code: string) => label('assistance.answer', code),
    lines: (lines: readonly { capability: string; count: number }[]) =>
      lines.map((l) => `${f.number(l.count)} × ${capability(l.capability)}`).join(', '),
    hours: (minutes: number) => hoursText(minutes, (h) => f.number(h)),
    window: (start: string | null | undefined, end: string | null | undefined) =>
      start && end ? `${f.dateTime(start)} – ${f.dateTime(end)}` : start ? f.dateTime(start) : '—',
  }
}
