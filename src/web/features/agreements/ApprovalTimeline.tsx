import { Badge, Text, ThemeIcon, Timeline } from '@mantine/core'
import type { Agreement } from '../../api/types.ts'
import { IconCheck, IconX } from '../../components/icons.tsx'
import { useI18n } from '../../i18n/I18nProvider.tsx'

/**
 * Every council decision in date order: which body, for which municipality or zone, when, and the outcome.
 * Decisions on an earlier content stay visible, marked void: the content changed after them.
 */
export function ApprovalTimeline({ agreement: a }: { agreement: Agreement }) {
  const { t, label, f } = useI18n()
  if (a.approvals.length === 0)
    return (
      <Text c="dimmed" fz="sm">
        {t('agreement.approvals.empty')}
      </Text>
    )
  const partyName = (zoneId: string) => a.parties.find((p) => p.zoneId === zoneId)?.name
  const approvals = [...a.approvals].sort((x, y) => x.decidedOn.localeCompare(y.decidedOn))
  return (
    <Timeline active={approvals.length - 1} bulletSize={26} lineWidth={2} color="green">
      {approvals.map((ap) => {
        const approved = ap.decision === 'approved'
        const who = ap.municipalityName ?? `${ap.zoneCode} ${partyName(ap.zoneId) ?? ''}`.trim()
        const color = !ap.current ? 'gray' : approved ? 'green' : 'red'
        return (
          <Timeline.Item
            key={ap.id}
            color={color}
            bullet={
              <ThemeIcon
                size={26}
                radius="xl"
                color={!ap.current ? 'gray.6' : approved ? 'green.8' : 'red.8'}
                variant="filled"
              >
                {approved ? <IconCheck size={16} /> : <IconX size={16} />}
              </ThemeIcon>
            }
            title={
              <>
                {`${label('approvalBody', ap.body)} ${who}`}
                {!ap.current && (
                  <Badge ml="xs" color="gray" variant="light" tt="none" size="sm">
                    {t('approval.supersededShort')}
                  </Badge>
                )}
              </>
            }
          >
            <Text fz="sm" td={ap.current ? undefined : 'line-through'} c={ap.current ? undefined : 'dimmed'}>
              <Text
                span
                fz="sm"
                fw={600}
                c={!ap.current ? 'dimmed' : approved ? 'var(--verbond-success-text)' : 'var(--verbond-danger-text)'}
              >
                {label('decision', ap.decision)}
              </Text>{' '}
              · <time dateTime={ap.decidedOn}>{f.dateWithPrecision(ap.decidedOn, ap.datePrecision)}</time>
              {ap.municipalityName && (
                <Text span fz="sm" c="dimmed">
                  {' '}
                  · {t('agreement.approval.zone', { code: ap.zoneCode })}
                </Text>
              )}
            </Text>
            {!ap.current && (
              <Text fz="sm" c="dimmed" mt={2}>
                {t('approval.superseded', {
                  n: ap.contentVersion,
                  date: ap.supersededAt ? f.dateTime(ap.supersededAt) : t('common.unknown'),
                })}
              </Text>
            )}
            {(ap.recordedOnBehalf || ap.councilDecisionRef) && (
              <Text fz="sm" c="dimmed" mt={2}>
                {ap.recordedOnBehalf && t('approval.onBehalf', { name: ap.recordedByName ?? t('common.unknown') })}
                {ap.recordedOnBehalf && ap.councilDecisionRef && ' · '}
                {ap.councilDecisionRef && t('approval.reference', { ref: ap.councilDecisionRef })}
              </Text>
            )}
            {ap.note && (
              <Text fz="sm" c="dimmed" mt={2}>
                {ap.note}
              </Text>
            )}
          </Timeline.Item>
        )
      })}
    </Timeline>
  )
}
