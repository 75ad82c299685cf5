import { Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { Link } from 'react-router'
import type { QuotedFigures } from '../../api/types.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'

function Amount({ label, cents, strong }: { label: string; cents: number | null; strong?: boolean }) {
  const { f, t } = useI18n()
  return (
    <Stack gap={2}>
      <Text fz="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={strong ? 26 : 20} fw={strong ? 700 : 600} c={strong ? 'navy.9' : undefined} className="num" ta="left">
        {cents === null ? t('common.unknown') : f.money(cents)}
      </Text>
    </Stack>
  )
}

/** The budget an agreement cites (WVL4: ordinary + extraordinary = total), with where it comes from. */
export function QuotedBudget({ quoted }: { quoted: QuotedFigures }) {
  const { t } = useI18n()
  const source = t('dashboard.quoted.source', { title: '\u0000' }).split('\u0000')
  const hasBudget =
    quoted.budgetTotalCents !== null || quoted.budgetOrdinaryCents !== null || quoted.budgetExtraordinaryCents !== null
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="quoted-heading">
      <Group justify="space-between" align="baseline" mb="md">
        <Title order={2} fz="lg" id="quoted-heading">
          {hasBudget ? t('dashboard.stat.budget') : t('dashboard.quoted.heading')}
        </Title>
      </Group>
      {hasBudget && (
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg" mb="md">
          <Amount label={t('dashboard.budget.ordinary')} cents={quoted.budgetOrdinaryCents} />
          <Amount label={t('dashboard.budget.extraordinary')} cents={quoted.budgetExtraordinaryCents} />
          <Amount label={t('dashboard.budget.total')} cents={quoted.budgetTotalCents} strong />
        </SimpleGrid>
      )}
      <Text fz="sm" c="dimmed">
        {source[0]}
        <Anchor component={Link} to={`/agreements/${quoted.agreementId}`} fz="sm" underline="always">
          {quoted.agreementTitle}
        </Anchor>
        {source[1]}
      </Text>
    </Paper>
  )
}
