import { Grid, Paper, Select } from '@mantine/core'
import { DatePickerInput } from '@mantine/dates'
import { useDebouncedValue } from '@mantine/hooks'
import { useState } from 'react'
import { FilterSelect } from '../../components/FilterSelect.tsx'
import { IconCalendar, IconSearch } from '../../components/icons.tsx'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { useAuditActors, usePerson, usePersonSearch } from './api.ts'
import { AUDIT_ACTIONS, isAuditAction, type AuditFilters } from './filters.ts'

interface Props {
  filters: AuditFilters
  zones: { value: string; label: string }[]
  onChange: (next: AuditFilters) => void
}

const personLabel = (p: { firstName: string; lastName: string; zoneCode: string }) =>
  `${p.firstName} ${p.lastName} · ${p.zoneCode}`

/** Who is it about: a person found by name (searched on the server), the selected one always among the options. */
function PersonFilter({ value, onChange }: { value: string | null; onChange: (id: string | null) => void }) {
  const { t } = useI18n()
  const [search, setSearch] = useState('')
  const [term] = useDebouncedValue(search, 250)
  const selected = usePerson(value)
  const selectedLabel = selected.data ? personLabel(selected.data) : null
  const found = usePersonSearch(term === selectedLabel ? '' : term)
  const options = new Map<string, string>()
  if (value) options.set(value, selectedLabel ?? value)
  for (const p of found.data?.items ?? []) options.set(p.id, personLabel(p))
  return (
    <Select
      label={t('audit.filter.person')}
      placeholder={t('audit.filter.personPlaceholder')}
      leftSection={<IconSearch size={16} />}
      searchable
      clearable
      clearButtonProps={{ 'aria-label': t('common.clear') }}
      searchValue={search}
      onSearchChange={setSearch}
      // The server already matched the name: show its answer as it is.
      filter={({ options: all }) => all}
      nothingFoundMessage={term.trim().length >= 2 && !found.isFetching ? t('audit.filter.noPeople') : undefined}
      data={[...options].map(([id, label]) => ({ value: id, label }))}
      value={value}
      onChange={onChange}
    />
  )
}

/** Zone, action, person, user and period (Brussels dates). Every change goes back to page 1. */
export function AuditFiltersBar({ filters, zones, onChange }: Props) {
  const { t, label } = useI18n()
  const actors = useAuditActors()
  const set = (patch: Partial<AuditFilters>) => onChange({ ...filters, ...patch, page: 1 })
  const dateProps = {
    valueFormat: 'DD/MM/YYYY',
    clearable: true,
    leftSection: <IconCalendar size={16} />,
    clearButtonProps: { 'aria-label': t('common.clear') },
  }

  return (
    <Paper withBorder p="md" component="search" aria-label={t('audit.filters')}>
      <Grid gap="sm" align="flex-end">
        <Grid.Col span={{ base: 12, sm: 6, lg: 4 }}>
          <PersonFilter value={filters.personId} onChange={(v) => set({ personId: v })} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6, lg: 4 }}>
          <FilterSelect
            label={t('audit.filter.user')}
            searchable
            data={(actors.data?.items ?? []).map((a) => ({
              value: a.id,
              label: a.zoneCodes.length ? `${a.name} · ${a.zoneCodes.join(', ')}` : a.name,
            }))}
            value={filters.actorUserId}
            onChange={(v) => set({ actorUserId: v })}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 6, lg: 2 }}>
          <DatePickerInput
            {...dateProps}
            label={t('audit.filter.from')}
            value={filters.from}
            maxDate={filters.to ?? undefined}
            onChange={(v) => set({ from: v })}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 6, lg: 2 }}>
          <DatePickerInput
            {...dateProps}
            label={t('audit.filter.to')}
            value={filters.to}
            minDate={filters.from ?? undefined}
            onChange={(v) => set({ to: v })}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6, lg: 4 }}>
          <FilterSelect
            label={t('audit.filter.zone')}
            data={zones}
            value={filters.zoneId}
            onChange={(v) => set({ zoneId: v })}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6, lg: 4 }}>
          <FilterSelect
            label={t('audit.filter.action')}
            data={AUDIT_ACTIONS.map((a) => ({ value: a, label: label('auditAction', a) }))}
            value={filters.action}
            onChange={(v) => set({ action: isAuditAction(v) ? v : null })}
          />
        </Grid.Col>
      </Grid>
    </Paper>
  )
}
