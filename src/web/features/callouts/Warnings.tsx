import { Alert, List } from '@mantine/core'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import type { CallOutWarning } from './api.ts'

/** The upcoming present duties the saved call-out makes break a working-time rule (the server decides). */
export function Warnings({ warnings }: { warnings: readonly CallOutWarning[] }) {
  const { t, f } = useI18n()
  if (warnings.length === 0) return null
  return (
    <Alert color="orange" variant="light" role="alert" title={t('callouts.warningTitle')}>
      <List size="sm" spacing={4}>
        {warnings.map((w) => (
          <List.Item key={w.dutyId}>
            {t('callouts.warning', {
              rotation: w.rotationName,
              from: f.dateTime(w.start),
              to: f.dateTime(w.end),
              rules: w.rules.map((r) => t(`callouts.rule.${r}`)).join(', '),
            })}
          </List.Item>
        ))}
      </List>
    </Alert>
  )
}
