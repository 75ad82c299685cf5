// "Leenvoorwaarden" (/equipment/terms/:agreementId): the loan terms of an agreement per asset kind ('*': every
// kind without its own): auto-approval up to a number of hours, the buffer after each loan, the fee per started
// day in euros. Saved as a whole (korpschef of a party zone, the association's admin).
import { Alert, Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Switch, Text } from '@mantine/core'
import { useState } from 'react'
import { useParams } from 'react-router'
import { BackLink } from '../../components/BackLink.tsx'
import { PageHeader, usePageTitle } from '../../components/PageHeader.tsx'
import { QueryView } from '../../components/QueryState.tsx'
import { useNotify } from '../../components/useNotify.ts'
import { EuroInput } from '../../components/EuroInput.tsx'
import { errorMessage } from '../../i18n/errorMessage.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { useLoanTerms, useSetLoanTerms, type LoanTerms } from './bookings-api.ts'
import { useBookingText } from './BookingText.ts'

const KINDS = [
  '*',
  'vehicle',
  'weapon',
  'speed_radar',
  'flash_device',
  'anpr_camera',
  'bodycam',
  'drone',
  'server',
  'range_lane',
  'other',
] as const satisfies readonly LoanTerms['kind'][]

const blankRow = (kind: LoanTerms['kind']): LoanTerms => ({
  kind,
  autoApprove: false,
  autoApproveMaxHours: null,
  bufferMinutes: 0,
  feeCentsPerDay: 0,
})

function TermsEditor({ agreementId, initial }: { agreementId: string; initial: LoanTerms[] }) {
  const { t } = useI18n()
  const text = useBookingText()
  const notify = useNotify()
  const save = useSetLoanTerms(agreementId)
  const [rows, setRows] = useState<LoanTerms[]>(initial)
  const free = KINDS.filter((k) => !rows.some((r) => r.kind === k))
  const kindLabel = (k: string) => (k === '*' ? t('bookings.terms.allKinds') : text.kind(k))
  const update = (i: number, patch: Partial<LoanTerms>) =>
    setRows((all) => all.map((r, j) => (j === i ? { ...r, ...patch } : r)))
  return (
    <Stack gap="md" maw={900}>
      {rows.length === 0 && <Text c="dimmed">{t('bookings.terms.none')}</Text>}
      {rows.map((row, i) => (
        <Paper key={row.kind} withBorder p="md" component="fieldset" aria-label={kindLabel(row.kind)}>
          <Stack gap="sm">
            <Group justify="space-between">
              <Text fw={600}>{kindLabel(row.kind)}</Text>
              <Button variant="subtle" color="red" onClick={() => setRows((all) => all.filter((_, j) => j !== i))}>
                {t('bookings.terms.remove')}
              </Button>
            </Group>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Switch
                label={t('bookings.terms.autoApprove')}
                checked={row.autoApprove}
                onChange={(e) => update(i, { autoApprove: e.currentTarget.checked })}
              />
              <NumberInput
                label={t('bookings.terms.maxHours')}
                description={t('bookings.terms.maxHoursHelp')}
                disabled={!row.autoApprove}
                min={1}
                max={8760}
                allowDecimal={false}
                value={row.autoApproveMaxHours ?? ''}
                onChange={(v) => update(i, { autoApproveMaxHours: typeof v === 'number' ? v : null })}
              />
              <NumberInput
                label={t('bookings.terms.buffer')}
                min={0}
                max={10080}
                allowDecimal={false}
                value={row.bufferMinutes}
                onChange={(v) => update(i, { bufferMinutes: typeof v === 'number' ? v : 0 })}
              />
              <EuroInput
                label={t('bookings.terms.fee')}
                min={0}
                max={100000}
                value={row.feeCentsPerDay / 100}
                onChange={(v) => update(i, { feeCentsPerDay: typeof v === 'number' ? Math.round(v * 100) : 0 })}
              />
            </SimpleGrid>
          </Stack>
        </Paper>
      ))}
      {free.length > 0 && (
        <Select
          label={t('bookings.terms.add')}
          placeholder={t('bookings.terms.addPlaceholder')}
          data={free.map((k) => ({ value: k, label: kindLabel(k) }))}
          value={null}
          onChange={(v) => {
            const kind = KINDS.find((k) => k === v)
            if (kind) setRows((all) => [...all, blankRow(kind)])
          }}
          maw={360}
        />
      )}
      {save.isError && (
        <Alert color="red" variant="light" role="alert">
          {errorMessage(save.error, t)}
        </Alert>
      )}
      <Group>
        <Button
          size="md"
          loading={save.isPending}
          onClick={() => save.mutate(rows, { onSuccess: () => notify.success(t('bookings.terms.saved')) })}
        >
          {t('bookings.terms.save')}
        </Button>
      </Group>
    </Stack>
  )
}

export function LoanTermsPage() {
  const { t } = useI18n()
  usePageTitle(t('bookings.terms.title'))
  const { agreementId = '' } = useParams()
  const query = useLoanTerms(agreementId)
  return (
    <>
      <BackLink to="/equipment/bookings" label={t('bookings.title')} />
      <PageHeader title={t('bookings.terms.title')} description={t('bookings.terms.description')} />
      <QueryView query={query}>
        {(d) => <TermsEditor key={JSON.stringify(d.items)} agreementId={agreementId} initial={d.items} />}
      </QueryView>
    </>
  )
}
