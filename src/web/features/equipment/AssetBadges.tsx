// The small pieces the equipment pages share (issue 10): labels of the codes, the status badge, the validity
// badges (expiring / expired with the date; the colour is never the only sign: the text says it) and the
// availability answer of a search.
import { Badge, Group, Text } from '@mantine/core'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import type { AssetStatus, AssetSummary, BookingStatusCode, ValidityKind } from './assets-api.ts'

export function useAssetLabels() {
  const { t } = useI18n()
  return {
    kind: (kind: AssetSummary['kind']) => t(`equipment.kind.${kind}`),
    status: (status: AssetStatus) => t(`equipment.status.${status}`),
    validityKind: (kind: ValidityKind) => t(`equipment.validityKind.${kind}`),
    bookingStatus: (status: BookingStatusCode) => t(`equipment.bookingStatus.${status}`),
  }
}

/** Badges here carry sentences ("IJking verloopt 11/12/2026"): in normal case, wrapping rather than cut off. */
const WRAPPING = {
  root: { height: 'auto', maxWidth: '100%' },
  label: { whiteSpace: 'normal', overflow: 'visible' },
} as const

const STATUS_COLOR: Record<AssetStatus, string> = {
  available: 'teal',
  maintenance: 'yellow',
  out_of_service: 'red',
  retired: 'gray',
}

export function StatusBadge({ status }: { status: AssetStatus }) {
  const labels = useAssetLabels()
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" c="dark.9" radius="sm" tt="none" styles={WRAPPING}>
      {labels.status(status)}
    </Badge>
  )
}

/** Flagged validities as badges; when none is flagged, the first one to lapse as plain text. */
export function ValidityBadges({ validities }: { validities: AssetSummary['validities'] }) {
  const { t, f } = useI18n()
  const labels = useAssetLabels()
  const flagged = validities.filter((v) => v.state !== 'ok')
  if (validities.length === 0)
    return (
      <Text fz="sm" c="dimmed">
        {t('equipment.validity.none')}
      </Text>
    )
  if (flagged.length === 0) {
    const first = validities[0]!
    return (
      <Text fz="sm">
        {t('equipment.validity.ok', { kind: labels.validityKind(first.kind), date: f.date(first.validUntil) })}
      </Text>
    )
  }
  return (
    <Group gap={4}>
      {flagged.map((v) => (
        <Badge
          key={v.kind}
          color={v.state === 'expired' ? 'red' : 'yellow'}
          variant="light"
          c="dark.9"
          radius="sm"
          tt="none"
          styles={WRAPPING}
        >
          {t(v.state === 'expired' ? 'equipment.validity.expired' : 'equipment.validity.expiring', {
            kind: labels.validityKind(v.kind),
            date: f.date(v.validUntil),
          })}
        </Badge>
      ))}
    </Group>
  )
}

/** The answer of an availability search: available, or why not. */
export function AvailabilityBadge({ availability }: { availability: NonNullable<AssetSummary['availability']> }) {
  const { t } = useI18n()
  if (availability.available)
    return (
      <Badge color="teal.9" variant="filled" radius="sm" tt="none" styles={WRAPPING}>
        {t('equipment.available')}
      </Badge>
    )
  const reason = availability.reason ?? 'status'
  return (
    <Badge
      color={reason === 'busy' ? 'orange' : 'red'}
      variant="light"
      c="dark.9"
      radius="sm"
      tt="none"
      styles={WRAPPING}
    >
      {t(`equipment.reason.${reason}`)}
    </Badge>
  )
}
