// A table wider than a phone: its region scrolls sideways, so it takes the keyboard focus and says what it is
// (axe: scrollable-region-focusable), as the fairness report's tables do.
import { ScrollArea } from '@mantine/core'
import type { ReactNode } from 'react'

export function ScrollTable({ label, minWidth, children }: { label: string; minWidth: number; children: ReactNode }) {
  return (
    <ScrollArea type="auto" viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': label }}>
      <div style={{ minWidth }}>{children}</div>
    </ScrollArea>
  )
}
