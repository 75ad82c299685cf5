import { Paper, Stack, Text } from '@mantine/core'
import { Fragment, type ReactNode } from 'react'

export interface CardField {
  label: string
  value: ReactNode
}

export interface CardItem {
  key: string
  title: ReactNode
  /** Under the title, e.g. a badge or the zone. */
  subtitle?: ReactNode
  fields: CardField[]
}

/**
 * A table's rows as cards, for phones: one card per row, each value under its column's name, so nothing
 * hides off screen. Shown below the `sm` breakpoint; the page shows the table from there on.
 */
export function CardList({ items, label, inset }: { items: CardItem[]; label: string; inset?: boolean }) {
  return (
    <Stack
      component="ul"
      gap="sm"
      hiddenFrom="sm"
      aria-label={label}
      px={inset ? 'sm' : 0}
      pb={inset ? 'sm' : 0}
      m={0}
      style={{ listStyle: 'none' }}
    >
      {items.map((item) => (
        <Paper component="li" key={item.key} withBorder p="md">
          <Text fw={650} fz="md" className="wrap-words">
            {item.title}
          </Text>
          {item.subtitle}
          <dl className="card-fields">
            {item.fields.map((field) => (
              <Fragment key={field.label}>
                <Text component="dt" fz="xs" c="dimmed" fw={600}>
                  {field.label}
                </Text>
                <Text component="dd" fz="sm" m={0} className="wrap-words">
                  {field.value}
                </Text>
              </Fragment>
            ))}
          </dl>
        </Paper>
      ))}
    </Stack>
  )
}
