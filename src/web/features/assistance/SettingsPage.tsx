// "Bijstand: instellingen" (/assistance/settings), for the association's admin: minutes before an unacknowledged
// alert escalates, days an urgent request may wait for its approval, the hourly rate in euros; and the versioned
// rates (weights per category and for night, Saturday, Sunday, holidays) with a form for a new version.
import { Alert, Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useCurrentAssociation } from '../../auth/AssociationContext.tsx'
import { BelgianDateInput } from '../../components/BelgianDateInput.tsx'
import { PageHeader, usePageTitle } from '../../components/PageHeader.tsx'
import { EmptyState, LoadingState, QueryView } from '../../components/QueryState.tsx'
import { useNotify } from '../../components/useNotify.ts'
import { EuroInput } from '../../components/EuroInput.tsx'
import { errorMessage } from '../../i18n/errorMessage.ts'
import { todayInBrussels } from '../../i18n/format.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { RATE_CATEGORIES } from '../../../server/platform/enums.ts'
import { useCreateRate, useRates, useSettings, useUpdateSettings, type RateCreate, type Settings } from './api.ts'
import { useAssistanceText } from './text.ts'
import { ScrollTable } from './ScrollTable.tsx'

const num = (v: string | number, fallback: number): number =>
  typeof v === 'number' ? v : Number.parseFloat(v.replace(',', '.')) || fallback

function SettingsForm({ associationId, settings }: { associationId: string; settings: Settings }) {
  const { t } = useI18n()
  const notify = useNotify()
  const update = useUpdateSettings(associationId)
  const [escalation, setEscalation] = useState(settings.escalationMinutes)
  const [retro, setRetro] = useState(settings.retroApprovalDays)
  const [rate, setRate] = useState<number | null>(
    settings.hourlyRateCents === null ? null : settings.hourlyRateCents / 100,
  )
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="assistance-settings-form">
      <Title order={2} fz="lg" mb="sm" id="assistance-settings-form">
        {t('assistance.settings.general')}
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          update.mutate(
            {
              escalationMinutes: escalation,
              retroApprovalDays: retro,
              hourlyRateCents: rate === null ? null : Math.round(rate * 100),
            },
            { onSuccess: () => notify.success(t('assistance.settings.saved')) },
          )
        }}
      >
        <Stack gap="sm" maw={480}>
          <NumberInput
            label={t('assistance.settings.escalation')}
            min={1}
            max={240}
            value={escalation}
            onChange={(v) => setEscalation(num(v, 5))}
            allowDecimal={false}
          />
          <NumberInput
            label={t('assistance.settings.retro')}
            min={1}
            max={30}
            value={retro}
            onChange={(v) => setRetro(num(v, 3))}
            allowDecimal={false}
          />
          <EuroInput
            label={t('assistance.settings.hourlyRate')}
            description={t('assistance.settings.hourlyRateHint')}
            min={0}
            value={rate ?? ''}
            onChange={(v) => setRate(v === '' ? null : num(v, 0))}
          />
          {update.isError && (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(update.error, t)}
            </Alert>
          )}
          <Button type="submit" loading={update.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('assistance.settings.save')}
          </Button>
        </Stack>
      </form>
    </Paper>
  )
}

