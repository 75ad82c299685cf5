// The fields of a cost key version (verdeelsleutel): the method, a mix's weights, and per party zone the inputs
// the method uses (population, FTE, percent), prefilled with the zones' figures on the version's first day
// (GET /api/investments/key-inputs) and editable: what the parties agreed is stored as such. For custom
// percentages the sum is shown as it is typed; the server checks it all again (COST_KEY_INVALID).
import { Alert, Button, Group, NumberInput, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core'
import { useEffect, useRef } from 'react'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { KEY_METHODS, MIX_METHODS, useKeyInputs, type KeyMethod, type ZoneKeyInput } from './investments-api.ts'

export interface KeyValue {
  method: KeyMethod
  weights: Record<string, number>
  inputs: Record<string, ZoneKeyInput>
}

type Field = 'population' | 'fte' | 'percent'

export const EMPTY_KEY: KeyValue = { method: 'equal', weights: {}, inputs: {} }

/** The input fields a method uses (a mix: those of the methods with a weight above 0). */
export function fieldsUsed(key: KeyValue): Field[] {
  const methods =
    key.method === 'mix' ? Object.keys(key.weights).filter((m) => (key.weights[m] ?? 0) > 0) : [key.method]
  return (['population', 'fte', 'percent'] as const).filter((f) => methods.includes(f === 'percent' ? 'custom' : f))
}

/** What is sent: weights only for a mix, inputs only of the fields used. */
export function keyBody(key: KeyValue): KeyValue {
  const fields = fieldsUsed(key)
  const inputs: Record<string, ZoneKeyInput> = {}
  for (const [zoneId, input] of Object.entries(key.inputs)) {
    const kept = Object.fromEntries(fields.flatMap((f) => (input[f] === undefined ? [] : [[f, input[f]]])))
    if (Object.keys(kept).length > 0) inputs[zoneId] = kept
  }
  return { method: key.method, weights: key.method === 'mix' ? key.weights : {}, inputs }
}

const asNumber = (v: string | number): number | undefined => {
  if (typeof v === 'number') return v
  const n = Number.parseFloat(v.replace(/\./g, '').replace(',', '.'))
  return Number.isFinite(n) ? n : undefined
}

export function CostKeyFields({
  zones,
  on,
  value,
  onChange,
}: {
  zones: { id: string; code: string; name: string }[]
  /** The version's first day: the figures of that day are suggested. */
  on: string | null
  value: KeyValue
  onChange: (value: KeyValue) => void
}) {
  const { t, f } = useI18n()
  const fields = fieldsUsed(value)
  const suggestion = useKeyInputs(
    zones.map((z) => z.id),
    fields.some((x) => x !== 'percent') ? on : null,
  )
  const fill = () => {
    const figures = suggestion.data
    if (!figures) return
    const inputs = { ...value.inputs }
    for (const z of zones) {
      const known = figures[z.id]
      if (known) inputs[z.id] = { ...inputs[z.id], population: known.population, fte: known.fte }
    }
    onChange({ ...value, inputs })
  }
  // Prefill once per day asked, when nothing was typed yet.
  const filledFor = useRef<string | null>(null)
  useEffect(() => {
    const key = `${on}|${suggestion.dataUpdatedAt}`
    if (!suggestion.data || filledFor.current === key) return
    const typed = zones.some(
      (z) => value.inputs[z.id]?.population !== undefined || value.inputs[z.id]?.fte !== undefined,
    )
    filledFor.current = key
    if (!typed) fill()
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when new figures arrive
  }, [suggestion.data, on])
  const setInput = (zoneId: string, field: Field, v: string | number) => {
    const n = asNumber(v)
    const input = { ...value.inputs[zoneId] }
    if (n === undefined) delete input[field]
    else input[field] = n
    onChange({ ...value, inputs: { ...value.inputs, [zoneId]: input } })
  }
  const percentSum = zones.reduce((s, z) => s + Math.round((value.inputs[z.id]?.percent ?? 0) * 100), 0) / 100
  return (
    <Stack gap="sm">
      <Select
        label={t('investments.key.method')}
        data={KEY_METHODS.map((m) => ({ value: m, label: t(`investments.method.${m}`) }))}
        value={value.method}
        onChange={(m) => {
          const found = KEY_METHODS.find((x) => x === m)
          if (found)
            onChange({
              ...value,
              method: found,
              weights:
                found === 'mix' && Object.keys(value.weights).length === 0
                  ? { population: 50, fte: 50 }
                  : value.weights,
            })
        }}
        allowDeselect={false}
        maw={320}
      />
      <Text fz="sm" c="dimmed">
        {t(`investments.methodHint.${value.method}`)}
      </Text>
      {value.method === 'mix' && (
        <fieldset className="assistance-fieldset">
          <legend>{t('investments.key.weights')}</legend>
          <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm">
            {MIX_METHODS.map((m) => (
              <NumberInput
                key={m}
                label={t(`investments.method.${m}`)}
                min={0}
                max={1000}
                allowNegative={false}
                decimalSeparator=","
                value={value.weights[m] ?? 0}
                onChange={(v) => onChange({ ...value, weights: { ...value.weights, [m]: asNumber(v) ?? 0 } })}
              />
            ))}
          </SimpleGrid>
        </fieldset>
      )}
      {fields.length > 0 && zones.length > 0 && (
        <Stack gap="xs">
          <Group justify="space-between" wrap="wrap">
            <Text fw={600} fz="sm">
              {t('investments.key.inputs')}
            </Text>
            {fields.some((x) => x !== 'percent') && (
              <Button variant="subtle" size="compact-sm" onClick={fill} disabled={!suggestion.data}>
                {t('investments.key.fill', { date: on ? f.date(on) : '—' })}
              </Button>
            )}
          </Group>
          <Table fz="sm" layout="fixed">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('investments.zone')}</Table.Th>
                {fields.map((x) => (
                  <Table.Th key={x}>{t(`investments.key.${x}`)}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {zones.map((z) => (
                <Table.Tr key={z.id}>
                  <Table.Td className="wrap-words">{z.name}</Table.Td>
                  {fields.map((x) => (
                    <Table.Td key={x}>
                      <NumberInput
                        aria-label={`${t(`investments.key.${x}`)} ${z.name}`}
                        min={0}
                        allowNegative={false}
                        allowDecimal={x !== 'population'}
                        decimalScale={2}
                        decimalSeparator=","
                        thousandSeparator="."
                        hideControls
                        value={value.inputs[z.id]?.[x] ?? ''}
                        onChange={(v) => setInput(z.id, x, v)}
                      />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {fields.includes('percent') && (
            <Alert color={percentSum === 100 ? 'green' : 'orange'} variant="light" role="status">
              {t('investments.key.percentSum', { sum: f.number(percentSum, { minimumFractionDigits: 2 }) })}
            </Alert>
          )}
        </Stack>
      )}
    </Stack>
  )
}
