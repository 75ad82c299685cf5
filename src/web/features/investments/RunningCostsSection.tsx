// The running costs of an investment (maintenance, licences, calibration, …), newest first, and for who may manage
// it the form to add one: a day typed dd/mm/jjjj and an amount typed the Belgian way (1.234,56). A cost in a
// period already settled cannot be removed (the server says so; the button is not offered).
import { Alert, Button, Group, Paper, Select, Stack, Table, TextInput, Title } from '@mantine/core'
import { useState } from 'react'
import { BelgianDateInput } from '../../components/BelgianDateInput.tsx'
import { CardList } from '../../components/CardList.tsx'
import { EmptyState } from '../../components/QueryState.tsx'
import { useNotify } from '../../components/useNotify.ts'
import { EuroInput } from '../../components/EuroInput.tsx'
import { errorMessage } from '../../i18n/errorMessage.ts'
import { todayInBrussels } from '../../i18n/format.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import {
  COST_KINDS,
  formatEuros,
  useAddRunningCost,
  useRemoveRunningCost,
  type InvestmentDetail,
  type RunningCost,
  type RunningCostCreate,
} from './investments-api.ts'

export function RunningCostsSection({ investment }: { investment: InvestmentDetail }) {
  const { t, f, locale } = useI18n()
  const notify = useNotify()
  const add = useAddRunningCost(investment.id)
  const remove = useRemoveRunningCost(investment.id)
  const manage = investment.actions.includes('add_cost')
  const [kind, setKind] = useState<RunningCostCreate['kind']>('maintenance')
  const [incurredOn, setIncurredOn] = useState<string | null>(todayInBrussels())
  const [euros, setEuros] = useState<number | null>(null)
  const [description, setDescription] = useState('')
  const [paidBy, setPaidBy] = useState<string>(investment.paidByZone.id)
  const removeButton = (c: RunningCost) =>
    manage && c.removable ? (
      <Button
        variant="subtle"
        color="red"
        size="compact-sm"
        loading={remove.isPending && remove.variables === c.id}
        onClick={() => remove.mutate(c.id, { onSuccess: () => notify.success(t('investments.cost.removed')) })}
        aria-label={`${t('investments.remove')}: ${c.description}`}
      >
        {t('investments.remove')}
      </Button>
    ) : null
  const total = investment.costs.reduce((s, c) => s + c.amountCents, 0)
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="investment-costs">
      <Title order={2} fz="lg" mb="sm" id="investment-costs">
        {t('investments.cost.title')}
      </Title>
      {investment.costs.length === 0 ? (
        <EmptyState description={t('investments.cost.empty')} />
      ) : (
        <>
          <Table fz="sm" visibleFrom="sm" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('investments.cost.date')}</Table.Th>
                <Table.Th>{t('investments.cost.kind')}</Table.Th>
                <Table.Th>{t('investments.cost.description')}</Table.Th>
                <Table.Th>{t('investments.cost.paidBy')}</Table.Th>
                <Table.Th className="num">{t('investments.cost.amount')}</Table.Th>
                <Table.Th>
                  <span className="visually-hidden">{t('investments.actions')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {investment.costs.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{f.date(c.incurredOn)}</Table.Td>
                  <Table.Td>{t(`investments.costKind.${c.kind}`)}</Table.Td>
                  <Table.Td className="wrap-words">{c.description}</Table.Td>
                  <Table.Td>{c.paidByZone.name}</Table.Td>
                  <Table.Td className="num">{formatEuros(c.amountCents, locale)}</Table.Td>
                  <Table.Td>{removeButton(c)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th colSpan={4}>{t('investments.cost.total')}</Table.Th>
                <Table.Th className="num">{formatEuros(total, locale)}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Tfoot>
          </Table>
          <CardList
            label={t('investments.cost.title')}
            items={investment.costs.map((c) => ({
              key: c.id,
              title: c.description,
              subtitle: removeButton(c),
              fields: [
                { label: t('investments.cost.date'), value: f.date(c.incurredOn) },
                { label: t('investments.cost.kind'), value: t(`investments.costKind.${c.kind}`) },
                { label: t('investments.cost.paidBy'), value: c.paidByZone.name },
                { label: t('investments.cost.amount'), value: formatEuros(c.amountCents, locale) },
              ],
            }))}
          />
        </>
      )}
      {remove.isError && (
        <Alert color="red" variant="light" role="alert" mt="sm">
          {errorMessage(remove.error, t)}
        </Alert>
      )}
      {manage && (
        <form
          onSubmit={(e) => {
            e.preventDefault()
            if (!incurredOn || euros === null) return
            add.mutate(
              {
                kind,
                incurredOn,
                amountCents: Math.round(euros * 100),
                description: description.trim(),
                paidByZoneId: paidBy,
              },
              {
                onSuccess: () => {
                  notify.success(t('investments.cost.saved'))
                  setEuros(null)
                  setDescription('')
                },
              },
            )
          }}
        >
          <Stack gap="sm" mt="lg">
            <Title order={3} fz="md">
              {t('investments.cost.new')}
            </Title>
            <Group gap="sm" align="flex-start" wrap="wrap">
              <Select
                label={t('investments.cost.kind')}
                data={COST_KINDS.map((k) => ({ value: k, label: t(`investments.costKind.${k}`) }))}
                value={kind}
                onChange={(v) => {
                  const found = COST_KINDS.find((k) => k === v)
                  if (found) setKind(found)
                }}
                allowDeselect={false}
                w={200}
              />
              <BelgianDateInput
                id="cost-date"
                label={t('investments.cost.date')}
                value={incurredOn}
                onChange={setIncurredOn}
                required
                w={170}
              />
              <EuroInput
                label={t('investments.cost.amount')}
                description={t('investments.euroHint')}
                min={0.01}
                value={euros ?? ''}
                onChange={(v) => setEuros(typeof v === 'number' ? v : null)}
                required
                w={200}
              />
              <Select
                label={t('investments.cost.paidBy')}
                data={investment.parties.map((p) => ({ value: p.zone.id, label: p.zone.name }))}
                value={paidBy}
                onChange={(v) => v && setPaidBy(v)}
                allowDeselect={false}
                w={240}
              />
            </Group>
            <TextInput
              label={t('investments.cost.description')}
              value={description}
              onChange={(e) => setDescription(e.currentTarget.value)}
              required
              maxLength={500}
            />
            {add.isError && (
              <Alert color="red" variant="light" role="alert">
                {errorMessage(add.error, t)}
              </Alert>
            )}
            <Button type="submit" loading={add.isPending} style={{ alignSelf: 'flex-start' }}>
              {t('investments.cost.save')}
            </Button>
          </Stack>
        </form>
      )}
    </Paper>
  )
}
