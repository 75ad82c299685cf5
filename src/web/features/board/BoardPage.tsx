// The duty board for the dispatch room (issue 8): every shared permanence the user sees, who is on duty now (name,
// zone, work phone to call), until when, and who comes next. Large type and high contrast, readable from across
// a room; kiosk mode (/board/kiosk) drops the app's frame and asks the browser for full screen. Kept current by
// live events and by a timer to the next handoff (api.ts); the header says whether the stream is live.
import { Anchor, Badge, Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useEffect } from 'react'
import { useNavigate } from 'react-router'
import { usePageTitle } from '../../components/PageHeader.tsx'
import { EmptyState, ErrorState, LoadingState } from '../../components/QueryState.tsx'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { formatDateTime, localeTag, TIME_ZONE, type Locale } from '../../i18n/format.ts'
import { hasKey } from '../../i18n/translate.ts'
import { nl } from '../../i18n/nl.ts'
import { useNow, useOnDutyBoard } from './api.ts'
import type { OnDutyItem } from './board.ts'

type Person = NonNullable<OnDutyItem['onDuty'][number]['person']>

const clockText = (now: Date, locale: Locale) =>
  new Intl.DateTimeFormat(localeTag(locale), {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZone: TIME_ZONE,
  }).format(now)

const dayText = (now: Date, locale: Locale) =>
  new Intl.DateTimeFormat(localeTag(locale), {
    weekday: 'long',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: TIME_ZONE,
  }).format(now)

/** Name, zone and a tel: link; or why no name is shown. */
function PersonLine({ person, size }: { person: Person | null; size: 'large' | 'medium' }) {
  const { t } = useI18n()
  if (!person)
    return (
      <Text className="duty-board-muted" fz={size === 'large' ? 22 : 18}>
        {t('board.hidden')}
      </Text>
    )
  const name = `${person.firstName} ${person.lastName}`
  return (
    <Stack gap={2}>
      <Text className="duty-board-name" fz={size === 'large' ? { base: 28, md: 40 } : { base: 20, md: 26 }} fw={700}>
        {name} <span className="duty-board-zone">({person.zoneCode})</span>
      </Text>
      {size === 'large' &&
        (person.workPhone ? (
          <Anchor
            href={`tel:${person.workPhone.replace(/[^+\d]/g, '')}`}
            className="duty-board-phone"
            fz={{ base: 24, md: 34 }}
            fw={700}
            aria-label={t('board.call', { name, phone: person.workPhone })}
          >
            {person.workPhone}
          </Anchor>
        ) : (
          <Text className="duty-board-muted" fz={20}>
            {t('board.noPhone')}
          </Text>
        ))}
    </Stack>
  )
}

function RotationCard({ item }: { item: OnDutyItem }) {
  const { t, locale } = useI18n()
  const domainKey = `domain.${item.domain}`
  return (
    <section className="duty-board-card" aria-labelledby={`rotation-${item.rotationId}`}>
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} id={`rotation-${item.rotationId}`} fz={{ base: 22, md: 28 }} className="duty-board-title">
            {item.rotationName}
          </Title>
          <Text className="duty-board-muted" fz={{ base: 16, md: 18 }}>
            {hasKey(nl, domainKey) ? t(domainKey) : item.domain} ·{' '}
            {t('board.zones', { codes: item.zones.map((z) => z.code).join(', ') })}
          </Text>
        </Stack>
        <Stack gap={6}>
          <Text className="duty-board-label" fz={{ base: 15, md: 17 }} fw={700} tt="uppercase">
            {t('board.now')}
          </Text>
          {item.onDuty.length === 0 ? (
            <Text className="duty-board-gap" fz={{ base: 24, md: 32 }} fw={700}>
              {t('board.nobody')}
            </Text>
          ) : (
            item.onDuty.map((d) => (
              <Stack gap={2} key={d.position}>
                <PersonLine person={d.person} size="large" />
                <Text fz={{ base: 18, md: 22 }} className="duty-board-time">
                  {t('board.until', { time: formatDateTime(d.until, locale) })}
                </Text>
              </Stack>
            ))
          )}
        </Stack>
        <Stack gap={6} className="duty-board-next">
          <Text className="duty-board-label" fz={{ base: 15, md: 17 }} fw={700} tt="uppercase">
            {t('board.next')}
          </Text>
          {item.next ? (
            <>
              <PersonLine person={item.next.person} size="medium" />
              <Text fz={{ base: 17, md: 20 }} className="duty-board-time">
                {t('board.from', { time: formatDateTime(item.next.from, locale) })}
              </Text>
            </>
          ) : (
            <Text className="duty-board-muted" fz={18}>
              {t('board.noNext')}
            </Text>
          )}
        </Stack>
      </Stack>
    </section>
  )
}

/** "Wachtbord": in the app's frame at /board, alone (kiosk) at /board/kiosk. */
export function BoardPage({ kiosk = false }: { kiosk?: boolean }) {
  const { t, locale } = useI18n()
  usePageTitle(t('board.pageTitle'))
  const navigate = useNavigate()
  const now = useNow()
  const { query, status } = useOnDutyBoard()

  // Leaving kiosk mode (the button, or Escape ending full screen) returns to the framed page.
  useEffect(() => {
    if (!kiosk) return
    const onChange = () => {
      if (!document.fullscreenElement) void navigate('/board')
    }
    document.addEventListener('fullscreenchange', onChange)
    return () => document.removeEventListener('fullscreenchange', onChange)
  }, [kiosk, navigate])

  const enterKiosk = () => {
    void navigate('/board/kiosk')
    // Full screen needs this user gesture; a browser that refuses still shows the page without the frame.
    document.documentElement.requestFullscreen?.().catch(() => undefined)
  }
  const leaveKiosk = () => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined)
    void navigate('/board')
  }

  const items = query.data?.items
  return (
    <div className={kiosk ? 'duty-board duty-board-kiosk' : 'duty-board'}>
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="md" mb="lg">
        <Stack gap={2}>
          <Title order={1} fz={{ base: 26, md: kiosk ? 40 : 32 }} className="duty-board-title">
            {t('board.pageTitle')}
          </Title>
          <Text className="duty-board-muted" fz={{ base: 15, md: 18 }}>
            {dayText(now, locale)}
          </Text>
        </Stack>
        <Group gap="md" align="center" wrap="wrap">
          <Text
            component="time"
            dateTime={now.toISOString()}
            className="duty-board-clock"
            fz={{ base: 36, md: kiosk ? 64 : 48 }}
            fw={700}
            aria-label={t('board.clock')}
          >
            {clockText(now, locale)}
          </Text>
          <Badge
            size="xl"
            color={status === 'live' ? '#1b5e20' : '#8a3b00'}
            variant="filled"
            role="status"
            data-testid="board-status"
          >
            {t(
              status === 'live' ? 'board.live' : status === 'reconnecting' ? 'board.reconnecting' : 'board.connecting',
            )}
          </Badge>
          <Button variant={kiosk ? 'white' : 'filled'} onClick={kiosk ? leaveKiosk : enterKiosk}>
            {t(kiosk ? 'board.exitKiosk' : 'board.kiosk')}
          </Button>
        </Group>
      </Group>
      {query.isPending ? (
        <LoadingState rows={4} height={120} />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : items && items.length === 0 ? (
        <EmptyState title={t('board.empty')} description={t('board.emptyHint')} />
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2, xl: kiosk ? 3 : 2 }} spacing="lg">
          {(items ?? []).map((item) => (
            <RotationCard key={item.rotationId} item={item} />
          ))}
        </SimpleGrid>
      )}
    </div>
  )
}
