// The words and colours of the briefing pages for codes the API sends (categories, priorities, shifts): looked up
// in the dictionary, falling back to the raw code for one the web app does not know yet.
import { useSignedInUser } from '../../auth/session.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { nl } from '../../i18n/nl.ts'
import { hasKey } from '../../i18n/translate.ts'

export const CATEGORY_COLOR: Record<string, string> = {
  wanted_person: 'red',
  wanted_vehicle: 'orange',
  attention_point: 'blue',
  event: 'grape',
  working_instruction: 'teal',
  officer_safety: 'yellow',
}
export const PRIORITY_COLOR: Record<string, string> = { urgent: 'red.9', high: 'orange.5', normal: 'gray.7' }

export function useBriefingText() {
  const { t, f } = useI18n()
  const label = (prefix: string, code: string) => {
    const key = `${prefix}.${code}`
    return hasKey(nl, key) ? t(key) : code
  }
  return {
    category: (code: string) => label('briefing.category', code),
    priority: (code: string) => label('briefing.priority', code),
    shift: (code: string) => label('briefing.shift', code),
    period: (p: { from: string; to: string }) => `${f.dateTime(p.from)} – ${f.dateTime(p.to)}`,
  }
}

/** The zones in which the user has a zone role, the linked person's zone first. */
export function useMyZones(): { id: string; code: string; name: string }[] {
  const me = useSignedInUser()
  const seen = new Map<string, { id: string; code: string; name: string }>()
  for (const r of me.roles)
    if (r.zoneId && r.role !== 'admin' && !seen.has(r.zoneId))
      seen.set(r.zoneId, { id: r.zoneId, code: r.zoneCode ?? '', name: r.zoneName ?? '' })
  const home = me.person?.zoneId
  return [...seen.values()].sort(
    (a, b) => Number(b.id === home) - Number(a.id === home) || a.code.localeCompare(b.code),
  )
}
