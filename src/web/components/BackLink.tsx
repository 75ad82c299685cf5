import { Anchor } from '@mantine/core'
import { Link } from 'react-router'
import { IconArrowLeft } from './icons.tsx'

/** "← All agreements": the way back from a detail page to its list. */
export function BackLink({ to, label }: { to: string; label: string }) {
  return (
    <Anchor component={Link} to={to} fz="sm" mb="sm" display="inline-flex" style={{ alignItems: 'center', gap: 6 }}>
      <IconArrowLeft size={16} />
      {label}
    </Anchor>
  )
}
