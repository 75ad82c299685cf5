import { Select } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useState } from 'react'
import { useT } from '../../i18n/I18nProvider.tsx'
import { usePeople } from '../people/api.ts'

export interface PickedPerson {
  id: string
  name: string
}

/** Optional: the staff member of the zone this account is for (searched on the server, 20 at a time). */
export function PersonPicker({
  zoneId,
  value,
  onChange,
}: {
  zoneId: string
  value: PickedPerson | null
  onChange: (person: PickedPerson | null) => void
}) {
  const t = useT()
  const [search, setSearch] = useState('')
  const [q] = useDebouncedValue(search, 250)
  const people = usePeople({ zoneId, q: q.trim() || undefined, limit: 20 })
  const options = (people.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.lastName}, ${p.firstName}` }))
  // The chosen person stays an option while the search shows others.
  if (value && !options.some((o) => o.value === value.id)) options.unshift({ value: value.id, label: value.name })
  return (
    <Select
      label={t('accounts.form.person')}
      description={t('accounts.form.personHint')}
      searchable
      clearable
      data={options}
      value={value?.id ?? null}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={people.isFetching ? t('app.loading') : t('accounts.form.personNone')}
      onChange={(id, option) => onChange(id && option ? { id, name: option.label } : null)}
      clearButtonProps={{ 'aria-label': t('common.clear') }}
    />
  )
}
