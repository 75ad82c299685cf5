// "Materiaal" (/equipment): the catalogue of the own zones' assets and, under an agreement in force listing
// `equipment`, the partners' lendable ones. Filters (kind, zone, text) and a period turn it into the availability
// search; available assets can be selected and booked together (the booking page of the bookings part). The
// filters live in the URL (a search can be shared); live equipment events keep it current.
import { Button, Group, Pagination, Stack, Text, TextInput } from '@mantine/core'
import { useMemo, useState } from 'react'
import { Link, useSearchParams } from 'react-router'
import { useSignedInUser } from '../../auth/session.ts'
import { FilterSelect } from '../../components/FilterSelect.tsx'
import { PageHeader, usePageTitle } from '../../components/PageHeader.tsx'
import { EmptyState, LoadingState, QueryView } from '../../components/QueryState.tsx'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { ASSET_KINDS } from '../../../server/platform/enums.ts'
import { useAssociations } from '../agreements/api.ts'
import { useAssetLabels } from './AssetBadges.tsx'
import { bookingPath, PAGE_SIZE, useAssets, useEquipmentLive, type AssetsQuery } from './assets-api.ts'
import { CatalogueSearch } from './CatalogueSearch.tsx'
import { CatalogueTable } from './CatalogueTable.tsx'

const MANAGERS: ReadonlySet<string> = new Set(['logistics', 'korpschef'])

/** The zones the filter offers: those of the associations the user works in. */
function useZoneOptions() {
  const me = useSignedInUser()
  const associations = useAssociations()
  return useMemo(() => {
    const mine = new Set(me.associations.map((a) => a.id))
    const zones = new Map<string, string>()
    for (const a of associations.data?.items ?? [])
      if (mine.has(a.id)) for (const z of a.zones) if (z.validTo === null) zones.set(z.id, z.name)
    return [...zones].map(([value, label]) => ({ value, label })).sort((x, y) => x.label.localeCompare(y.label))
  }, [associations.data, me.associations])
}

export function CataloguePage() {
  const { t, f } = useI18n()
  const labels = useAssetLabels()
  usePageTitle(t('equipment.title'))
  useEquipmentLive()
  const me = useSignedInUser()
  const ownZoneIds = useMemo(() => new Set(me.roles.flatMap((r) => (r.zoneId !== null ? [r.zoneId] : []))), [me.roles])
  const manages = me.roles.some((r) => r.zoneId !== null && MANAGERS.has(r.role))
  const zoneOptions = useZoneOptions()
  const [params, setParams] = useSearchParams()
  const [text, setText] = useState(params.get('q') ?? '')
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set())

  const kind = ASSET_KINDS.find((k) => k === params.get('kind')) ?? null
  const zoneId = params.get('zone')
  const from = params.get('from')
  const to = params.get('to')
  const period = from && to ? { from, to } : null
  const onlyAvailable = params.get('only') === '1'
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1)
  const query: AssetsQuery = {
    ...(kind ? { kind } : {}),
    ...(zoneId ? { zoneId } : {}),
    ...(params.get('q') ? { q: params.get('q') ?? '' } : {}),
    ...(period ? { from: period.from, to: period.to, ...(onlyAvailable ? { onlyAvailable: true } : {}) } : {}),
    ...(page > 1 ? { page } : {}),
  }
  const assets = useAssets(query)

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params)
    for (const [key, value] of Object.entries(changes))
      if (value === null) next.delete(key)
      else next.set(key, value)
    if (!('page' in changes)) next.delete('page')
    setParams(next, { replace: true })
    setSelected(new Set())
  }
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current)
      if (!next.delete(id)) next.add(id)
      return next
    })

  return (
    <>
      <PageHeader
        title={t('equipment.title')}
        description={t('equipment.description')}
        actions={
          <>
            <Button component={Link} to="/equipment/timeline" variant="default">
              {t('equipment.timelineLink')}
            </Button>
            {manages && (
              <Button component={Link} to="/equipment/assets/new">
                {t('equipment.newAsset')}
              </Button>
            )}
          </>
        }
      />
      <Stack gap="md">
        <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label={t('equipment.filters')}>
          <FilterSelect
            label={t('equipment.filter.kind')}
            data={ASSET_KINDS.map((k) => ({ value: k, label: labels.kind(k) }))}
            value={kind}
            onChange={(v) => update({ kind: v ?? null })}
            w={{ base: '100%', xs: 220 }}
          />
          <FilterSelect
            label={t('equipment.filter.zone')}
            data={zoneOptions}
            value={zoneId}
            onChange={(v) => update({ zone: v })}
            w={{ base: '100%', xs: 240 }}
          />
          <form
            onSubmit={(e) => {
              e.preventDefault()
              update({ q: text.trim() || null })
            }}
            style={{ flex: '1 1 240px' }}
          >
            <TextInput
              label={t('equipment.filter.q')}
              placeholder={t('equipment.filter.qPlaceholder')}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              onBlur={() => text.trim() !== (params.get('q') ?? '') && update({ q: text.trim() || null })}
              type="search"
            />
          </form>
        </Group>
        <CatalogueSearch
          key={period ? `${period.from}/${period.to}` : 'none'}
          period={period}
          onlyAvailable={onlyAvailable}
          onSearch={(p) => update({ from: p.from, to: p.to })}
          onClear={() => update({ from: null, to: null, only: null })}
          onOnlyAvailable={(only) => update({ only: only ? '1' : null })}
        />
        {period && (
          <Group justify="space-between" gap="sm" wrap="wrap">
            <Text fw={600} aria-live="polite">
              {t('equipment.search.active', { from: f.dateTime(period.from), to: f.dateTime(period.to) })}
            </Text>
            {selected.size > 0 ? (
              <Button component={Link} to={bookingPath([...selected], period.from, period.to)}>
                {t('equipment.bookSelected', { n: selected.size })}
              </Button>
            ) : (
              <Text fz="sm" c="dimmed">
                {t('equipment.selectHelp')}
              </Text>
            )}
          </Group>
        )}
        <QueryView
          query={assets}
          loading={<LoadingState rows={6} />}
          isEmpty={(d) => d.items.length === 0 && page === 1}
          empty={<EmptyState description={t('equipment.empty')} />}
        >
          {(d) => (
            <Stack gap="sm" style={{ opacity: assets.isPlaceholderData ? 0.6 : 1 }} aria-busy={assets.isFetching}>
              <Text fz="sm" c="dimmed">
                {t('equipment.count', { n: d.total })}
              </Text>
              <CatalogueTable
                items={d.items}
                ownZoneIds={ownZoneIds}
                searching={period !== null}
                selected={selected}
                onToggle={toggle}
              />
              {d.total > PAGE_SIZE && (
                <nav aria-label={t('equipment.pagination')}>
                  <Pagination
                    total={Math.ceil(d.total / PAGE_SIZE)}
                    value={page}
                    onChange={(p) => update({ page: String(p) })}
                  />
                </nav>
              )}
            </Stack>
          )}
        </QueryView>
      </Stack>
    </>
  )
}
