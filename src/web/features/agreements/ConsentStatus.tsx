import { Alert, List, Text } from '@mantine/core'
import type { Agreement } from '../../api/types.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'

type Consent = Agreement['consent'][number]

/** Why the agreement cannot come into force yet: which party zones still have to approve the current content. */
export function ConsentStatus({ agreement: a, id }: { agreement: Agreement; id: string }) {
  const { t } = useI18n()
  const names = (state: Consent['state']) =>
    a.consent
      .filter((c) => c.state === state)
      .map((c) => `${c.code} ${c.name}`)
      .join(', ')
  const lacking = a.consent.filter((c) => c.state !== 'approved')
  if (lacking.length === 0)
    return (
      <Text id={id} fz="sm" c="var(--verbond-success-text)">
        {t('agreement.consent.ready')}
      </Text>
    )
  const recordable = new Set(a.approvalRecordableFor.map((r) => r.zoneId))
  const lines = [
    names('missing') && t('agreement.consent.waiting', { zones: names('missing') }),
    names('outdated') && t('agreement.consent.outdatedZones', { zones: names('outdated') }),
    names('rejected') && t('agreement.consent.rejectedZones', { zones: names('rejected') }),
  ].filter(Boolean)
  return (
    <Alert id={id} color="orange" variant="light" title={t('agreement.consent.title')}>
      <Text fz="sm">{t('agreement.consent.intro', { n: a.contentVersion })}</Text>
      <List fz="sm" mt={4} spacing={2}>
        {lines.map((line) => (
          <List.Item key={line}>{line}</List.Item>
        ))}
      </List>
      {a.canManage && !lacking.some((c) => recordable.has(c.zoneId)) && (
        <Text fz="sm" mt={4} c="dimmed">
          {t('agreement.consent.notYours')}
        </Text>
      )}
    </Alert>
  )
}
