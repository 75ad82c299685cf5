import { Button, Stack } from '@mantine/core'
import { useState } from 'react'
import { useSearchParams } from 'react-router'
import { useCurrentAssociation } from '../../auth/AssociationContext.tsx'
import { useSignedInUser } from '../../auth/session.ts'
import { PageHeader, usePageTitle } from '../../components/PageHeader.tsx'
import { PagedResults } from '../../components/PagedResults.tsx'
import { EmptyState, LoadingState, QueryView } from '../../components/QueryState.tsx'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { useAssociations } from '../agreements/api.ts'
import { usePeople } from './api.ts'
import { PAGE_SIZE, readFilters, toQuery, writeFilters, type PeopleFilters } from './filters.ts'
import { PeopleFiltersBar } from './PeopleFiltersBar.tsx'
import { PeopleTable } from './PeopleTable.tsx'

/** The zones whose people the user may meet: those of the associations they work in. */
function useZoneOptions(): { value: string; label: string }[] {
  const me = useSignedInUser()
  const { all } = useCurrentAssociation()
  const associations = useAssociations()
  const ids = new Set(all.map((a) => a.id))
  const zones = new Map<string, string>()
  for (const a of associations.data?.items ?? [])
    if (ids.has(a.id)) for (const z of a.zones) if (z.validTo === null) zones.set(z.id, `${z.code} ${z.name}`)
  if (me.person && !zones.has(me.person.zoneId)) zones.set(me.person.zoneId, me.person.zoneCode)
  return [...zones].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label))
}

export function PeoplePage() {
  const { t } = useI18n()
  usePageTitle(t('people.pageTitle'))
  const [params, setParams] = useSearchParams()
  const filters = readFilters(params)
  const people = usePeople(toQuery(filters))
  const zones = useZoneOptions()
  const update = (next: PeopleFilters) => setParams(writeFilters(next), { replace: true })
  // The search box keeps its own text while typing; remounting it is how "clear" empties it too.
  const [resets, setResets] = useState(0)
  const filtered = Boolean(filters.zoneId || filters.q || filters.rank || filters.qualification || filters.staffKind)
  const clear = () => {
    setResets((n) => n + 1)
    update({ zoneId: null, q: '', rank: null, qualification: null, staffKind: null, page: 1 })
  }
  const clearButton = filtered && (
    <Button variant="subtle" size="compact-sm" onClick={clear}>
      {t('people.filter.reset')}
    </Button>
  )

  return (
    <>
      <PageHeader title={t('people.heading')} description={t('people.intro')} />
      <Stack gap="md">
        <PeopleFiltersBar key={resets} filters={filters} zones={zones} onChange={update} />
        <QueryView
          query={people}
          loading={<LoadingState rows={8} />}
          isEmpty={(d) => d.items.length === 0 && filters.page === 1}
          empty={<EmptyState description={t('people.empty')} action={clearButton} />}
        >
          {(data) => (
            <PagedResults
              total={data.total}
              shown={data.items.length}
              page={filters.page}
              pageSize={PAGE_SIZE}
              countLabel={t('people.count', { n: data.total })}
              rangeLabel={(from, to) => t('people.range', { from, to, total: data.total })}
              paginationLabel={t('people.pagination')}
              actions={clearButton}
              stale={people.isPlaceholderData}
              busy={people.isFetching}
              onPage={(page) => update({ ...filters, page })}
            >
              <PeopleTable people={data.items} page={filters.page} />
            </PagedResults>
          )}
        </QueryView>
      </Stack>
    </>
  )
}
