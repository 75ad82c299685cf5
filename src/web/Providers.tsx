import { MantineProvider } from '@mantine/core'
import { DatesProvider } from '@mantine/dates'
import { Notifications } from '@mantine/notifications'
import { QueryClientProvider } from '@tanstack/react-query'
import { useState, type ReactNode } from 'react'
import { BrowserRouter } from 'react-router'
import { createQueryClient } from './api/queryClient.ts'
import { DAYJS_LOCALES, I18nProvider, useI18n } from './i18n/I18nProvider.tsx'
import { cssVariablesResolver, theme } from './theme.ts'

/** Date pickers follow the UI language; Belgian weeks start on Monday. */
function LocalizedDates({ children }: { children: ReactNode }) {
  const { locale } = useI18n()
  return <DatesProvider settings={{ locale: DAYJS_LOCALES[locale], firstDayOfWeek: 1 }}>{children}</DatesProvider>
}

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient)
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
          <LocalizedDates>
            <Notifications position="top-right" />
            <BrowserRouter>{children}</BrowserRouter>
          </LocalizedDates>
        </MantineProvider>
      </I18nProvider>
    </QueryClientProvider>
  )
}
