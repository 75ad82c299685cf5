import {
  Alert,
  Button,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core'
import { useState, type FormEvent } from 'react'
import { useNavigate } from 'react-router'
import { AGREEMENT_KINDS, DOMAIN_CATEGORIES, type AgreementKind, type DomainCode } from '../../api/types.ts'
import { useCurrentAssociation } from '../../auth/AssociationContext.tsx'
import { BelgianDateInput } from '../../components/BelgianDateInput.tsx'
import { useReturnFocus } from '../../components/useReturnFocus.ts'
import { useNotify } from '../../components/useNotify.ts'
import { errorMessage } from '../../i18n/errorMessage.ts'
import { todayInBrussels } from '../../i18n/format.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { useAssociations, useCreateAgreement, useDomains } from './api.ts'

const KINDS: readonly AgreementKind[] = AGREEMENT_KINDS

/** A new agreement starts as a draft: parties and domains now, approvals and dates later. */
export function NewAgreementModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  useReturnFocus()
  const { t, label } = useI18n()
  const navigate = useNavigate()
  const { current, all } = useCurrentAssociation()
  const associations = useAssociations()
  const domains = useDomains()
  const create = useCreateAgreement()
  const notify = useNotify()

  const [associationId, setAssociationId] = useState<string | null>(current?.id ?? null)
  const [kind, setKind] = useState<AgreementKind | null>('associatieovereenkomst')
  const [title, setTitle] = useState('')
  const [partyZoneIds, setPartyZoneIds] = useState<string[]>([])
  const [domainCodes, setDomainCodes] = useState<DomainCode[]>([])
  const [signedOn, setSignedOn] = useState<string | null>(null)
  const [signedOnInvalid, setSignedOnInvalid] = useState(false)
  const [trialMonths, setTrialMonths] = useState<number | string>('')
  const [summary, setSummary] = useState('')
  const [touched, setTouched] = useState(false)

  // Zones that are members today: a new agreement is not made with a zone that has left.
  const today = todayInBrussels()
  const zones = (associations.data?.items.find((a) => a.id === associationId)?.zones ?? []).filter(
    (z) => z.validFrom <= today && (z.validTo === null || z.validTo >= today),
  )
  const domainGroups = DOMAIN_CATEGORIES.map((category) => ({
    group: label('domainCategory', category),
    items: (domains.data?.items ?? [])
      .filter((d) => d.category === category)
      .map((d) => ({ value: d.code, label: label('domain', d.code) })),
  }))

  const errors = {
    associationId: !associationId ? t('newAgreement.required') : undefined,
    kind: !kind ? t('newAgreement.required') : undefined,
    title: !title.trim() ? t('newAgreement.required') : undefined,
    parties: partyZoneIds.length < 2 ? t('newAgreement.partiesMin') : undefined,
    domains: domainCodes.length < 1 ? t('newAgreement.domainsMin') : undefined,
    // The date field shows its own message; this only keeps an unreadable date from being sent.
    signedOn: signedOnInvalid ? t('dateInput.unreadable') : undefined,
  }
  const shown = (error: string | undefined) => (touched ? error : undefined)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    setTouched(true)
    if (Object.values(errors).some(Boolean) || !associationId || !kind) return
    create.mutate(
      {
        associationId,
        kind,
        title: title.trim(),
        partyZoneIds,
        domains: domainCodes,
        ...(signedOn ? { signedOn } : {}),
        ...(typeof trialMonths === 'number' ? { trialMonths } : {}),
        ...(summary.trim() ? { summary: summary.trim() } : {}),
      },
      {
        onSuccess: (agreement) => {
          notify.success(t('newAgreement.created'))
          onClose()
          void navigate(`/agreements/${agreement.id}`)
        },
      },
    )
  }

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('newAgreement.title')}
      size="lg"
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Select
            label={t('newAgreement.association')}
            data={all.map((a) => ({ value: a.id, label: a.name }))}
            value={associationId}
            onChange={(v) => {
              setAssociationId(v)
              setPartyZoneIds([])
            }}
            allowDeselect={false}
            required
            error={shown(errors.associationId)}
          />
          <Select
            label={t('newAgreement.kind')}
            data={KINDS.map((k) => ({ value: k, label: label('agreementKind', k) }))}
            value={kind}
            onChange={(v) => setKind(KINDS.find((k) => k === v) ?? null)}
            allowDeselect={false}
            required
            error={shown(errors.kind)}
          />
          <TextInput
            label={t('newAgreement.titleField')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            maxLength={300}
            required
            error={shown(errors.title)}
            data-autofocus
          />
          <MultiSelect
            label={t('newAgreement.parties')}
            description={t('newAgreement.partiesHint')}
            data={zones.map((z) => ({ value: z.id, label: `${z.code} ${z.name}` }))}
            value={partyZoneIds}
            onChange={setPartyZoneIds}
            disabled={associations.isPending}
            searchable
            required
            error={shown(errors.parties)}
          />
          <MultiSelect
            label={t('newAgreement.domains')}
            description={t('newAgreement.domainsHint')}
            data={domainGroups}
            value={domainCodes}
            onChange={(codes) =>
              setDomainCodes(codes.flatMap((c) => domains.data?.items.find((d) => d.code === c)?.code ?? []))
            }
            disabled={domains.isPending}
            searchable
            required
            error={shown(errors.domains)}
          />
          <Group grow align="flex-start">
            <BelgianDateInput
              label={t('newAgreement.signedOn')}
              value={signedOn}
              onChange={setSignedOn}
              onInvalidChange={setSignedOnInvalid}
              clearable
              clearButtonProps={{ 'aria-label': t('common.clear') }}
            />
            <NumberInput
              label={t('newAgreement.trialMonths')}
              value={trialMonths}
              onChange={setTrialMonths}
              min={1}
              max={60}
              allowDecimal={false}
              allowNegative={false}
            />
          </Group>
          <Textarea
            label={t('newAgreement.summary')}
            value={summary}
            onChange={(e) => setSummary(e.currentTarget.value)}
            autosize
            minRows={3}
            maxLength={8000}
          />
          {create.isError && (
            <Alert color="red" variant="light" title={t('agreement.action.failed')} role="alert">
              {errorMessage(create.error, t)}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('newAgreement.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
