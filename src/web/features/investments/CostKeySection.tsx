// The cost key's versions of an investment (newest first) and, for who may manage it, the form of a new version:
// from a day, it closes the version in force then. A version that has not started yet may be removed.
import { Alert, Button, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { useState } from 'react'
import { BelgianDateInput } from '../../components/BelgianDateInput.tsx'
import { useNotify } from '../../components/useNotify.ts'
import { errorMessage } from '../../i18n/errorMessage.ts'
import { todayInBrussels } from '../../i18n/format.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { ScrollTable } from '../assistance/ScrollTable.tsx'
import { CostKeyFields, EMPTY_KEY, keyBody, type KeyValue } from './CostKeyFields.tsx'
import { useAddCostKey, useRemoveCostKey, type CostKeyVersion, type InvestmentDetail } from './investments-api.ts'

function describeInputs(
  k: CostKeyVersion,
  zones: Map<string, string>,
  fmt: (n: number) => string,
  label: (f: string) => string,
) {
  return Object.entries(k.inputs)
    .map(([zoneId, input]) => {
      const parts = (['population', 'fte', 'percent'] as const).flatMap((f) =>
        input[f] === undefined ? [] : [`${label(f)} ${fmt(input[f])}`],
      )
      return parts.length ? `${zones.get(zoneId) ?? zoneId}: ${parts.join(', ')}` : ''
    })
    .filter(Boolean)
}

export function CostKeySection({ investment }: { investment: InvestmentDetail }) {
  const { t, f } = useI18n()
  const notify = useNotify()
  const add = useAddCostKey(investment.id)
  const remove = useRemoveCostKey(investment.id)
  const today = todayInBrussels()
  const [validFrom, setValidFrom] = useState<string | null>(today)
  const [note, setNote] = useState('')
  const [key, setKey] = useState<KeyValue>(EMPTY_KEY)
  const zoneName = new Map(investment.parties.map((p) => [p.zone.id, p.zone.name]))
  const zones = investment.parties
    .filter((p) => validFrom === null || p.leftOn === null || p.leftOn > validFrom)
    .map((p) => p.zone)
  const weights = (k: CostKeyVersion) =>
    Object.entries(k.weights)
      .filter(([, w]) => w > 0)
      .map(([m, w]) => `${t(`investments.method.${m as KeyValue['method']}`)} ${f.number(w)}`)
      .join(' · ')
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="investment-keys">
      <Title order={2} fz="lg" mb="sm" id="investment-keys">
        {t('investments.key.versions')}
      </Title>
      <ScrollTable label={t('investments.key.versions')} minWidth={560}>
        <Table fz="sm" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('investments.key.validity')}</Table.Th>
              <Table.Th>{t('investments.key.method')}</Table.Th>
              <Table.Th>{t('investments.key.inputs')}</Table.Th>
              <Table.Th>
                <span className="visually-hidden">{t('investments.actions')}</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {investment.costKeys.map((k) => (
              <Table.Tr key={k.id}>
                <Table.Td>
                  {k.validTo
                    ? t('investments.key.fromTo', { from: f.date(k.validFrom), to: f.date(k.validTo) })
                    : t('investments.key.since', { date: f.date(k.validFrom) })}
                </Table.Td>
                <Table.Td>
                  {t(`investments.method.${k.method}`)}
                  {k.method === 'mix' && (
                    <Text fz="xs" c="dimmed">
                      {weights(k)}
                    </Text>
                  )}
                  {k.note && (
                    <Text fz="xs" c="dimmed">
                      {k.note}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {describeInputs(
                    k,
                    zoneName,
                    (n) => f.number(n),
                    (x) => t(`investments.key.${x as 'fte'}`),
                  ).map((line) => (
                    <Text fz="xs" key={line}>
                      {line}
                    </Text>
                  ))}
                </Table.Td>
                <Table.Td>
                  {investment.actions.includes('add_key') && k.validFrom > today && (
                    <Button
                      variant="subtle"
                      color="red"
                      size="compact-sm"
                      loading={remove.isPending && remove.variables === k.id}
                      onClick={() =>
                        remove.mutate(k.id, { onSuccess: () => notify.success(t('investments.key.removed')) })
                      }
                    >
                      {t('investments.remove')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      {remove.isError && (
        <Alert color="red" variant="light" role="alert" mt="sm">
          {errorMessage(remove.error, t)}
        </Alert>
      )}
      {investment.actions.includes('add_key') && (
        <form
          onSubmit={(e) => {
            e.preventDefault()
            if (!validFrom) return
            add.mutate(
              { validFrom, ...keyBody(key), note: note.trim() || null, closePrevious: true },
              {
                onSuccess: () => {
                  notify.success(t('investments.key.saved'))
                  setKey(EMPTY_KEY)
                  setNote('')
                },
              },
            )
          }}
        >
          <Stack gap="sm" mt="lg">
            <Title order={3} fz="md">
              {t('investments.key.new')}
            </Title>
            <Text fz="sm" c="dimmed">
              {t('investments.key.newHint')}
            </Text>
            <BelgianDateInput
              id="key-valid-from"
              label={t('investments.key.validFrom')}
              value={validFrom}
              onChange={setValidFrom}
              minDate={investment.purchasedOn}
              required
              maw={200}
            />
            <CostKeyFields zones={zones} on={validFrom} value={key} onChange={setKey} />
            <TextInput
              label={t('investments.key.note')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              maxLength={2000}
            />
            {add.isError && (
              <Alert color="red" variant="light" role="alert">
                {errorMessage(add.error, t)}
              </Alert>
            )}
            <Button type="submit" loading={add.isPending} disabled={!validFrom} style={{ alignSelf: 'flex-start' }}>
              {t('investments.key.save')}
            </Button>
          </Stack>
        </form>
      )}
    </Paper>
  )
}
