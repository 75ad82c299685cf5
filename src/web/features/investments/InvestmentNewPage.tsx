// "Nieuwe investering" (/investments/new): the purchase (price typed the Belgian way, dates dd/mm/jjjj), the
// party zones of the current association, who pays and manages, and the first cost key version (from the
// purchase day). The server checks it all again; its problems are shown as it words them.
import {
  Alert,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core'
import { useState } from 'react'
import { useNavigate } from 'react-router'
import { useCurrentAssociation } from '../../auth/AssociationContext.tsx'
import { BackLink } from '../../components/BackLink.tsx'
import { BelgianDateInput } from '../../components/BelgianDateInput.tsx'
import { PageHeader, usePageTitle } from '../../components/PageHeader.tsx'
import { QueryView } from '../../components/QueryState.tsx'
import { EuroInput } from '../../components/EuroInput.tsx'
import { errorMessage } from '../../i18n/errorMessage.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { useAssociations } from '../agreements/api.ts'
import { CostKeyFields, EMPTY_KEY, keyBody, type KeyValue } from './CostKeyFields.tsx'
import { useCreateInvestment } from './investments-api.ts'

type Zone = { id: string; code: string; name: string }

function NewInvestmentForm({ associationId, zones }: { associationId: string; zones: Zone[] }) {
  const { t } = useI18n()
  const navigate = useNavigate()
  const create = useCreateInvestment()
  const [title, setTitle] = useState('')
  const [supplier, setSupplier] = useState('')
  const [description, setDescription] = useState('')
  const [purchasedOn, setPurchasedOn] = useState<string | null>(null)
  const [euros, setEuros] = useState<number | null>(null)
  const [months, setMonths] = useState<number>(60)
  const [parties, setParties] = useState<string[]>(zones.map((z) => z.id))
  const [paidBy, setPaidBy] = useState<string | null>(zones[0]?.id ?? null)
  const [managedBy, setManagedBy] = useState<string | null>(zones[0]?.id ?? null)
  const [key, setKey] = useState<KeyValue>(EMPTY_KEY)
  const chosen = zones.filter((z) => parties.includes(z.id))
  const options = chosen.map((z) => ({ value: z.id, label: z.name }))
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault()
        if (!purchasedOn || euros === null || !paidBy || !managedBy) return
        create.mutate(
          {
            associationId,
            title: title.trim(),
            supplier: supplier.trim() || null,
            description: description.trim() || null,
            purchasedOn,
            amountCents: Math.round(euros * 100),
            depreciationMonths: months,
            paidByZoneId: paidBy,
            managingZoneId: managedBy,
            parties: parties.map((zoneId) => ({ zoneId })),
            costKey: keyBody(key),
          },
          { onSuccess: (created) => void navigate(`/investments/${created.id}`) },
        )
      }}
    >
      <Stack gap="lg">
        <Paper withBorder p="md" component="section" aria-labelledby="new-investment-purchase">
          <Title order={2} fz="lg" mb="sm" id="new-investment-purchase">
            {t('investments.purchase')}
          </Title>
          <Stack gap="sm">
            <TextInput
              label={t('investments.field.title')}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              required
              maxLength={200}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label={t('investments.field.supplier')}
                value={supplier}
                onChange={(e) => setSupplier(e.currentTarget.value)}
                maxLength={200}
              />
              <BelgianDateInput
                id="purchased-on"
                label={t('investments.field.purchasedOn')}
                value={purchasedOn}
                onChange={setPurchasedOn}
                required
              />
              <EuroInput
                label={t('investments.field.amount')}
                description={t('investments.euroHint')}
                min={0}
                value={euros ?? ''}
                onChange={(v) => setEuros(typeof v === 'number' ? v : null)}
                required
              />
              <NumberInput
                label={t('investments.field.depreciationMonths')}
                min={1}
                max={600}
                allowDecimal={false}
                value={months}
                onChange={(v) => setMonths(typeof v === 'number' ? v : 60)}
                required
              />
            </SimpleGrid>
            <Textarea
              label={t('investments.field.description')}
              value={description}
              onChange={(e) => setDescription(e.currentTarget.value)}
              autosize
              minRows={2}
              maxLength={4000}
            />
          </Stack>
        </Paper>
        <Paper withBorder p="md" component="section" aria-labelledby="new-investment-parties">
          <Title order={2} fz="lg" mb="sm" id="new-investment-parties">
            {t('investments.parties')}
          </Title>
          <Checkbox.Group value={parties} onChange={setParties} label={t('investments.partiesHint')}>
            <Stack gap={6} mt="xs">
              {zones.map((z) => (
                <Checkbox key={z.id} value={z.id} label={`${z.name} (${z.code})`} />
              ))}
            </Stack>
          </Checkbox.Group>
          <Group gap="sm" mt="md" wrap="wrap" align="flex-start">
            <Select
              label={t('investments.field.paidBy')}
              data={options}
              value={paidBy}
              onChange={setPaidBy}
              allowDeselect={false}
              required
              w={260}
            />
            <Select
              label={t('investments.field.managedBy')}
              data={options}
              value={managedBy}
              onChange={setManagedBy}
              allowDeselect={false}
              required
              w={260}
            />
          </Group>
        </Paper>
        <Paper withBorder p="md" component="section" aria-labelledby="new-investment-key">
          <Title order={2} fz="lg" mb="sm" id="new-investment-key">
            {t('investments.costKey')}
          </Title>
          <CostKeyFields zones={chosen} on={purchasedOn} value={key} onChange={setKey} />
        </Paper>
        {create.isError && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(create.error, t)}
          </Alert>
        )}
        <Button type="submit" loading={create.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('investments.create')}
        </Button>
      </Stack>
    </form>
  )
}

export function InvestmentNewPage() {
  const { t } = useI18n()
  usePageTitle(t('investments.new'))
  const { current } = useCurrentAssociation()
  const associations = useAssociations()
  return (
    <>
      <BackLink to="/investments" label={t('investments.back')} />
      <PageHeader title={t('investments.new')} description={current?.name} />
      <QueryView query={associations}>
        {(r) => {
          const association = r.items.find((a) => a.id === current?.id)
          if (!association) return <Alert color="orange">{t('investments.noAssociation')}</Alert>
          const zones = association.zones.filter((z) => z.validTo === null)
          return <NewInvestmentForm associationId={association.id} zones={zones} />
        }}
      </QueryView>
    </>
  )
}
