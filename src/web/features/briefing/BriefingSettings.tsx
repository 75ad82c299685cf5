// A zone's briefing settings (briefing_settings): when its early, late and night shifts start (Brussels wall clock,
// in that order), and how many days items are kept after their validity before they are purged (restricted items,
// with personal data, shorter). Set by the zone's korpschef in a modal of the items page; the API refuses others.
import { Alert, Button, Group, NumberInput, SimpleGrid, Stack, Text } from '@mantine/core'
import { TimeInput } from '@mantine/dates'
import { useState } from 'react'
import { SettingsModal } from '../../components/SettingsModal.tsx'
import { useNotify } from '../../components/useNotify.ts'
import { errorMessage } from '../../i18n/errorMessage.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { useBriefingSettings, useSaveBriefingSettings, type BriefingSettingsBody } from './briefing-api.ts'

const TIMES = ['earlyStart', 'lateStart', 'nightStart'] as const
const DAYS = ['retentionDays', 'restrictedRetentionDays'] as const
const isTime = (v: string) => /^([01]\d|2[0-3]):[0-5]\d$/.test(v)

function SettingsForm({
  zoneId,
  initial,
  onDone,
}: {
  zoneId: string
  initial: BriefingSettingsBody
  onDone: () => void
}) {
  const { t } = useI18n()
  const notify = useNotify()
  const save = useSaveBriefingSettings(zoneId)
  const [value, setValue] = useState<BriefingSettingsBody>(initial)
  const ordered = value.earlyStart < value.lateStart && value.lateStart < value.nightStart
  const valid =
    TIMES.every((k) => isTime(value[k])) &&
    ordered &&
    DAYS.every((k) => Number.isInteger(value[k]) && value[k] >= 1 && value[k] <= 3650)
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault()
        save.mutate(value, {
          onSuccess: () => {
            notify.success(t('briefing.settings.saved'))
            onDone()
          },
        })
      }}
    >
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('briefing.settings.help')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {TIMES.map((k) => (
            <TimeInput
              key={k}
              label={t(`briefing.settings.${k}`)}
              value={value[k]}
              onChange={(e) => {
                const v = e.currentTarget.value
                setValue((s) => ({ ...s, [k]: v }))
              }}
              required
            />
          ))}
        </SimpleGrid>
        {!ordered && TIMES.every((k) => isTime(value[k])) && (
          <Text size="sm" c="red.8" role="alert">
            {t('briefing.settings.order')}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {DAYS.map((k) => (
            <NumberInput
              key={k}
              label={t(`briefing.settings.${k}`)}
              min={1}
              max={3650}
              allowDecimal={false}
              value={value[k]}
              onChange={(v) => setValue((s) => ({ ...s, [k]: typeof v === 'number' ? v : Number.NaN }))}
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
            {t('briefing.settings.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

export function BriefingSettings({
  zoneId,
  opened,
  onClose,
}: {
  zoneId: string
  opened: boolean
  onClose: () => void
}) {
  const { t } = useI18n()
  const settings = useBriefingSettings(zoneId)
  return (
    <SettingsModal title={t('briefing.settings.title')} opened={opened} onClose={onClose} query={settings}>
      {(s) => (
        <SettingsForm
          key={zoneId}
          zoneId={zoneId}
          initial={{
            earlyStart: s.earlyStart,
            lateStart: s.lateStart,
            nightStart: s.nightStart,
            retentionDays: s.retentionDays,
            restrictedRetentionDays: s.restrictedRetentionDays,
          }}
          onDone={onClose}
        />
      )}
    </SettingsModal>
  )
}
