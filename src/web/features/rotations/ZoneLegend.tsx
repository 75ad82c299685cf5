// Zone colours in the roster: always with the zone code as text beside them (never colour alone), light
// backgrounds with the text colour so every combination keeps its contrast.
import { Box, Group, Text } from '@mantine/core'
import type { CSSProperties } from 'react'
import { useT } from '../../i18n/I18nProvider.tsx'
import type { ZoneColor } from './calendar.ts'

/** The tint and edge of a zone's duties. */
export const zoneStyle = (color: ZoneColor): CSSProperties => ({
  backgroundColor: `var(--mantine-color-${color}-1)`,
  borderLeft: `4px solid var(--mantine-color-${color}-7)`,
  color: 'var(--mantine-color-text)',
})

export function ZoneBadge({ code, name, color }: { code: string; name?: string; color: ZoneColor }) {
  return (
    <Box component="span" px={6} py={1} fz="xs" fw={600} style={{ ...zoneStyle(color), borderRadius: 4 }}>
      {code}
      {name ? ` ${name}` : ''}
    </Box>
  )
}

export function ZoneLegend({
  zones,
  colors,
}: {
  zones: readonly { zoneId: string; code: string; name: string }[]
  colors: ReadonlyMap<string, ZoneColor>
}) {
  const t = useT()
  return (
    <Group gap="sm" wrap="wrap" aria-label={t('rotations.calendar.legend')} role="group">
      <Text fz="sm" fw={600}>
        {t('rotations.calendar.legend')}:
      </Text>
      {zones.map((z) => (
        <ZoneBadge key={z.zoneId} code={z.code} name={z.name} color={colors.get(z.zoneId) ?? 'blue'} />
      ))}
    </Group>
  )
}
