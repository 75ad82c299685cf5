// "Briefing" (/briefing): a zone's briefing of one shift — zone (own; several if the user has several), date
// (today) and shift (the current one) — as large readable cards, each confirmed with "Gelezen". Restricted items
// are locked cards until "Toon beperkte items" gets a justification; the view is then asked again with it (each
// item read is logged). Projector mode (/briefing/projector, or ?projector=1): full screen, very large type, high
// contrast, no chrome; live updates refresh every open view.
import { Alert, Box, Button, Group, Select, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { Navigate, useNavigate, useSearchParams } from 'react-router'
import { BelgianDateInput } from '../../components/BelgianDateInput.tsx'
import { IconKey } from '../../components/icons.tsx'
import { PageHeader, usePageTitle } from '../../components/PageHeader.tsx'
import { EmptyState, QueryView } from '../../components/QueryState.tsx'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { BriefingCard } from './BriefingCard.tsx'
import {
  SHIFTS,
  useBriefingView,
  useConfirmRead,
  useLiveBriefing,
  useTeams,
  type BriefingView,
  type Shift,
} from './briefing-api.ts'
import { JustificationModal } from './JustificationModal.tsx'
import { useBriefingText, useMyZones } from './text.ts'

const isShift = (v: string | null): v is Shift => v !== null && (SHIFTS as string[]).includes(v)

/** The view's choices live in the URL (shareable, and the projector opens on the same shift). */
function useChoices() {
  const [params, setParams] = useSearchParams()
  const zones = useMyZones()
  const zoneId = params.get('zone') ?? zones[0]?.id ?? null
  const shift = params.get('shift')
  const choices = {
    zoneId,
    date: params.get('date'),
    shift: isShift(shift) ? shift : null,
    teamId: params.get('team'),
  }
  const set = (key: 'zone' | 'date' | 'shift' | 'team', value: string | null) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p)
        if (value) next.set(key, value)
        else next.delete(key)
        if (key === 'zone') next.delete('team')
        return next
      },
      { replace: true },
    )
  return { zones, choices, set, params }
}

function Items({
  view,
  justification,
  projector,
}: {
  view: BriefingView
  justification: string | null
  projector: boolean
}) {
  const { t } = useI18n()
  const confirm = useConfirmRead()
  if (view.items.length === 0)
    return projector ? (
      <Text fz={32} c="gray.3">
        {t('briefing.empty')}
      </Text>
    ) : (
      <EmptyState description={t('briefing.empty')} />
    )
  return (
    <Stack component="ul" gap={projector ? 'xl' : 'md'} p={0} m={0} style={{ listStyle: 'none' }}>
      {view.items.map((item) => (
        <BriefingCard
          key={item.id}
          item={item}
          justification={justification}
          projector={projector}
          onConfirm={() => confirm.mutate(item.id)}
          confirming={confirm.isPending && confirm.variables === item.id}
        />
      ))}
    </Stack>
  )
}

export function BriefingViewPage({ projector = false }: { projector?: boolean }) {
  const { t, f } = useI18n()
  const text = useBriefingText()
  const navigate = useNavigate()
  usePageTitle(t('briefing.title'))
  useLiveBriefing()
  const { zones, choices, set, params } = useChoices()
  const [justification, setJustification] = useState<string | null>(null)
  const [asking, setAsking] = useState(false)
  const query = useBriefingView(choices, justification)
  const teams = useTeams(choices.zoneId)
  if (!projector && params.get('projector') === '1') {
    const next = new URLSearchParams(params)
    next.delete('projector')
    return <Navigate to={`/briefing/projector?${next.toString()}`} replace />
  }
  const view = query.data
  const lockedCount = view?.items.filter((i) => i.restricted && i.title === null).length ?? 0
  const heading = view ? `${view.zone.name} · ${f.date(view.date)} · ${text.shift(view.shift)}` : t('briefing.title')

  if (projector)
    return (
      <Box bg="black" c="white" mih="100vh" p={{ base: 'md', sm: 'xl' }}>
        <Group justify="space-between" mb="xl" wrap="wrap">
          <Title order={1} fz={{ base: 28, sm: 44 }} c="white">
            {heading}
          </Title>
          <Button variant="white" color="dark" onClick={() => void navigate(`/briefing?${params.toString()}`)}>
            {t('briefing.projector.exit')}
          </Button>
        </Group>
        {view && (
          <Text fz={22} c="gray.3" mb="lg">
            {text.period(view.period)}
          </Text>
        )}
        <QueryView query={query}>{(v) => <Items view={v} justification={justification} projector />}</QueryView>
      </Box>
    )

  return (
    <>
      <PageHeader
        title={t('briefing.title')}
        description={t('briefing.description')}
        actions={
          <Button variant="default" onClick={() => void navigate(`/briefing/projector?${params.toString()}`)}>
            {t('briefing.projector.open')}
          </Button>
        }
      />
      <Group align="flex-end" gap="md" mb="md" wrap="wrap">
        {zones.length > 1 && (
          <Select
            label={t('briefing.zone')}
            data={zones.map((z) => ({ value: z.id, label: z.name }))}
            value={choices.zoneId}
            onChange={(v) => set('zone', v)}
            allowDeselect={false}
            w={{ base: '100%', sm: 260 }}
          />
        )}
        <BelgianDateInput
          label={t('briefing.date')}
          value={choices.date ?? view?.date ?? null}
          onChange={(v) => v && set('date', v)}
          w={{ base: '100%', sm: 200 }}
        />
        <Select
          label={t('briefing.shiftLabel')}
          data={SHIFTS.map((s) => ({ value: s, label: text.shift(s) }))}
          value={choices.shift ?? view?.shift ?? null}
          onChange={(v) => set('shift', v)}
          allowDeselect={false}
          w={{ base: '100%', sm: 180 }}
        />
        <Select
          label={t('briefing.team')}
          placeholder={t('briefing.allTeams')}
          data={(teams.data?.teams ?? []).map((x) => ({ value: x.id, label: x.name }))}
          value={choices.teamId}
          onChange={(v) => set('team', v)}
          clearable
          w={{ base: '100%', sm: 200 }}
        />
      </Group>
      {view && (
        <Text c="dimmed" mb="md">
          {heading} · {text.period(view.period)}
        </Text>
      )}
      {lockedCount > 0 && (
        <Alert color="dark" variant="light" mb="md" icon={<IconKey />}>
          <Group justify="space-between" wrap="wrap">
            <Text fz="sm">{t('briefing.lockedCount', { count: lockedCount })}</Text>
            <Button size="sm" color="dark" onClick={() => setAsking(true)}>
              {t('briefing.showRestricted')}
            </Button>
          </Group>
        </Alert>
      )}
      <QueryView query={query}>{(v) => <Items view={v} justification={justification} projector={false} />}</QueryView>
      <JustificationModal
        opened={asking}
        onClose={() => setAsking(false)}
        onSubmit={(j) => {
          setJustification(j)
          setAsking(false)
        }}
      />
    </>
  )
}
