// "Nieuw materiaal" (/equipment/assets/new), for the logistics staff and korpschef of a zone: the asset's kind,
// name, identifier (plate, serial, weapon number: unique per zone and kind), location, whether partners may book
// it, and optionally its first validity (typed dd/mm/jjjj). Then on to the asset's page.
import { Alert, Button, Paper, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core'
import { useState } from 'react'
import { useNavigate } from 'react-router'
import { useSignedInUser } from '../../auth/session.ts'
import { BackLink } from '../../components/BackLink.tsx'
import { BelgianDateInput } from '../../components/BelgianDateInput.tsx'
import { PageHeader, usePageTitle } from '../../components/PageHeader.tsx'
import { useNotify } from '../../components/useNotify.ts'
import { errorMessage } from '../../i18n/errorMessage.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { ASSET_KINDS, VALIDITY_KINDS } from '../../../server/platform/enums.ts'
import { useAssetLabels } from './AssetBadges.tsx'
import { AssetDetailFields, type AssetDetails } from './AssetDetailFields.tsx'
import { useCreateAsset, type AssetKind, type ValidityKind } from './assets-api.ts'

const MANAGERS: ReadonlySet<string> = new Set(['logistics', 'korpschef'])

export function AssetNewPage() {
  const { t } = useI18n()
  const labels = useAssetLabels()
  const notify = useNotify()
  const navigate = useNavigate()
  usePageTitle(t('equipment.asset.newTitle'))
  const me = useSignedInUser()
  const zones = [
    ...new Map(
      me.roles.flatMap((r) =>
        r.zoneId !== null && MANAGERS.has(r.role) ? [[r.zoneId, r.zoneName ?? r.zoneCode ?? '']] : [],
      ),
    ),
  ].map(([value, label]) => ({ value, label }))
  const create = useCreateAsset()
  const [zoneId, setZoneId] = useState<string | null>(zones[0]?.value ?? null)
  const [kind, setKind] = useState<AssetKind>('speed_radar')
  const [name, setName] = useState('')
  const [identifier, setIdentifier] = useState('')
  const [details, setDetails] = useState<AssetDetails>({
    location: '',
    description: '',
    lendable: true,
  })
  const { location, description, lendable } = details
  const [validityKind, setValidityKind] = useState<ValidityKind>('calibration')
  const [validUntil, setValidUntil] = useState<string | null>(null)
  const [tried, setTried] = useState(false)
  const required = (value: string | null) => (tried && !value?.trim() ? t('equipment.asset.required') : undefined)
  return (
    <>
      <BackLink to="/equipment" label={t('equipment.asset.back')} />
      <PageHeader title={t('equipment.asset.newTitle')} description={t('equipment.asset.newDescription')} />
      <Paper withBorder p="md" maw={720}>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault()
            setTried(true)
            if (!zoneId || !name.trim() || !identifier.trim()) return
            create.mutate(
              {
                zoneId,
                kind,
                name: name.trim(),
                identifier: identifier.trim(),
                lendable,
                ...(location.trim() ? { location: location.trim() } : {}),
                ...(description.trim() ? { description: description.trim() } : {}),
                ...(validUntil ? { validities: [{ kind: validityKind, validUntil }] } : {}),
              },
              {
                onSuccess: (asset) => {
                  notify.success(t('equipment.asset.created'))
                  void navigate(`/equipment/assets/${asset.id}`)
                },
              },
            )
          }}
        >
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
              <Select
                label={t('equipment.asset.zone')}
                data={zones}
                value={zoneId}
                onChange={setZoneId}
                allowDeselect={false}
                required
                error={tried && !zoneId ? t('equipment.asset.required') : undefined}
              />
              <Select
                label={t('equipment.asset.kind')}
                data={ASSET_KINDS.map((k) => ({ value: k, label: labels.kind(k) }))}
                value={kind}
                onChange={(v) => setKind(ASSET_KINDS.find((k) => k === v) ?? kind)}
                allowDeselect={false}
                required
              />
            </SimpleGrid>
            <TextInput
              label={t('equipment.asset.name')}
              value={name}
              maxLength={200}
              required
              error={required(name)}
              onChange={(e) => setName(e.currentTarget.value)}
            />
            <TextInput
              label={t('equipment.asset.identifier')}
              value={identifier}
              maxLength={100}
              required
              error={required(identifier)}
              onChange={(e) => setIdentifier(e.currentTarget.value)}
            />
            <AssetDetailFields value={details} onChange={(patch) => setDetails((d) => ({ ...d, ...patch }))} />
            <Title order={2} fz="md" mt="sm">
              {t('equipment.asset.firstValidity')}
            </Title>
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
              <Select
                label={t('equipment.asset.validityKind')}
                data={VALIDITY_KINDS.map((k) => ({ value: k, label: labels.validityKind(k) }))}
                value={validityKind}
                onChange={(v) => setValidityKind(VALIDITY_KINDS.find((k) => k === v) ?? validityKind)}
                allowDeselect={false}
              />
              <BelgianDateInput
                id="new-asset-valid-until"
                label={t('equipment.asset.validUntil')}
                value={validUntil}
                onChange={setValidUntil}
              />
            </SimpleGrid>
            {create.isError && (
              <Alert color="red" variant="light" role="alert">
                {errorMessage(create.error, t)}
              </Alert>
            )}
            <Button type="submit" loading={create.isPending} style={{ alignSelf: 'flex-start' }}>
              {t('equipment.asset.create')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </>
  )
}
