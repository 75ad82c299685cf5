// "Investeringen" (/investments): the joint investments of the reader's zones (an admin: the association's),
// with their parties, price, cost key and depreciation. A table from tablet width, cards on a phone.
import { Anchor, Badge, Button, Group, Paper, Table, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import { Link } from 'react-router'
import { useSignedInUser } from '../../auth/session.ts'
import { CardList } from '../../components/CardList.tsx'
import { PageHeader, usePageTitle } from '../../components/PageHeader.tsx'
import { EmptyState, QueryView } from '../../components/QueryState.tsx'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { formatEuros, useInvestments, type InvestmentSummary } from './investments-api.ts'

export function InvestmentsPage() {
  const { t, f, locale } = useI18n()
  usePageTitle(t('investments.title'))
  const me = useSignedInUser()
  const [q, setQ] = useState('')
  const investments = useInvestments(q.trim())
  const canCreate = me.roles.some((r) => r.role === 'korpschef' || r.role === 'finance' || r.role === 'admin')
  const parties = (i: InvestmentSummary) => i.parties.map((p) => p.zone.name).join(', ')
  const method = (i: InvestmentSummary) => (i.currentKey ? t(`investments.method.${i.currentKey.method}`) : '—')
  const months = (i: InvestmentSummary) => t('investments.months', { n: i.depreciationMonths })
  const link = (i: InvestmentSummary) => (
    <Anchor component={Link} to={`/investments/${i.id}`} fw={600}>
      {i.title}
    </Anchor>
  )
  return (
    <>
      <PageHeader
        title={t('investments.title')}
        description={t('investments.description')}
        actions={
          canCreate && (
            <Button component={Link} to="/investments/new">
              {t('investments.new')}
            </Button>
          )
        }
      />
      <TextInput
        label={t('investments.search')}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        maw={360}
        mb="md"
      />
      <QueryView
        query={investments}
        isEmpty={(r) => r.items.length === 0}
        empty={<EmptyState description={t('investments.empty')} />}
      >
        {(r) => (
          <>
            <Paper withBorder visibleFrom="sm">
              <Table fz="sm" verticalSpacing="sm" striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('investments.field.title')}</Table.Th>
                    <Table.Th>{t('investments.parties')}</Table.Th>
                    <Table.Th className="num">{t('investments.field.amount')}</Table.Th>
                    <Table.Th>{t('investments.costKey')}</Table.Th>
                    <Table.Th>{t('investments.field.depreciation')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {r.items.map((i) => (
                    <Table.Tr key={i.id}>
                      <Table.Td>
                        {link(i)}
                        <Text fz="xs" c="dimmed">
                          {[i.supplier, t('investments.purchasedOnShort', { date: f.date(i.purchasedOn) })]
                            .filter(Boolean)
                            .join(' · ')}
                        </Text>
                      </Table.Td>
                      <Table.Td>{parties(i)}</Table.Td>
                      <Table.Td className="num">{formatEuros(i.amountCents, locale)}</Table.Td>
                      <Table.Td>
                        <Badge variant="light">{method(i)}</Badge>
                      </Table.Td>
                      <Table.Td>{months(i)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
            <CardList
              label={t('investments.title')}
              items={r.items.map((i) => ({
                key: i.id,
                title: link(i),
                subtitle: (
                  <Group gap="xs" mt={4}>
                    <Badge variant="light">{method(i)}</Badge>
                  </Group>
                ),
                fields: [
                  { label: t('investments.parties'), value: parties(i) },
                  { label: t('investments.field.amount'), value: formatEuros(i.amountCents, locale) },
                  { label: t('investments.field.depreciation'), value: months(i) },
                ],
              }))}
            />
          </>
        )}
      </QueryView>
    </>
  )
}
