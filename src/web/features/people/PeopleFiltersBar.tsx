import { Grid, Paper, TextInput } from '@mantine/core'
import { useDebouncedCallback } from '@mantine/hooks'
import { useState } from 'react'
import { IconSearch } from '../../components/icons.tsx'
import { FilterSelect } from '../../components/FilterSelect.tsx'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { QUALIFICATIONS, RANKS, STAFF_KINDS, type PeopleFilters } from './filters.ts'

interface Props {
  filters: PeopleFilters
  zones: { value: string; label: string }[]
  onChange: (next: PeopleFilters) => void
}

/** Zone, name, rank, qualification, staff kind. Every change goes back to page 1; "clear" lives by the count. */
export function PeopleFiltersBar({ filters, zones, onChange }: Props) {
  const { t, label } = useI18n()
  const [q, setQ] = useState(filters.q)
  // Typing a name should not fire a request per keystroke.
  const commitQ = useDebouncedCallback((value: string) => onChange({ ...filters, q: value, page: 1 }), 300)
  const set = (patch: Partial<PeopleFilters>) => onChange({ ...filters, ...patch, page: 1 })

  return (
    <Paper withBorder p="md" component="search" aria-label={t('people.filters')}>
      <Grid gap="sm" align="flex-end">
        <Grid.Col span={{ base: 12, sm: 6, lg: 4 }}>
          <TextInput
            label={t('people.filter.search')}
            placeholder={t('people.filter.searchPlaceholder')}
            leftSection={<IconSearch size={16} />}
            type="search"
            value={q}
            onChange={(e) => {
              setQ(e.currentTarget.value)
              commitQ(e.currentTarget.value)
            }}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6, lg: 2 }}>
          <FilterSelect
            label={t('people.filter.zone')}
            data={zones}
            value={filters.zoneId}
            onChange={(v) => set({ zoneId: v })}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6, lg: 2 }}>
          <FilterSelect
            label={t('people.filter.staffKind')}
            data={STAFF_KINDS.map((k) => ({ value: k, label: label('staffKind', k) }))}
            value={filters.staffKind}
            onChange={(v) => set({ staffKind: STAFF_KINDS.find((k) => k === v) ?? null })}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6, lg: 2 }}>
          <FilterSelect
            label={t('people.filter.rank')}
            data={RANKS.map((r) => ({ value: r, label: label('rank', r) }))}
            value={filters.rank}
            onChange={(v) => set({ rank: RANKS.find((r) => r === v) ?? null })}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6, lg: 2 }}>
          <FilterSelect
            label={t('people.filter.qualification')}
            data={QUALIFICATIONS.map((c) => ({ value: c, label: label('qualification', c) }))}
            value={filters.qualification}
            onChange={(v) => set({ qualification: QUALIFICATIONS.find((c) => c === v) ?? null })}
          />
        </Grid.Col>
      </Grid>
    </Paper>
  )
}
