// The GPI 48 status as a badge: In orde (green), Binnenkort achter (date) (orange), Achter (red); and a
// qualification's state.
import { Badge } from '@mantine/core'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import type { Gpi48Status, PersonCompliance } from './compliance-api.ts'

export const STATUS_COLOR: Record<Gpi48Status, string> = { compliant: 'green', due_soon: 'orange', behind: 'red' }

export function Gpi48Badge({ status, fallsBehindOn }: { status: Gpi48Status; fallsBehindOn: string | null }) {
  const { t, f } = useI18n()
  const text =
    status === 'due_soon' && fallsBehindOn
      ? t('training.status.dueSoonOn', { date: f.date(fallsBehindOn) })
      : t(`training.status.${status}`)
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" style={{ textTransform: 'none' }}>
      {text}
    </Badge>
  )
}

type QualificationState = PersonCompliance['qualifications'][number]['state']
const STATE_COLOR: Record<QualificationState, string> = {
  valid: 'green',
  expiring: 'orange',
  expired: 'red',
  no_expiry: 'gray',
}

export function QualificationBadge({ state }: { state: QualificationState }) {
  const { t } = useI18n()
  return (
    <Badge color={STATE_COLOR[state]} variant="light" style={{ textTransform: 'none' }}>
      {t(`training.qualificationState.${state}`)}
    </Badge>
  )
}
