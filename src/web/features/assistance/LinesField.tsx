// What is asked (or offered) as typed lines: a capability of the catalogue and a count, one line per capability.
import { ActionIcon, Button, Group, NumberInput, Select, Stack, Text } from '@mantine/core'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { CAPABILITIES, type Capability, type Line } from './model.ts'
import { useAssistanceText } from './text.ts'

export function LinesField({
  lines,
  onChange,
  error,
  legend,
}: {
  lines: readonly Line[]
  onChange: (lines: Line[]) => void
  error?: string
  legend: string
}) {
  const { t } = useI18n()
  const text = useAssistanceText()
  const set = (i: number, patch: Partial<Line>) => onChange(lines.map((l, j) => (i === j ? { ...l, ...patch } : l)))
  const unused = CAPABILITIES.find((c) => !lines.some((l) => l.capability === c))
  return (
    <fieldset className="assistance-fieldset">
      <legend>{legend}</legend>
      <Stack gap="xs">
        {lines.map((line, i) => (
          <Group key={i} gap="xs" wrap="nowrap" align="flex-end">
            <NumberInput
              label={t('assistance.count')}
              min={1}
              max={500}
              value={line.count}
              onChange={(v) => set(i, { count: typeof v === 'number' ? v : Number.parseInt(v, 10) || 0 })}
              w={90}
              allowDecimal={false}
              allowNegative={false}
            />
            <Select
              label={t('assistance.capability')}
              data={CAPABILITIES.map((c) => ({ value: c, label: text.capability(c) }))}
              value={line.capability}
              onChange={(v) => {
                const found = CAPABILITIES.find((c): c is Capability => c === v)
                if (found) set(i, { capability: found })
              }}
              allowDeselect={false}
              searchable
              style={{ flex: 1, minWidth: 0 }}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              mb={4}
              disabled={lines.length === 1}
              onClick={() => onChange(lines.filter((_, j) => j !== i))}
              aria-label={t('assistance.removeLine', { what: text.capability(line.capability) })}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        {error && (
          <Text c="red.8" fz="sm" role="alert">
            {error}
          </Text>
        )}
        {unused && lines.length < 50 && (
          <Button
            variant="subtle"
            size="xs"
            style={{ alignSelf: 'flex-start' }}
            onClick={() => onChange([...lines, { capability: unused, count: 1 }])}
          >
            {t('assistance.addLine')}
          </Button>
        )}
      </Stack>
    </fieldset>
  )
}
