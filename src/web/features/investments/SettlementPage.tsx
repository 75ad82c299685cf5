// "Afrekening" (/investments/settlement): an association's settlement of a calendar year — the net position of
// every zone (with a chart), the payments that settle them ("Zone A betaalt 1.234,56 € aan zone B"), each zone's
// lines with its statement as CSV and PDF, the cost keys with their inputs, and for the association's admin the
// button that records (freezes) it after a confirmation.
import '@mantine/charts/styles.css'
import { BarChart } from '@mantine/charts'
import { Alert, Button, Group, List, Modal, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useCurrentAssociation } from '../../auth/AssociationContext.tsx'
import { useSignedInUser } from '../../auth/session.ts'
import { PageHeader, usePageTitle } from '../../components/PageHeader.tsx'
import { EmptyState, LoadingState, QueryView } from '../../components/QueryState.tsx'
import { useNotify } from '../../components/useNotify.ts'
import { errorMessage } from '../../i18n/errorMessage.ts'
import { todayInBrussels } from '../../i18n/format.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import type { MessageKey } from '../../i18n/nl.ts'
import { useRecordSettlement, useSettlement, type Settlement } from './settlement-api.ts'
import { SettlementKeys, useEuros } from './SettlementKeys.tsx'
import { SettlementZoneCard } from './SettlementZoneCard.tsx'

