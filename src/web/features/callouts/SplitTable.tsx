import { Box, Table } from '@mantine/core'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import type { HoursSplit, StatementLine } from './api.ts'
import { hoursOf } from './months.ts'

/** The categories GALoP Lite asks, in its order; night is an overlay (also counted in its day). */
export const CATEGORIES = ['total', 'weekdayDay', 'night', 'saturday', 'sunday', 'holiday'] as const

export function useHours() {
  const { f } = useI18n()
  return (minutes: number) => f.number(hoursOf(minutes), { minimumFractionDigits: 2, maximumFractionDigits: 2 })
}

/** One person's month: B&T and Wachtoproep side by side, a row per category. Narrow enough for a phone. */
export function PersonSplit({ line }: { line: Pick<StatementLine, 'onCall' | 'callOuts'> }) {
  const { t } = useI18n()
  const hours = useHours()
  return (
    <Table striped withTableBorder fz="sm" horizontalSpacing="xs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('statement.category')}</Table.Th>
          <Table.Th scope="col" ta="right">
            <abbr title={t('statement.onCall')}>{t('statement.onCallShort')}</abbr>
          </Table.Th>
          <Table.Th scope="col" ta="right">
            {t('statement.callOuts')}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {CATEGORIES.map((c) => (
          <Table.Tr key={c}>
            <Table.Th scope="row" fw={c === 'total' ? 700 : 400}>
              {t(`statement.category.${c}`)}
            </Table.Th>
            <Table.Td ta="right" fw={c === 'total' ? 700 : 400}>
              {hours(line.onCall[c])}
            </Table.Td>
            <Table.Td ta="right" fw={c === 'total' ? 700 : 400}>
              {hours(line.callOuts[c])}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

/** A zone's month: a row per person, B&T then Wachtoproep per category; scrolls sideways on a phone. */
export function ZoneSplit({
  lines,
  totals,
}: {
  lines: readonly StatementLine[]
  totals: { onCall: HoursSplit; callOuts: HoursSplit }
}) {
  const { t } = useI18n()
  const hours = useHours()
  const cells = (split: { onCall: HoursSplit; callOuts: HoursSplit }) => [
    ...CATEGORIES.map((c) => (
      <Table.Td key={`o-${c}`} ta="right">
        {hours(split.onCall[c])}
      </Table.Td>
    )),
    ...CATEGORIES.map((c) => (
      <Table.Td key={`c-${c}`} ta="right">
        {hours(split.callOuts[c])}
      </Table.Td>
    )),
  ]
  return (
    // Focusable, so that a keyboard can scroll it sideways (axe: scrollable-region-focusable).
    <Box style={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-label={t('statement.tableLabel')}>
      <Table striped withTableBorder fz="sm" miw={1100}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th rowSpan={2} scope="col">
              {t('statement.person')}
            </Table.Th>
            <Table.Th colSpan={CATEGORIES.length} scope="colgroup" ta="center">
              {t('statement.onCall')}
            </Table.Th>
            <Table.Th colSpan={CATEGORIES.length} scope="colgroup" ta="center">
              {t('statement.callOuts')}
            </Table.Th>
          </Table.Tr>
          <Table.Tr>
            {[...CATEGORIES, ...CATEGORIES].map((c, i) => (
              <Table.Th key={`${i}-${c}`} scope="col" ta="right">
                {t(`statement.category.${c}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((l) => (
            <Table.Tr key={l.personId}>
              <Table.Th scope="row" fw={400}>
                {l.personName}
                <br />
                <span style={{ fontSize: 'var(--mantine-font-size-xs)' }}>{l.employeeNumber}</span>
              </Table.Th>
              {cells(l)}
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr fw={700}>
            <Table.Th scope="row">{t('statement.totals')}</Table.Th>
            {cells(totals)}
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Box>
  )
}
