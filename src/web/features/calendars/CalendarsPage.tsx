import { PageHeader, usePageTitle } from '../../components/PageHeader.tsx'
import { useT } from '../../i18n/I18nProvider.tsx'
import { SubscriptionCard } from './SubscriptionCard.tsx'

/** "Agenda": subscribe a calendar app to one's duties. */
export function CalendarsPage() {
  const t = useT()
  usePageTitle(t('calendars.pageTitle'))
  return (
    <>
      <PageHeader title={t('calendars.pageTitle')} description={t('calendars.pageIntro')} />
      <SubscriptionCard />
    </>
  )
}
