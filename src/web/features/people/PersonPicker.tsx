// A person of the planner's zone, or oneself: who a planner or korpschef enters for (availability, call-outs).
import { Select } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useState } from 'react'
import { useT } from '../../i18n/I18nProvider.tsx'
import { usePeople } from './api.ts'

export interface Picked {
  id: string
  name: string
}

const ME = 'me'

/** Planner, korpschef: a person of their zone, or themselves. */
export function PersonPicker({
  zoneId,
  value,
  onChange,
}: {
  zoneId: string
  value: Picked | null
  onChange: (p: Picked | null) => void
}) {
  const t = useT()
  const [search, setSearch] = useState('')
  const [q] = useDebouncedValue(search, 250)
  const people = usePeople({ zoneId, q: q.trim() || undefined, limit: 20 })
  const options = [
    { value: ME, label: t('availability.forMe') },
    ...(people.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.lastName}, ${p.firstName}` })),
  ]
  if (value && !options.some((o) => o.value === value.id)) options.splice(1, 0, { value: value.id, label: value.name })
  return (
    <Select
      label={t('availability.for')}
      searchable
      data={options}
      value={value?.id ?? ME}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={people.isFetching ? t('app.loading') : t('availability.personNone')}
      onChange={(id, option) => onChange(id && id !== ME && option ? { id, name: option.label } : null)}
      allowDeselect={false}
      maw={420}
    />
  )
}
