// One joint investment (/investments/:id): the purchase, its parties (with the day each joined or left), the
// assets bought with it, running costs, the cost key's versions, and the shares per zone (SharesPanel, built by
// the settlements part).
import { Anchor, Badge, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { Link, useParams } from 'react-router'
import { BackLink } from '../../components/BackLink.tsx'
import { PageHeader, usePageTitle } from '../../components/PageHeader.tsx'
import { QueryView } from '../../components/QueryState.tsx'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { CostKeySection } from './CostKeySection.tsx'
import { formatEuros, useInvestment, type InvestmentDetail } from './investments-api.ts'
import { RunningCostsSection } from './RunningCostsSection.tsx'
import { SharesPanel } from './SharesPanel.tsx'

function Facts({ investment: i }: { investment: InvestmentDetail }) {
  const { t, f, locale } = useI18n()
  const facts: [string, string][] = [
    [t('investments.field.amount'), formatEuros(i.amountCents, locale)],
    [t('investments.field.purchasedOn'), f.date(i.purchasedOn)],
    [t('investments.field.supplier'), i.supplier ?? '—'],
    [t('investments.field.depreciation'), t('investments.months', { n: i.depreciationMonths })],
    [t('investments.field.paidBy'), i.paidByZone.name],
    [t('investments.field.managedBy'), i.managingZone.name],
  ]
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="investment-facts">
      <Title order={2} fz="lg" mb="sm" id="investment-facts">
        {t('investments.purchase')}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm" component="dl" m={0}>
        {facts.map(([label, value]) => (
          <div key={label}>
            <Text component="dt" fz="xs" c="dimmed" tt="uppercase" fw={600}>
              {label}
            </Text>
            <Text component="dd" m={0} fw={500} className="wrap-words">
              {value}
            </Text>
          </div>
        ))}
      </SimpleGrid>
      {i.description && (
        <Text mt="sm" fz="sm">
          {i.description}
        </Text>
      )}
    </Paper>
  )
}

function Parties({ investment: i }: { investment: InvestmentDetail }) {
  const { t, f } = useI18n()
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="investment-parties">
      <Title order={2} fz="lg" mb="sm" id="investment-parties">
        {t('investments.parties')}
      </Title>
      <Table fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('investments.zone')}</Table.Th>
            <Table.Th>{t('investments.joinedOn')}</Table.Th>
            <Table.Th>{t('investments.leftOn')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {i.parties.map((p) => (
            <Table.Tr key={p.zone.id}>
              <Table.Td className="wrap-words">
                {p.zone.name}{' '}
                <Text span c="dimmed" fz="xs">
                  ({p.zone.code})
                </Text>
              </Table.Td>
              <Table.Td>{f.date(p.joinedOn)}</Table.Td>
              <Table.Td>{p.leftOn ? f.date(p.leftOn) : '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  )
}

function Assets({ investment: i }: { investment: InvestmentDetail }) {
  const { t } = useI18n()
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="investment-assets">
      <Title order={2} fz="lg" mb="sm" id="investment-assets">
        {t('investments.assets')}
      </Title>
      {i.assets.length === 0 ? (
        <Text c="dimmed" fz="sm">
          {t('investments.noAssets')}
        </Text>
      ) : (
        <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {i.assets.map((a) => (
            <li key={a.id}>
              <Anchor component={Link} to={`/equipment/assets/${a.id}`} fw={600}>
                {a.name}
              </Anchor>{' '}
              <Text span fz="sm" c="dimmed">
                {t(`investments.assetKind.${a.kind}`)} · {a.identifier}
              </Text>
            </li>
          ))}
        </Stack>
      )}
    </Paper>
  )
}

export function InvestmentPage() {
  const { id = '' } = useParams()
  const { t } = useI18n()
  const investment = useInvestment(id)
  usePageTitle(investment.data?.title ?? t('investments.title'))
  return (
    <>
      <BackLink to="/investments" label={t('investments.back')} />
      <QueryView query={investment}>
        {(i) => (
          <>
            <PageHeader
              title={i.title}
              description={i.parties.map((p) => p.zone.name).join(' · ')}
              eyebrow={
                i.currentKey && (
                  <Badge variant="light">
                    {t('investments.costKey')}: {t(`investments.method.${i.currentKey.method}`)}
                  </Badge>
                )
              }
            />
            <Stack gap="lg">
              <Facts investment={i} />
              <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
                <Parties investment={i} />
                <Assets investment={i} />
              </SimpleGrid>
              <SharesPanel investmentId={i.id} />
              <CostKeySection investment={i} />
              <RunningCostsSection investment={i} />
            </Stack>
          </>
        )}
      </QueryView>
    </>
  )
}
