import { SegmentedControl } from '@mantine/core'
import { useQueryClient } from '@tanstack/react-query'
import { ME_KEY } from '../api/queryClient.ts'
import { useUpdateLocale } from '../auth/session.ts'
import { LOCALES, isLocale } from '../i18n/format.ts'
import { useI18n } from '../i18n/I18nProvider.tsx'

/** NL / FR / EN. Signed in, the choice is also stored on the account (PATCH /api/me). */
export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n()
  // Read at the click, not subscribed: the switch must not (re)load the user where that failed (SessionUnavailable).
  const queryClient = useQueryClient()
  const updateLocale = useUpdateLocale()
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('header.language')}
      value={locale}
      onChange={(value) => {
        if (!isLocale(value)) return
        setLocale(value, { byUser: true })
        if (queryClient.getQueryData(ME_KEY)) updateLocale.mutate(value)
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
