// The month of the roster calendar: a Monday-first table on wide screens, a list of days on phones. Each
// duty shows its zone code and colour, the person, and its handoff times where they fall on that day.
import { Box, Stack, Text, UnstyledButton } from '@mantine/core'
import { useMemo } from 'react'
import { localeTag } from '../../i18n/format.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { daysOfMonth, monthGrid, piecesByDay, type CalendarEntry, type DayPiece, type ZoneColor } from './calendar.ts'
import { personName, weekdayName } from './text.ts'
import { zoneStyle } from './ZoneLegend.tsx'

interface ViewProps {
  month: string
  entries: readonly CalendarEntry[]
  colors: ReadonlyMap<string, ZoneColor>
  today: string
  /** A planner opens a duty in force (override); absent: read only. */
  onOpen?: ((entry: CalendarEntry) => void) | undefined
}

function Piece({
  piece,
  colors,
  onOpen,
}: {
  piece: DayPiece
  colors: ViewProps['colors']
  onOpen?: ViewProps['onOpen']
}) {
  const { t } = useI18n()
  const { entry, start, end } = piece
  const person = entry.person
  const color = person ? (colors.get(person.zoneId) ?? 'blue') : null
  const times =
    start && end ? `${start}–${end}` : start ? `${start} →` : end ? `→ ${end}` : t('rotations.calendar.allDay')
  const content = (
    <>
      <Text component="span" fz="xs" fw={700} mr={4}>
        {person ? person.zoneCode : '—'}
      </Text>
      <Text component="span" fz="xs">
        {times}
      </Text>
      <Text fz="xs" fw={500} lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
        {person ? personName(person) : t('rotations.calendar.unfilled')}
      </Text>
    </>
  )
  const style = color
    ? zoneStyle(color)
    : { backgroundColor: 'var(--mantine-color-red-0)', borderLeft: '4px dashed var(--mantine-color-red-8)' }
  if (!onOpen)
    return (
      <Box px={4} py={2} style={{ ...style, borderRadius: 4 }} data-slot={entry.slotKey}>
        {content}
      </Box>
    )
  return (
    <UnstyledButton
      px={4}
      py={2}
      w="100%"
      style={{ ...style, borderRadius: 4, textAlign: 'left' }}
      data-slot={entry.slotKey}
      aria-label={t('rotations.calendar.open', {
        name: person ? personName(person) : t('rotations.calendar.unfilled'),
        times,
      })}
      onClick={() => onOpen(entry)}
    >
      {content}
    </UnstyledButton>
  )
}

export function MonthTable({ month, entries, colors, today, onOpen }: ViewProps) {
  const { t, f, locale } = useI18n()
  const weeks = monthGrid(month)
  const byDay = useMemo(() => piecesByDay(entries), [entries])
  const tag = localeTag(locale)
  return (
    <Box style={{ overflowX: 'auto' }}>
      <table className="roster-month">
        <caption className="visually-hidden">
          {t('rotations.calendar.monthCaption', { month: f.month(`${month}-01`) })}
        </caption>
        <thead>
          <tr>
            {[1, 2, 3, 4, 5, 6, 7].map((d) => (
              <th key={d} scope="col">
                {weekdayName(d, tag).slice(0, 2)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]}>
              {week.map((day) => {
                const inMonth = day.startsWith(month)
                return (
                  <td
                    key={day}
                    data-day={day}
                    data-outside={!inMonth || undefined}
                    data-today={day === today || undefined}
                  >
                    <Text fz="xs" fw={day === today ? 800 : 500} c={inMonth ? undefined : 'dimmed'}>
                      <span aria-hidden="true">{Number(day.slice(8))}</span>
                      <span className="visually-hidden">{f.date(day)}</span>
                    </Text>
                    <Stack gap={2}>
                      {(byDay.get(day) ?? []).map((p) => (
                        <Piece
                          key={`${p.entry.slotKey}#${p.entry.position}`}
                          piece={p}
                          colors={colors}
                          onOpen={onOpen}
                        />
                      ))}
                    </Stack>
                  </td>
                )
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </Box>
  )
}

/** Phones: the month's days with duties one under the other (days without any are left out). */
export function DayList({ month, entries, colors, today, onOpen }: ViewProps) {
  const { locale, f } = useI18n()
  const byDay = useMemo(() => piecesByDay(entries), [entries])
  const tag = localeTag(locale)
  return (
    <Stack component="ol" gap={6} p={0} m={0} style={{ listStyle: 'none' }} className="roster-days">
      {daysOfMonth(month)
        .filter((day) => byDay.has(day))
        .map((day) => (
          <Box
            component="li"
            key={day}
            data-day={day}
            py={4}
            style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
          >
            <Text fz="sm" fw={day === today ? 800 : 600} tt="capitalize">
              {weekdayName(new Date(`${day}T12:00:00Z`).getUTCDay() || 7, tag)} {f.date(day)}
            </Text>
            <Stack gap={2} mt={2}>
              {(byDay.get(day) ?? []).map((p) => (
                <Piece key={`${p.entry.slotKey}#${p.entry.position}`} piece={p} colors={colors} onOpen={onOpen} />
              ))}
            </Stack>
          </Box>
        ))}
    </Stack>
  )
}
