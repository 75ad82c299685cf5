// One asset (/equipment/assets/:id): its details and keeper, its validities (managers edit them), a status and
// details form for the keeper's logistics staff and korpschef, the periods it is booked in the next eight weeks
// (the borrower named only for the reader's own bookings, or all of them for the keeper), and "Reserveren".
import { Alert, Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core'
import { useState, type ReactNode } from 'react'
import { Link, useParams } from 'react-router'
import { useSignedInUser } from '../../auth/session.ts'
import { BackLink } from '../../components/BackLink.tsx'
import { PageHeader, usePageTitle } from '../../components/PageHeader.tsx'
import { LoadingState, QueryView } from '../../components/QueryState.tsx'
import { useNotify } from '../../components/useNotify.ts'
import { errorMessage } from '../../i18n/errorMessage.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { ASSET_STATUSES } from '../../../server/platform/enums.ts'
import { StatusBadge, useAssetLabels, ValidityBadges } from './AssetBadges.tsx'
import { AssetDetailFields, type AssetDetails } from './AssetDetailFields.tsx'
import { AssetValidities } from './AssetValidities.tsx'
import {
  bookingPath,
  useAsset,
  useEquipmentLive,
  useTimeline,
  useUpdateAsset,
  type AssetDetail,
  type AssetStatus,
} from './assets-api.ts'

const MANAGERS: ReadonlySet<string> = new Set(['logistics', 'korpschef'])
const WEEKS_AHEAD = 8

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text fz="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz="sm" component="div" className="wrap-words">
        {children}
      </Text>
    </Stack>
  )
}

function EditForm({ asset }: { asset: AssetDetail }) {
  const { t } = useI18n()
  const labels = useAssetLabels()
  const notify = useNotify()
  const update = useUpdateAsset(asset.id)
  const [name, setName] = useState(asset.name)
  const [details, setDetails] = useState<AssetDetails>({
    location: asset.location ?? '',
    description: asset.description ?? '',
    lendable: asset.lendable,
  })
  const { location, description, lendable } = details
  const [status, setStatus] = useState<AssetStatus>(asset.status)
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="asset-edit">
      <Title order={2} fz="lg" mb="sm" id="asset-edit">
        {t('equipment.asset.edit')}
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          update.mutate(
            {
              name: name.trim(),
              location: location.trim() || null,
              description: description.trim() || null,
              status,
              lendable,
            },
            { onSuccess: () => notify.success(t('equipment.asset.saved')) },
          )
        }}
      >
        <Stack gap="sm" maw={560}>
          <TextInput
            label={t('equipment.asset.name')}
            value={name}
            required
            maxLength={200}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <Select
            label={t('equipment.col.status')}
            data={ASSET_STATUSES.map((s) => ({ value: s, label: labels.status(s) }))}
            value={status}
            onChange={(v) => setStatus(ASSET_STATUSES.find((s) => s === v) ?? status)}
            allowDeselect={false}
          />
          <AssetDetailFields value={details} onChange={(patch) => setDetails((d) => ({ ...d, ...patch }))} />
          {update.isError && (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(update.error, t)}
            </Alert>
          )}
          <Button type="submit" loading={update.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('equipment.asset.save')}
          </Button>
        </Stack>
      </form>
    </Paper>
  )
}

function BusySection({ asset }: { asset: AssetDetail }) {
  const { t, f } = useI18n()
  const labels = useAssetLabels()
  const [range] = useState(() => {
    const from = new Date()
    from.setUTCHours(0, 0, 0, 0)
    return { from: from.toISOString(), to: new Date(from.getTime() + WEEKS_AHEAD * 7 * 86_400_000).toISOString() }
  })
  const timeline = useTimeline({ ...range, assetId: asset.id })
  const busy = timeline.data?.assets[0]?.busy ?? []
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="asset-busy">
      <Title order={2} fz="lg" mb="sm" id="asset-busy">
        {t('equipment.asset.busy')}
      </Title>
      <QueryView query={timeline} loading={<LoadingState rows={2} />}>
        {() =>
          busy.length === 0 ? (
            <Text fz="sm">{t('equipment.asset.noBusy')}</Text>
          ) : (
            <Stack component="ul" gap={6} m={0} p={0} style={{ listStyle: 'none' }}>
              {busy.map((b) => (
                <Text component="li" fz="sm" key={`${b.from}-${b.to}`}>
                  {b.borrowerZone
                    ? t('equipment.timeline.busyBy', {
                        zone: b.borrowerZone.name,
                        status: labels.bookingStatus(b.status),
                        from: f.dateTime(b.from),
                        to: f.dateTime(b.to),
                      })
                    : `${t('equipment.asset.busyOther')}: ${f.dateTime(b.from)} – ${f.dateTime(b.to)}`}
                </Text>
              ))}
            </Stack>
          )
        }
      </QueryView>
    </Paper>
  )
}

function AssetView({ asset }: { asset: AssetDetail }) {
  const { t, f } = useI18n()
  const labels = useAssetLabels()
  const me = useSignedInUser()
  usePageTitle(asset.name)
  const canManage = asset.own && me.roles.some((r) => r.zoneId === asset.zone.id && MANAGERS.has(r.role))
  return (
    <>
      <BackLink to="/equipment" label={t('equipment.asset.back')} />
      <PageHeader
        eyebrow={labels.kind(asset.kind)}
        title={asset.name}
        actions={
          asset.status !== 'retired' && (asset.own || asset.lendable) ? (
            <Button component={Link} to={bookingPath([asset.id])}>
              {t('equipment.book')}
            </Button>
          ) : undefined
        }
      />
      <Stack gap="md">
        <Paper withBorder p="md" component="section" aria-labelledby="asset-details">
          <Title order={2} fz="lg" mb="sm" id="asset-details">
            {t('equipment.asset.details')}
          </Title>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md">
            <Fact label={t('equipment.asset.identifier')}>{asset.identifier}</Fact>
            <Fact label={t('equipment.asset.keeper')}>
              {asset.zone.name} ({asset.zone.code})
            </Fact>
            <Fact label={t('equipment.col.status')}>
              <Group gap={6}>
                <StatusBadge status={asset.status} />
                <ValidityBadges validities={asset.validities.filter((v) => v.state !== 'ok')} />
              </Group>
            </Fact>
            <Fact label={t('equipment.asset.location')}>{asset.location ?? '—'}</Fact>
            <Fact label={t('equipment.asset.lendable')}>
              {asset.lendable ? t('equipment.asset.yes') : t('equipment.asset.no')}
            </Fact>
            {asset.odometerKm !== null && (
              <Fact label={t('equipment.asset.odometer')}>{f.number(asset.odometerKm)} km</Fact>
            )}
            {asset.counter !== null && <Fact label={t('equipment.asset.counter')}>{f.number(asset.counter)}</Fact>}
            <Fact label={t('equipment.asset.updatedAt')}>{f.dateTime(asset.updatedAt)}</Fact>
          </SimpleGrid>
          {asset.description && (
            <Text fz="sm" mt="md" className="wrap-words" style={{ whiteSpace: 'pre-line' }}>
              {asset.description}
            </Text>
          )}
        </Paper>
        <AssetValidities asset={asset} canManage={canManage} />
        <BusySection asset={asset} />
        {canManage && <EditForm key={asset.updatedAt} asset={asset} />}
      </Stack>
    </>
  )
}

export function AssetPage() {
  const { id = '' } = useParams()
  useEquipmentLive()
  const asset = useAsset(id)
  return (
    <QueryView query={asset} loading={<LoadingState rows={6} />}>
      {(a) => <AssetView asset={a} />}
    </QueryView>
  )
}
