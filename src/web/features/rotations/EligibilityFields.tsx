// Who may stand in the rotation: one or more alternatives, each ranks plus the qualifications all required
// ("commissaris, or hoofdinspecteur with OBP"). Starts from the domain's preset.
import { ActionIcon, Button, Group, MultiSelect, Paper, Stack, Text } from '@mantine/core'
import { IconPlus, IconX } from '../../components/icons.tsx'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { QUALIFICATION_CODES, RANKS } from '../../../server/platform/enums.ts'
import type { Eligibility } from './api.ts'

type Clause = Eligibility['anyOf'][number]

export function EligibilityFields({
  value,
  onChange,
  onReset,
}: {
  value: Eligibility
  onChange: (e: Eligibility) => void
  onReset?: (() => void) | undefined
}) {
  const { t, label } = useI18n()
  const setClause = (i: number, clause: Clause) =>
    onChange({ anyOf: value.anyOf.map((c, j) => (j === i ? clause : c)) })
  return (
    <Stack gap="sm">
      <Text fz="sm" c="dimmed">
        {t('rotations.eligibility.hint')}
      </Text>
      {value.anyOf.map((clause, i) => (
        <Paper key={i} withBorder p="sm" radius="md" bg="gray.0">
          <Group align="flex-end" gap="sm" wrap="wrap">
            <MultiSelect
              label={t('rotations.eligibility.ranks', { n: i + 1 })}
              data={RANKS.map((r) => ({ value: r, label: label('rank', r) }))}
              value={[...clause.ranks]}
              onChange={(ranks) => ranks.length > 0 && setClause(i, { ...clause, ranks: ranks })}
              w={{ base: '100%', sm: 320 }}
            />
            <MultiSelect
              label={t('rotations.eligibility.qualifications')}
              data={QUALIFICATION_CODES.map((q) => ({ value: q, label: label('qualificationShort', q) }))}
              value={[...(clause.qualifications ?? [])]}
              onChange={(qs) => setClause(i, { ...clause, qualifications: qs })}
              w={{ base: '100%', sm: 320 }}
            />
            {value.anyOf.length > 1 && (
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('rotations.eligibility.remove', { n: i + 1 })}
                onClick={() => onChange({ anyOf: value.anyOf.filter((_, j) => j !== i) })}
              >
                <IconX size={18} />
              </ActionIcon>
            )}
          </Group>
        </Paper>
      ))}
      <Group gap="sm">
        <Button
          variant="default"
          size="xs"
          leftSection={<IconPlus size={16} />}
          onClick={() => onChange({ anyOf: [...value.anyOf, { ranks: ['commissaris'] }] })}
          disabled={value.anyOf.length >= 10}
        >
          {t('rotations.eligibility.addAlternative')}
        </Button>
        {onReset && (
          <Button variant="subtle" size="xs" onClick={onReset}>
            {t('rotations.eligibility.reset')}
          </Button>
        )}
      </Group>
    </Stack>
  )
}
