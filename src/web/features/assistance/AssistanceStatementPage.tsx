// The printable statement of one zone (/assistance/statement?association&zone&from&to): a clean A4 page (print CSS
// in app.css hides the app's frame) with the association, the zone, the period, every line and the totals.
import { Alert, Button, Group, Stack, Table, Text, Title } from '@mantine/core'
import { useSearchParams } from 'react-router'
import { BackLink } from '../../components/BackLink.tsx'
import { usePageTitle } from '../../components/PageHeader.tsx'
import { LoadingState, QueryView } from '../../components/QueryState.tsx'
import { useCurrentAssociation } from '../../auth/AssociationContext.tsx'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { useStatement, type Statement } from './api.ts'
import { useAssistanceText } from './text.ts'

function StatementView({ statement, associationName }: { statement: Statement; associationName: string }) {
  const { t, f } = useI18n()
  const text = useAssistanceText()
  const sum = (pick: (m: Statement['lines'][number]['minutes']) => number) =>
    statement.lines.reduce((total, l) => total + pick(l.minutes), 0)
  const credit = statement.lines.filter((l) => l.amount > 0).reduce((s, l) => s + l.amount, 0)
  const debit = statement.lines.filter((l) => l.amount < 0).reduce((s, l) => s - l.amount, 0)
  return (
    <article className="assistance-statement">
      <header className="assistance-statement-header">
        <Text fz="sm" c="dimmed">
          {associationName}
        </Text>
        <Title order={1} fz={24}>
          {t('assistance.statement.title', { zone: `${statement.zoneName} (${statement.zoneCode})` })}
        </Title>
        <Text>{t('assistance.statement.period', { from: f.date(statement.from), to: f.date(statement.to) })}</Text>
      </header>
      {/* On a phone the table scrolls sideways in its own named region; on paper it is printed whole. */}
      <div
        className="assistance-statement-scroll"
        tabIndex={0}
        role="region"
        aria-label={t('assistance.statement.pageTitle')}
      >
        <Table fz="sm" mt="md" withTableBorder className="assistance-statement-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('assistance.statement.date')}</Table.Th>
              <Table.Th>{t('assistance.statement.kind')}</Table.Th>
              <Table.Th>{t('assistance.statement.counterpart')}</Table.Th>
              <Table.Th>{t('assistance.statement.what')}</Table.Th>
              <Table.Th className="num">{t('assistance.statement.minutes')}</Table.Th>
              <Table.Th className="num">{t('assistance.statement.amount')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <Table.Tr>
              <Table.Td colSpan={5} fw={600}>
                {t('assistance.balances.opening')}
              </Table.Td>
              <Table.Td className="num" fw={600}>
                {text.hours(statement.opening)}
              </Table.Td>
            </Table.Tr>
            {statement.lines.map((l) => (
              <Table.Tr key={l.id}>
                <Table.Td>{f.date(l.bookedOn)}</Table.Td>
                <Table.Td>{t(`assistance.ledgerKind.${l.kind}`)}</Table.Td>
                <Table.Td>{l.counterpartZoneCode}</Table.Td>
                <Table.Td>
                  {l.request ? `${text.category(l.request.category)}, ${l.request.place}` : '—'}
                  {l.person
                    ? ` · ${l.person.name ?? (l.person.rank ? text.capability(l.person.rank) : '')} (${l.person.zoneCode})`
                    : ''}
                </Table.Td>
                <Table.Td className="num">{text.hours(l.minutes.total)}</Table.Td>
                <Table.Td className="num">{text.hours(l.amount)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th colSpan={4}>
                {t('assistance.balances.credit')} / {t('assistance.balances.debit')}
              </Table.Th>
              <Table.Td className="num">{text.hours(sum((m) => m.total))}</Table.Td>
              <Table.Td className="num">
                +{text.hours(credit)} / −{text.hours(debit)}
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th colSpan={5}>{t('assistance.balances.closing')}</Table.Th>
              <Table.Td className="num" fw={700}>
                {text.hours(statement.closing)}
              </Table.Td>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </div>
      <Text fz="xs" c="dimmed" mt="sm">
        {t('assistance.statement.note')}
      </Text>
    </article>
  )
}

export function AssistanceStatementPage() {
  const { t } = useI18n()
  usePageTitle(t('assistance.statement.pageTitle'))
  const [params] = useSearchParams()
  const { all } = useCurrentAssociation()
  const associationId = params.get('association') ?? ''
  const zoneId = params.get('zone') ?? ''
  const from = params.get('from') ?? ''
  const to = params.get('to') ?? ''
  const statement = useStatement(associationId, zoneId, from, to)
  const associationName = all.find((a) => a.id === associationId)?.name ?? ''
  return (
    <Stack gap="sm">
      <Group justify="space-between" className="no-print">
        <BackLink to="/assistance/balances" label={t('assistance.balances.back')} />
        <Button variant="light" onClick={() => window.print()}>
          {t('assistance.statement.print')}
        </Button>
      </Group>
      {!associationId || !zoneId || !from || !to ? (
        <Alert color="gold" variant="light">
          {t('assistance.statement.missing')}
        </Alert>
      ) : (
        <QueryView query={statement} loading={<LoadingState rows={5} />}>
          {(s) => <StatementView statement={s} associationName={associationName} />}
        </QueryView>
      )}
    </Stack>
  )
}
