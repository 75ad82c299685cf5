import { Group, Text } from '@mantine/core'

/** The mark: a shield holding two linked rings, zones that keep their identity but act as one. */
export function LogoMark({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <path fill="#17306b" d="M16 1.5 29 6v9.2c0 7.6-5.4 13.3-13 15.3C8.4 28.5 3 22.8 3 15.2V6z" />
      <circle cx="12.5" cy="15.5" r="5.5" fill="none" stroke="#f2c230" strokeWidth="2.4" />
      <circle cx="19.5" cy="15.5" r="5.5" fill="none" stroke="#fff" strokeWidth="2.4" />
    </svg>
  )
}

export function Logo({ tagline }: { tagline?: string }) {
  return (
    <Group gap={10} wrap="nowrap">
      <LogoMark />
      <div>
        <Text className="logo-wordmark" fw={750} fz={20} lh={1.1} c="navy.9" style={{ letterSpacing: '0.01em' }}>
          Verbond
        </Text>
        {tagline && (
          <Text fz="xs" c="dimmed" lh={1.2} visibleFrom="sm">
            {tagline}
          </Text>
        )}
      </div>
    </Group>
  )
}
