// Rotations in words: the shift pattern ("weekly, handoff Monday 07:00"), the eligibility rule, a person's
// name, a slot's period in Brussels time — in the reader's language.
import { localeTag } from '../../i18n/format.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import type { Eligibility, Pattern } from './api.ts'

/** The weekday's name (1 = Monday … 7 = Sunday) in the locale. */
export function weekdayName(weekday: number, tag: string): string {
  // 1 January 2024 was a Monday.
  return new Intl.DateTimeFormat(tag, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, weekday)))
}

export function usePatternText(): (pattern: Pattern) => string {
  const { t, locale } = useI18n()
  const tag = localeTag(locale)
  return (pattern) => {
    switch (pattern.kind) {
      case 'weekly':
        return t('rotations.pattern.weeklyText', {
          weekday: weekdayName(pattern.handoffWeekday, tag),
          time: pattern.handoffTime,
        })
      case 'daily':
        return t('rotations.pattern.dailyText', { time: pattern.handoffTime })
      case 'day_night':
        return t('rotations.pattern.dayNightText', { day: pattern.dayStart, night: pattern.nightStart })
      case 'custom':
        return t('rotations.pattern.customText', { n: pattern.shifts.length })
    }
  }
}

export function useEligibilityText(): (eligibility: Eligibility) => string {
  const { t, label } = useI18n()
  return (eligibility) =>
    eligibility.anyOf
      .map((rule) => {
        const ranks = rule.ranks.map((r) => label('rank', r)).join(', ')
        const quals = (rule.qualifications ?? []).map((q) => label('qualificationShort', q)).join(', ')
        return quals ? t('rotations.eligibility.withQualifications', { ranks, qualifications: quals }) : ranks
      })
      .join(` ${t('rotations.eligibility.or')} `)
}

export const personName = (p: { firstName: string; lastName: string }): string => `${p.lastName}, ${p.firstName}`

/** "02/03/2026 07:00 – 09/03/2026 07:00" in Brussels time. */
export function usePeriodText(): (from: string, until: string) => string {
  const { f } = useI18n()
  return (from, until) => `${f.dateTime(from)} – ${f.dateTime(until)}`
}
