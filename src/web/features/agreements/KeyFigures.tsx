import { Stack, Text } from '@mantine/core'
import type { Agreement } from '../../api/types.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'

/** The figures the agreement itself cites (WVL4's protocol), as printed, not as computed today. */
export function KeyFigures({ figures }: { figures: NonNullable<Agreement['keyFigures']> }) {
  const { t, f } = useI18n()
  const rows: [string, string | null][] = [
    [t('dashboard.stat.municipalities'), figures.municipalities === null ? null : f.number(figures.municipalities)],
    [t('dashboard.stat.area'), figures.areaKm2 === null ? null : f.area(figures.areaKm2)],
    [t('dashboard.stat.staff'), figures.staff === null ? null : f.number(figures.staff)],
    [
      t('dashboard.budget.ordinary'),
      figures.budgetOrdinaryCents === null ? null : f.money(figures.budgetOrdinaryCents),
    ],
    [
      t('dashboard.budget.extraordinary'),
      figures.budgetExtraordinaryCents === null ? null : f.money(figures.budgetExtraordinaryCents),
    ],
    [
      `${t('dashboard.stat.budget')} (${t('dashboard.budget.total').toLowerCase()})`,
      figures.budgetTotalCents === null ? null : f.money(figures.budgetTotalCents),
    ],
  ]
  return (
    <Stack component="dl" gap={6} m={0}>
      {rows
        .filter((row): row is [string, string] => row[1] !== null)
        .map(([term, value]) => (
          <div key={term} style={{ display: 'flex', justifyContent: 'space-between', gap: 12 }}>
            <Text component="dt" fz="sm" c="dimmed">
              {term}
            </Text>
            <Text component="dd" fz="sm" fw={600} m={0} className="num">
              {value}
            </Text>
          </div>
        ))}
    </Stack>
  )
}
