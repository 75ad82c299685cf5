// The availability grid (issue 10): one row per asset, one column per Brussels day, the active bookings' blocked
// periods as bars placed by time. A booking of the reader's zone (or any booking of the reader's own asset) is
// labelled with the borrowing zone; another zone's is just "busy". Wider than a phone: the grid scrolls inside
// its own focusable region, never the page.
import { Anchor, Box, Text } from '@mantine/core'
import { Link } from 'react-router'
import { localeTag } from '../../i18n/format.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { useAssetLabels } from './AssetBadges.tsx'
import type { BusyPeriod, Timeline } from './assets-api.ts'

const NAME_WIDTH = 230
const DAY_WIDTH = 64
const ROW_HEIGHT = 44

export interface GridDay {
  date: string
  start: number
}

function Bar({ busy, from, span }: { busy: BusyPeriod; from: number; span: number }) {
  const { t, f } = useI18n()
  const labels = useAssetLabels()
  const start = Math.max(Date.parse(busy.from), from)
  const end = Math.min(Date.parse(busy.to), from + span)
  const left = ((start - from) / span) * 100
  const width = Math.max(((end - start) / span) * 100, 0.8)
  const description = busy.borrowerZone
    ? t('equipment.timeline.busyBy', {
        zone: busy.borrowerZone.name,
        status: labels.bookingStatus(busy.status),
        from: f.dateTime(busy.from),
        to: f.dateTime(busy.to),
      })
    : t('equipment.timeline.busy', { from: f.dateTime(busy.from), to: f.dateTime(busy.to) })
  const own = busy.borrowerZone !== null
  return (
    <Box
      component="li"
      title={description}
      style={{
        position: 'absolute',
        top: 8,
        bottom: 8,
        left: `${left}%`,
        width: `${width}%`,
        borderRadius: 4,
        overflow: 'hidden',
        whiteSpace: 'nowrap',
        padding: '0 4px',
        fontSize: 12,
        lineHeight: `${ROW_HEIGHT - 16}px`,
        color: own ? 'white' : 'var(--mantine-color-dark-9)',
        background: own
          ? busy.status === 'requested'
            ? 'var(--mantine-color-orange-9)'
            : 'var(--mantine-color-blue-9)'
          : 'repeating-linear-gradient(45deg, var(--mantine-color-gray-3), var(--mantine-color-gray-3) 4px, var(--mantine-color-gray-4) 4px, var(--mantine-color-gray-4) 8px)',
      }}
    >
      <span aria-hidden="true">{busy.borrowerZone ? busy.borrowerZone.code : ''}</span>
      <span className="visually-hidden">{description}</span>
    </Box>
  )
}

export function TimelineGrid({ timeline, days }: { timeline: Timeline; days: GridDay[] }) {
  const { t, f, locale } = useI18n()
  const weekday = new Intl.DateTimeFormat(localeTag(locale), { weekday: 'short', timeZone: 'Europe/Brussels' })
  const labels = useAssetLabels()
  const from = Date.parse(timeline.from)
  const span = Date.parse(timeline.to) - from
  const trackWidth = days.length * DAY_WIDTH
  const today = new Date().toISOString()
  return (
    <Box
      tabIndex={0}
      role="region"
      aria-label={t('equipment.timeline.grid')}
      style={{ overflowX: 'auto', border: '1px solid var(--mantine-color-gray-4)', borderRadius: 4 }}
    >
      <div style={{ minWidth: NAME_WIDTH + trackWidth }}>
        <div style={{ display: 'flex', borderBottom: '1px solid var(--mantine-color-gray-4)' }} aria-hidden="true">
          <div
            style={{
              width: NAME_WIDTH,
              flex: 'none',
              position: 'sticky',
              left: 0,
              background: 'var(--mantine-color-body)',
              padding: '6px 8px',
              fontWeight: 600,
              fontSize: 13,
              zIndex: 1,
            }}
          >
            {t('equipment.timeline.asset')}
          </div>
          <div style={{ position: 'relative', minWidth: trackWidth, flex: '1 1 auto', height: 40 }}>
            {days.map((d, i) => {
              const next = days[i + 1]?.start ?? from + span
              const isToday = today >= new Date(d.start).toISOString() && today < new Date(next).toISOString()
              return (
                <div
                  key={d.date}
                  style={{
                    position: 'absolute',
                    left: `${((d.start - from) / span) * 100}%`,
                    width: `${((next - d.start) / span) * 100}%`,
                    top: 0,
                    bottom: 0,
                    borderLeft: '1px solid var(--mantine-color-gray-3)',
                    textAlign: 'center',
                    fontSize: 12,
                    paddingTop: 4,
                    fontWeight: isToday ? 700 : 400,
                    background: isToday ? 'var(--mantine-color-blue-0)' : undefined,
                  }}
                >
                  {weekday.format(new Date(d.start)).replace('.', '')}
                  <br />
                  {f.date(d.date).slice(0, 5)}
                </div>
              )
            })}
          </div>
        </div>
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {timeline.assets.map(({ asset, busy }) => (
            <li
              key={asset.id}
              style={{ display: 'flex', borderBottom: '1px solid var(--mantine-color-gray-2)', minHeight: ROW_HEIGHT }}
            >
              <div
                style={{
                  width: NAME_WIDTH,
                  flex: 'none',
                  position: 'sticky',
                  left: 0,
                  background: 'var(--mantine-color-body)',
                  padding: '4px 8px',
                  zIndex: 1,
                  borderRight: '1px solid var(--mantine-color-gray-3)',
                }}
              >
                <Anchor
                  component={Link}
                  to={`/equipment/assets/${asset.id}`}
                  fz="sm"
                  fw={600}
                  lineClamp={2}
                  title={asset.name}
                >
                  {asset.name}
                </Anchor>
                <Text fz="xs" c="dimmed" lineClamp={1}>
                  {labels.kind(asset.kind)} · {asset.zone.code}
                </Text>
              </div>
              <div style={{ position: 'relative', minWidth: trackWidth, flex: '1 1 auto' }}>
                {days.map((d) => (
                  <div
                    key={d.date}
                    aria-hidden="true"
                    style={{
                      position: 'absolute',
                      left: `${((d.start - from) / span) * 100}%`,
                      top: 0,
                      bottom: 0,
                      borderLeft: '1px solid var(--mantine-color-gray-2)',
                    }}
                  />
                ))}
                {busy.length === 0 ? (
                  <span className="visually-hidden">{t('equipment.timeline.free')}</span>
                ) : (
                  <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                    {busy.map((b) => (
                      <Bar key={`${b.from}-${b.to}`} busy={b} from={from} span={span} />
                    ))}
                  </ul>
                )}
              </div>
            </li>
          ))}
        </ul>
      </div>
    </Box>
  )
}
