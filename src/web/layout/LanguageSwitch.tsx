import { SegmentedControl } from '@mantine/core'
import { useMe, useUpdateLocale } from '../auth/session.ts'
import { LOCALES, isLocale } from '../i18n/format.ts'
import { useI18n } from '../i18n/I18nProvider.tsx'

/** NL / FR / EN. Signed in, the choice is also stored on the account (PATCH /api/me). */
export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n()
  const { data: me } = useMe()
  const updateLocale = useUpdateLocale()
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('header.language')}
      value={locale}
      onChange={(value) => {
        if (!isLocale(value)) return
        setLocale(value, { byUser: true })
        if (me) updateLocale.mutate(value)
      }}
      data={LOCALES.map((l) => ({
        value: l,
        // The visible code is the accessible name (WCAG 2.5.3); the tooltip spells out the language.
        label: (
          <span lang={l} title={t(`locale.${l}`)}>
            {l.toUpperCase()}
          </span>
        ),
      }))}
    />
  )
}
