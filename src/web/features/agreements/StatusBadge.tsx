import { Badge } from '@mantine/core'
import type { AgreementStatus } from '../../api/types.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'

const COLORS: Record<AgreementStatus, string> = {
  draft: 'gray',
  in_approval: 'orange',
  in_force: 'green',
  ended: 'red',
}

export function StatusBadge({ status, size = 'md' }: { status: AgreementStatus; size?: 'sm' | 'md' | 'lg' }) {
  const { label } = useI18n()
  return (
    // Never squeezed into "EN VIG…" next to a long kind name on a phone.
    <Badge color={COLORS[status]} size={size} variant="light" style={{ flexShrink: 0 }}>
      {label('agreementStatus', status)}
    </Badge>
  )
}
