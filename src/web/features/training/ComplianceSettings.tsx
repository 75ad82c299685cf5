// A zone's GPI 48 thresholds (training_settings): read by the zone's staff, set by its korpschef, in a modal of
// the overview. The ranges are those of migration 0020 (the API refuses others).
import { Alert, Button, Group, NumberInput, SimpleGrid, Stack } from '@mantine/core'
import { useState } from 'react'
import { SettingsModal } from '../../components/SettingsModal.tsx'
import { useNotify } from '../../components/useNotify.ts'
import { errorMessage } from '../../i18n/errorMessage.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { useSaveSettings, useTrainingSettings, type Rules } from './compliance-api.ts'

const FIELDS: { key: keyof Rules; min: number; max: number }[] = [
  { key: 'windowMonths', min: 1, max: 36 },
  { key: 'minSessions', min: 1, max: 50 },
  { key: 'minEvaluations', min: 0, max: 10 },
  { key: 'minGapDays', min: 0, max: 180 },
  { key: 'warnDays', min: 1, max: 365 },
]

function SettingsForm({
  zoneId,
  initial,
  isDefault,
  onDone,
}: {
  zoneId: string
  initial: Rules
  isDefault: boolean
  onDone: () => void
}) {
  const { t } = useI18n()
  const notify = useNotify()
  const save = useSaveSettings(zoneId)
  const [rules, setRules] = useState<Rules>(initial)
  const valid = FIELDS.every(
    ({ key, min, max }) => Number.isInteger(rules[key]) && rules[key] >= min && rules[key] <= max,
  )
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault()
        save.mutate(rules, {
          onSuccess: () => {
            notify.success(t('training.settings.saved'))
            onDone()
          },
        })
      }}
    >
      <Stack gap="md">
        {isDefault && (
          <Alert color="blue" variant="light">
            {t('training.settings.isDefault')}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {FIELDS.map(({ key, min, max }) => (
            <NumberInput
              key={key}
              label={t(`training.settings.${key}`)}
              min={min}
              max={max}
              allowDecimal={false}
              value={rules[key]}
              onChange={(v) => setRules((r) => ({ ...r, [key]: typeof v === 'number' ? v : Number.NaN }))}
              required
            />
          ))}
        </SimpleGrid>
        {save.error && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(save.error, t)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending} disabled={!valid}>
            {t('training.settings.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

export function ComplianceSettings({
  zoneId,
  opened,
  onClose,
}: {
  zoneId: string
  opened: boolean
  onClose: () => void
}) {
  const { t } = useI18n()
  const settings = useTrainingSettings(zoneId)
  return (
    <SettingsModal title={t('training.settings.title')} opened={opened} onClose={onClose} query={settings}>
      {(s) => <SettingsForm key={zoneId} zoneId={zoneId} initial={s.rules} isDefault={s.isDefault} onDone={onClose} />}
    </SettingsModal>
  )
}