function RecordButton({ settlement, period }: { settlement: Settlement; period: string }) {
  const { t } = useI18n()
  const notify = useNotify()
  const [open, setOpen] = useState(false)
  const record = useRecordSettlement(settlement.associationId)
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('settlement.record')}</Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('settlement.recordConfirmTitle')}>
        <Stack gap="sm">
          <Text size="sm">{t('settlement.recordConfirm', { period })}</Text>
          {record.error && (
            <Alert color="red" role="alert">
              {errorMessage(record.error, t)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t('settlement.cancel')}
            </Button>
            <Button
              loading={record.isPending}
              onClick={() =>
                record.mutate(
                  { from: settlement.from, to: settlement.to },
                  {
                    onSuccess: () => {
                      setOpen(false)
                      notify.success(t('settlement.recordDone'))
                    },
                  },
                )
              }
            >
              {t('settlement.record')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  )
}

function SettlementView({ s, admin }: { s: Settlement; admin: boolean }) {
  const { t, f } = useI18n()
  const euros = useEuros()
  const lastDay = new Date(Date.parse(`${s.to}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10)
  const period = `${f.date(s.from)} – ${f.date(lastDay)}`
  const name = (z: { code: string; name: string }) => `${z.name} (${z.code})`
  return (
    <Stack gap="md">
      <Group justify="space-between" align="center">
        {s.recorded ? (
          <Alert color="green" style={{ flex: 1 }}>
            {t('settlement.recorded', {
              date: f.date(s.recorded.createdAt.slice(0, 10)),
              name: s.recorded.createdBy?.name ?? '—',
            })}
          </Alert>
        ) : (
          <Alert color="yellow" style={{ flex: 1 }}>
            {t('settlement.provisional')}
          </Alert>
        )}
        {admin && !s.recorded && <RecordButton settlement={s} period={period} />}
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="md" component="section" aria-labelledby="settlement-nets">
          <Title order={2} fz="lg" mb="sm" id="settlement-nets">
            {t('settlement.nets')}
          </Title>
          {s.zones.length > 0 && (
            <figure style={{ margin: 0 }} aria-label={t('settlement.netsChart')}>
              <BarChart
                h={220}
                data={s.zones.map((z) => ({ zone: z.zone.code, net: z.netCents / 100 }))}
                dataKey="zone"
                series={[{ name: 'net', label: t('settlement.net'), color: 'navy.7' }]}
                valueFormatter={(v) => euros(Math.round(v * 100))}
              />
            </figure>
          )}
          <List size="sm" mt="sm" listStyleType="none" spacing={4}>
            {s.zones.map((z) => (
              <List.Item key={z.zone.id}>
                {name(z.zone)}: <strong>{euros(z.netCents)}</strong>
              </List.Item>
            ))}
          </List>
        </Paper>
        <Paper withBorder p="md" component="section" aria-labelledby="settlement-transfers">
          <Title order={2} fz="lg" mb="sm" id="settlement-transfers">
            {t('settlement.transfers')}
          </Title>
          {s.transfers.length === 0 ? (
            <Text size="sm">{t('settlement.noTransfers')}</Text>
          ) : (
            <List size="sm" spacing={6}>
              {s.transfers.map((tr) => (
                <List.Item key={`${tr.from.id}-${tr.to.id}`}>
                  {t('settlement.pays', { from: name(tr.from), amount: euros(tr.amountCents), to: name(tr.to) })}
                </List.Item>
              ))}
            </List>
          )}
        </Paper>
      </SimpleGrid>
      <Title order={2} fz="lg">
        {t('settlement.zones')}
      </Title>
      {s.zones.map((z) => (
        <SettlementZoneCard key={z.zone.id} associationId={s.associationId} zone={z} from={s.from} to={s.to} />
      ))}
      {s.keys.length > 0 && (
        <Paper withBorder p="md" component="section" aria-labelledby="settlement-keys">
          <Title order={2} fz="lg" mb="sm" id="settlement-keys">
            {t('settlement.keys')}
          </Title>
          <Stack gap="md">
            {s.keys.map((k) => (
              <div key={k.investmentId}>
                <Title order={3} fz="md" mb="xs">
                  {k.title}
                </Title>
                <SettlementKeys keys={k.keys} caption={`${t('settlement.keys')}: ${k.title}`} />
              </div>
            ))}
          </Stack>
        </Paper>
      )}
      {s.notes.length > 0 && (
        <Alert color="blue" title={t('settlement.notes')}>
          <List size="sm">
            {s.notes.map((n) => {
              const [code, title = ''] = n.split(/:(.*)/s)
              return <List.Item key={n}>{t(`settlement.note.${code ?? ''}` as MessageKey, { title })}</List.Item>
            })}
          </List>
        </Alert>
      )}
    </Stack>
  )
}

export function SettlementPage() {
  const { t } = useI18n()
  usePageTitle(t('settlement.title'))
  const me = useSignedInUser()
  const { current, all, select } = useCurrentAssociation()
  const thisYear = Number(todayInBrussels().slice(0, 4))
  const [year, setYear] = useState(thisYear - 1)
  const associationId = current?.id ?? null
  const settlement = useSettlement(associationId, `${year}-01-01`, `${year + 1}-01-01`)
  const admin = me.roles.some((r) => r.role === 'admin' && r.associationId === associationId)
  const years = Array.from({ length: 8 }, (_, i) => String(thisYear - i))
  return (
    <>
      <PageHeader title={t('settlement.title')} description={t('settlement.description')} />
      <Stack gap="md">
        <Group gap="sm" align="flex-end" wrap="wrap">
          {all.length > 1 && (
            <Select
              label={t('header.association')}
              data={all.map((a) => ({ value: a.id, label: a.name }))}
              value={associationId}
              onChange={(id) => id && select(id)}
              allowDeselect={false}
              maw={420}
            />
          )}
          <Select
            label={t('settlement.year')}
            data={years}
            value={String(year)}
            onChange={(v) => v && setYear(Number(v))}
            allowDeselect={false}
            w={140}
          />
        </Group>
        {!associationId ? (
          <EmptyState description={t('settlement.noAssociation')} />
        ) : (
          <QueryView query={settlement} loading={<LoadingState rows={4} />}>
            {(s) => <SettlementView s={s} admin={admin} />}
          </QueryView>
        )}
      </Stack>
    </>
  )
}
