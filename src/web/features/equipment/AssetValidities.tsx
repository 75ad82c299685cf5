// The validities of an asset (issue 10): each with its last day and state; for its managers a form to set one
// (typed dd/mm/jjjj; a new date is flagged again 30 days ahead) and a button to remove one.
import { Alert, Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core'
import { useState } from 'react'
import { BelgianDateInput } from '../../components/BelgianDateInput.tsx'
import { useNotify } from '../../components/useNotify.ts'
import { errorMessage } from '../../i18n/errorMessage.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { VALIDITY_KINDS } from '../../../server/platform/enums.ts'
import { useAssetLabels, ValidityBadges } from './AssetBadges.tsx'
import { useRemoveValidity, useSetValidity, type AssetDetail, type ValidityKind } from './assets-api.ts'

export function AssetValidities({ asset, canManage }: { asset: AssetDetail; canManage: boolean }) {
  const { t, f } = useI18n()
  const labels = useAssetLabels()
  const notify = useNotify()
  const set = useSetValidity(asset.id)
  const remove = useRemoveValidity(asset.id)
  const [kind, setKind] = useState<ValidityKind>(asset.validities[0]?.kind ?? 'calibration')
  const [validUntil, setValidUntil] = useState<string | null>(null)
  const [note, setNote] = useState('')
  const [missing, setMissing] = useState(false)
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="asset-validities">
      <Title order={2} fz="lg" id="asset-validities">
        {t('equipment.asset.validities')}
      </Title>
      <Text fz="sm" c="dimmed" mb="sm">
        {t('equipment.asset.validitiesHelp')}
      </Text>
      {asset.validities.length === 0 ? (
        <Text fz="sm">{t('equipment.asset.noValidities')}</Text>
      ) : (
        <Stack component="ul" gap="xs" m={0} mb="sm" p={0} style={{ listStyle: 'none' }}>
          {asset.validities.map((v) => (
            <Group
              component="li"
              key={v.kind}
              justify="space-between"
              gap="xs"
              wrap="wrap"
              py={4}
              style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
            >
              <Stack gap={2}>
                <Text fz="sm" fw={600}>
                  {labels.validityKind(v.kind)}
                </Text>
                <Text fz="sm">
                  {t('equipment.asset.validUntil')}: {f.date(v.validUntil)}
                </Text>
                {v.state !== 'ok' && <ValidityBadges validities={[v]} />}
              </Stack>
              {canManage && (
                <Button
                  variant="default"
                  size="compact-sm"
                  loading={remove.isPending && remove.variables === v.kind}
                  onClick={() => remove.mutate(v.kind, { onSuccess: () => notify.success(t('equipment.asset.saved')) })}
                >
                  {t('equipment.asset.removeValidity', { kind: labels.validityKind(v.kind) })}
                </Button>
              )}
            </Group>
          ))}
        </Stack>
      )}
      {canManage && (
        <form
          onSubmit={(e) => {
            e.preventDefault()
            if (!validUntil) return setMissing(true)
            setMissing(false)
            set.mutate(
              { kind, validUntil, ...(note.trim() ? { note: note.trim() } : {}) },
              {
                onSuccess: () => {
                  notify.success(t('equipment.asset.saved'))
                  setValidUntil(null)
                  setNote('')
                },
              },
            )
          }}
        >
          <Group gap="sm" align="flex-start" wrap="wrap">
            <Select
              label={t('equipment.asset.validityKind')}
              data={VALIDITY_KINDS.map((k) => ({ value: k, label: labels.validityKind(k) }))}
              value={kind}
              onChange={(v) => setKind(VALIDITY_KINDS.find((k) => k === v) ?? kind)}
              allowDeselect={false}
              w={{ base: '100%', xs: 200 }}
            />
            <BelgianDateInput
              id="asset-valid-until"
              label={t('equipment.asset.validUntil')}
              value={validUntil}
              onChange={setValidUntil}
              error={missing ? t('equipment.asset.required') : undefined}
              w={{ base: '100%', xs: 180 }}
            />
            <TextInput
              label={t('equipment.asset.note')}
              value={note}
              maxLength={500}
              onChange={(e) => setNote(e.currentTarget.value)}
              w={{ base: '100%', xs: 220 }}
            />
          </Group>
          {(set.isError || remove.isError) && (
            <Alert color="red" variant="light" role="alert" mt="sm">
              {errorMessage(set.error ?? remove.error, t)}
            </Alert>
          )}
          <Button type="submit" mt="sm" loading={set.isPending}>
            {t('equipment.asset.setValidity')}
          </Button>
        </form>
      )}
    </Paper>
  )
}
