// The year of the roster calendar: one row per month, one cell per day, holding the zone code of whoever is
// on duty at noon (Brussels) that day, tinted in the zone's colour; the person's name on hover.
import { Box } from '@mantine/core'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { atNoon, daysOfMonth, type CalendarEntry, type ZoneColor } from './calendar.ts'
import { personName } from './text.ts'

export function YearTable({
  year,
  entries,
  colors,
}: {
  year: string
  entries: readonly CalendarEntry[]
  colors: ReadonlyMap<string, ZoneColor>
}) {
  const { t, f } = useI18n()
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`)
  return (
    <Box
      style={{ overflowX: 'auto' }}
      tabIndex={0}
      aria-label={t('rotations.calendar.yearCaption', { year })}
      role="region"
    >
      <table className="roster-year">
        <caption className="visually-hidden">{t('rotations.calendar.yearCaption', { year })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('rotations.calendar.monthColumn')}</th>
            {Array.from({ length: 31 }, (_, i) => (
              <th key={i} scope="col">
                {i + 1}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {months.map((month) => {
            const days = daysOfMonth(month)
            return (
              <tr key={month}>
                <th scope="row">{f.month(`${month}-01`).slice(0, 3)}</th>
                {Array.from({ length: 31 }, (_, i) => {
                  const day = days[i]
                  if (!day) return <td key={i} className="roster-year-none" />
                  const holders = atNoon(entries, day)
                  const first = holders[0]?.person ?? null
                  const color = first ? colors.get(first.zoneId) : undefined
                  return (
                    <td
                      key={day}
                      data-day={day}
                      title={
                        holders.length
                          ? `${f.date(day)}: ${holders.map((h) => (h.person ? `${h.person.zoneCode} ${personName(h.person)}` : '—')).join(' · ')}`
                          : f.date(day)
                      }
                      style={
                        color
                          ? {
                              backgroundColor: `var(--mantine-color-${color}-1)`,
                              boxShadow: `inset 0 -3px 0 var(--mantine-color-${color}-7)`,
                            }
                          : undefined
                      }
                    >
                      {first ? first.zoneCode : ''}
                    </td>
                  )
                })}
              </tr>
            )
          })}
        </tbody>
      </table>
    </Box>
  )
}
