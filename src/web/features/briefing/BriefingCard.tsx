// One item of the briefing view as a large readable card: category (icon and colour), priority, title, text,
// photo, validity, the zones and teams it is for, and "Gelezen" (✓ and the time once read). A restricted item
// read without a justification is a locked card: its category and priority only.
import { Badge, Box, Button, Group, Image, Paper, Stack, Text, ThemeIcon } from '@mantine/core'
import type { ReactNode } from 'react'
import {
  IconCalendar,
  IconCheck,
  IconDocument,
  IconInfo,
  IconKey,
  IconSearch,
  IconShield,
  IconUsers,
} from '../../components/icons.tsx'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { usePhotoUrl, type BriefingItem } from './briefing-api.ts'
import { CATEGORY_COLOR, PRIORITY_COLOR, useBriefingText } from './text.ts'

const ICONS: Record<string, ReactNode> = {
  wanted_person: <IconUsers />,
  wanted_vehicle: <IconSearch />,
  attention_point: <IconInfo />,
  event: <IconCalendar />,
  working_instruction: <IconDocument />,
  officer_safety: <IconShield />,
}

function Photo({ item, justification, large }: { item: BriefingItem; justification: string | null; large: boolean }) {
  const { t } = useI18n()
  const url = usePhotoUrl(
    item.id,
    item.hasPhoto && (!item.restricted || justification !== null),
    justification,
    item.updatedAt,
  )
  if (!url) return null
  return (
    <Image
      src={url}
      alt={t('briefing.photoOf', { title: item.title ?? '' })}
      radius="sm"
      mah={large ? 360 : 220}
      w="auto"
      fit="contain"
    />
  )
}

export function BriefingCard({
  item,
  justification,
  projector = false,
  onConfirm,
  confirming = false,
}: {
  item: BriefingItem
  justification: string | null
  projector?: boolean
  onConfirm?: () => void
  confirming?: boolean
}) {
  const { t, f } = useI18n()
  const text = useBriefingText()
  const locked = item.restricted && item.title === null
  const color = CATEGORY_COLOR[item.category] ?? 'gray'
  const big = projector ? 1.6 : 1
  return (
    <Paper
      component="li"
      withBorder
      p={projector ? 'xl' : 'md'}
      aria-label={locked ? t('briefing.lockedItem') : (item.title ?? '')}
      style={{ borderLeft: `8px solid var(--mantine-color-${color}-7)` }}
      bg={projector ? 'dark.8' : undefined}
    >
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="sm" wrap="nowrap">
            <ThemeIcon color={color} size={projector ? 48 : 32} radius="sm" variant="filled" aria-hidden>
              {ICONS[item.category] ?? <IconInfo />}
            </ThemeIcon>
            <Text fw={700} fz={18 * big} c={projector ? 'white' : undefined}>
              {text.category(item.category)}
            </Text>
          </Group>
          <Group gap={6}>
            {item.restricted && (
              <Badge color="dark" variant={projector ? 'white' : 'filled'} leftSection={<IconKey width={12} />}>
                {t('briefing.restricted')}
              </Badge>
            )}
            <Badge
              autoContrast
              color={PRIORITY_COLOR[item.priority] ?? 'gray'}
              size={projector ? 'xl' : 'lg'}
              variant="filled"
            >
              {text.priority(item.priority)}
            </Badge>
          </Group>
        </Group>
        {locked ? (
          <Text fz={16 * big} c={projector ? 'gray.3' : 'dimmed'}>
            {t('briefing.lockedText')}
          </Text>
        ) : (
          <>
            <Text
              component="h3"
              m={0}
              fw={750}
              fz={24 * big}
              lh={1.25}
              className="wrap-words"
              c={projector ? 'white' : undefined}
            >
              {item.title}
            </Text>
            {item.body && (
              <Text
                fz={18 * big}
                lh={1.5}
                style={{ whiteSpace: 'pre-wrap' }}
                className="wrap-words"
                c={projector ? 'gray.1' : undefined}
              >
                {item.body}
              </Text>
            )}
            {item.hasPhoto && <Photo item={item} justification={justification} large={projector} />}
          </>
        )}
        <Box>
          <Text fz={14 * big} c={projector ? 'gray.4' : 'dimmed'}>
            {t('briefing.validity', { period: text.period({ from: item.validFrom, to: item.validTo }) })}
          </Text>
          <Text fz={14 * big} c={projector ? 'gray.4' : 'dimmed'} className="wrap-words">
            {t('briefing.for', {
              targets: item.targets
                .map((tg) =>
                  tg.teams.length ? `${tg.zone.name} (${tg.teams.map((x) => x.name).join(', ')})` : tg.zone.name,
                )
                .join(' · '),
            })}
          </Text>
        </Box>
        {/* A locked restricted item is confirmed only once it was opened with a justification. */}
        {!projector && onConfirm && !locked && (item.addressedToMe || item.readByMe) && (
          <Group>
            {item.readByMe ? (
              <Badge color="green" size="lg" variant="light" leftSection={<IconCheck width={14} />}>
                {t('briefing.readAt', { at: f.dateTime(item.readByMe) })}
              </Badge>
            ) : (
              <Button onClick={onConfirm} loading={confirming} leftSection={<IconCheck width={16} />}>
                {t('briefing.confirm')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  )
}