function RatesSection({ associationId }: { associationId: string }) {
  const { t, f } = useI18n()
  const text = useAssistanceText()
  const notify = useNotify()
  const rates = useRates(associationId)
  const create = useCreateRate(associationId)
  const [form, setForm] = useState<RateCreate>({
    category: '*',
    from: todayInBrussels(),
    base: 1,
    extra: { night: 0.5, saturday: 0.25, sunday: 0.5, holiday: 1 },
  })
  const categoryLabel = (c: string) => (c === '*' ? t('assistance.settings.allCategories') : text.category(c))
  const factor = (v: number) => f.number(v, { maximumFractionDigits: 3 })
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="assistance-rates">
      <Title order={2} fz="lg" mb="sm" id="assistance-rates">
        {t('assistance.settings.rates')}
      </Title>
      <QueryView
        query={rates}
        loading={<LoadingState rows={2} />}
        isEmpty={(r) => r.items.length === 0}
        empty={
          <Text c="dimmed" fz="sm">
            {t('assistance.settings.noRates')}
          </Text>
        }
      >
        {(r) => (
          <ScrollTable label={t('assistance.settings.rates')} minWidth={640}>
            <Table fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('assistance.category')}</Table.Th>
                  <Table.Th>{t('assistance.settings.validity')}</Table.Th>
                  <Table.Th className="num">{t('assistance.settings.base')}</Table.Th>
                  <Table.Th className="num">{t('assistance.settings.night')}</Table.Th>
                  <Table.Th className="num">{t('assistance.settings.saturday')}</Table.Th>
                  <Table.Th className="num">{t('assistance.settings.sunday')}</Table.Th>
                  <Table.Th className="num">{t('assistance.settings.holiday')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {r.items.map((rate) => (
                  <Table.Tr key={rate.id}>
                    <Table.Td>{categoryLabel(rate.category)}</Table.Td>
                    <Table.Td>
                      {rate.to
                        ? `${f.date(rate.from)} – ${f.date(rate.to)}`
                        : t('assistance.settings.since', { date: f.date(rate.from) })}
                    </Table.Td>
                    <Table.Td className="num">{factor(rate.base)}</Table.Td>
                    <Table.Td className="num">+{factor(rate.extra.night)}</Table.Td>
                    <Table.Td className="num">+{factor(rate.extra.saturday)}</Table.Td>
                    <Table.Td className="num">+{factor(rate.extra.sunday)}</Table.Td>
                    <Table.Td className="num">+{factor(rate.extra.holiday)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
      </QueryView>
      <Title order={3} fz="md" mt="lg" mb="sm">
        {t('assistance.settings.newRate')}
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          create.mutate(form, { onSuccess: () => notify.success(t('assistance.settings.rateSaved')) })
        }}
      >
        <Stack gap="sm">
          <Group gap="sm" align="flex-start" wrap="wrap">
            <Select
              label={t('assistance.category')}
              data={RATE_CATEGORIES.map((c) => ({ value: c, label: categoryLabel(c) }))}
              value={form.category}
              onChange={(v) => {
                const found = RATE_CATEGORIES.find((c) => c === v)
                if (found) setForm({ ...form, category: found })
              }}
              allowDeselect={false}
              w={240}
            />
            <BelgianDateInput
              id="rate-from"
              label={t('assistance.settings.from')}
              value={form.from}
              onChange={(v) => v && setForm({ ...form, from: v })}
              w={170}
            />
          </Group>
          <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm">
            <NumberInput
              label={t('assistance.settings.base')}
              value={form.base}
              min={0}
              max={10}
              step={0.25}
              decimalScale={3}
              decimalSeparator=","
              onChange={(v) => setForm({ ...form, base: num(v, 1) })}
            />
            {(['night', 'saturday', 'sunday', 'holiday'] as const).map((k) => (
              <NumberInput
                key={k}
                label={t(`assistance.settings.${k}`)}
                value={form.extra[k]}
                min={0}
                max={10}
                step={0.25}
                decimalScale={3}
                decimalSeparator=","
                onChange={(v) => setForm({ ...form, extra: { ...form.extra, [k]: num(v, 0) } })}
              />
            ))}
          </SimpleGrid>
          {create.isError && (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(create.error, t)}
            </Alert>
          )}
          <Button type="submit" loading={create.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('assistance.settings.addRate')}
          </Button>
        </Stack>
      </form>
    </Paper>
  )
}

export function SettingsPage() {
  const { t } = useI18n()
  usePageTitle(t('assistance.settings.title'))
  const { current } = useCurrentAssociation()
  const settings = useSettings(current?.id ?? '')
  if (!current) return <EmptyState description={t('assistance.balances.noAssociation')} />
  return (
    <>
      <PageHeader
        title={t('assistance.settings.title')}
        description={t('assistance.settings.description', { association: current.name })}
      />
      <Stack gap="md">
        <QueryView query={settings} loading={<LoadingState rows={3} />}>
          {(s) => <SettingsForm key={`${current.id}:${s.updatedAt ?? ''}`} associationId={current.id} settings={s} />}
        </QueryView>
        <RatesSection associationId={current.id} />
      </Stack>
    </>
  )
}
