import { Stack, Text } from '@mantine/core'
import { useSearchParams } from 'react-router'
import { useCurrentAssociation } from '../../auth/AssociationContext.tsx'
import { BelgianDateInput } from '../../components/BelgianDateInput.tsx'
import { PageHeader, usePageTitle } from '../../components/PageHeader.tsx'
import { EmptyState, LoadingState, QueryView } from '../../components/QueryState.tsx'
import { todayInBrussels } from '../../i18n/format.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { useFigures } from './api.ts'
import { populationYears } from './populationYears.ts'
import { QuotedBudget } from './QuotedBudget.tsx'
import { StatCards } from './StatCards.tsx'
import { ZoneFiguresChart } from './ZoneFiguresChart.tsx'
import { ZoneFiguresTable } from './ZoneFiguresTable.tsx'
import { GapsCard } from './GapsCard.tsx' // swaps (issue 8)

const isIsoDate = (value: string | null): value is string => value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value)

/** "<association> in cijfers": the association as it stood on a reference date (default: today). */
export function DashboardPage() {
  const { t, f } = useI18n()
  const { current } = useCurrentAssociation()
  const [params, setParams] = useSearchParams()
  const requested = params.get('date')
  const date = isIsoDate(requested) ? requested : todayInBrussels()
  const figures = useFigures(current?.id, date)
  const title = current ? t('dashboard.heading', { association: current.name }) : t('dashboard.pageTitle')
  usePageTitle(title)

  if (!current)
    return (
      <>
        <PageHeader title={t('dashboard.pageTitle')} />
        <EmptyState description={t('dashboard.noAssociation')} />
      </>
    )

  return (
    <>
      <PageHeader
        title={title}
        description={t('dashboard.dateHint')}
        actions={
          <BelgianDateInput
            label={t('dashboard.date')}
            value={date}
            onChange={(value) => {
              if (value) setParams({ date: value }, { replace: true })
            }}
            w={200}
          />
        }
      />
      <GapsCard /> {/* swaps (issue 8) */}
      <QueryView
        query={figures}
        loading={<LoadingState rows={5} height={90} />}
        isEmpty={(d) => d.zones.length === 0}
        empty={<EmptyState description={t('dashboard.empty', { date: f.date(date) })} />}
      >
        {(data) => (
          <Stack gap="lg">
            {populationYears(data) && (
              <Text fz="sm" c="dimmed" mt={-8}>
                {t('dashboard.populationHint', { years: populationYears(data) ?? '' })}
              </Text>
            )}
            <StatCards figures={data} />
            {data.quoted && <QuotedBudget quoted={data.quoted} />}
            <ZoneFiguresTable figures={data} />
            <ZoneFiguresChart figures={data} />
          </Stack>
        )}
      </QueryView>
    </>
  )
}
