import { Badge, Group, Stack, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import type { Agreement } from '../../api/types.ts'
import { todayInBrussels } from '../../i18n/format.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'

type TrialState = 'notStarted' | 'running' | 'over'

export function trialState(a: Pick<Agreement, 'effectiveFrom' | 'trialEndsOn'>, today: string): TrialState {
  if (!a.effectiveFrom || !a.trialEndsOn || today < a.effectiveFrom) return 'notStarted'
  return today <= a.trialEndsOn ? 'running' : 'over'
}

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <Group justify="space-between" gap="xs" wrap="nowrap">
      <Text component="dt" fz="sm" c="dimmed">
        {term}
      </Text>
      <Text component="dd" fz="sm" fw={500} m={0} ta="right">
        {children}
      </Text>
    </Group>
  )
}

/** WVL4: one trial year before new partners may join. Start, length, end, and whether it is still running. */
export function TrialPeriod({ agreement: a }: { agreement: Agreement }) {
  const { t, f } = useI18n()
  if (!a.trialMonths)
    return (
      <Text fz="sm" c="dimmed">
        {t('agreement.trial.none')}
      </Text>
    )
  const state = trialState(a, todayInBrussels())
  return (
    <Stack gap="sm">
      <Badge
        color={state === 'running' ? 'orange' : state === 'over' ? 'gray' : 'navy'}
        variant="light"
        size="lg"
        tt="none"
        fw={600}
      >
        {state === 'running'
          ? t('agreement.trial.running')
          : state === 'over'
            ? t('agreement.trial.over')
            : t('agreement.trial.notStarted')}
      </Badge>
      <Stack component="dl" gap={6} m={0}>
        <Row term={t('agreement.trial.start')}>{a.effectiveFrom ? f.date(a.effectiveFrom) : t('common.notSet')}</Row>
        <Row term={t('agreement.trial.length')}>{t('agreement.trial.months', { n: a.trialMonths })}</Row>
        <Row term={t('agreement.trial.end')}>{a.trialEndsOn ? f.date(a.trialEndsOn) : t('common.notSet')}</Row>
      </Stack>
    </Stack>
  )
}
