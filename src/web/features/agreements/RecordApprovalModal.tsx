import {
  Alert,
  Button,
  Checkbox,
  Group,
  Input,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core'
import { MonthPickerInput } from '@mantine/dates'
import { useId, useState, type FormEvent } from 'react'
import { APPROVAL_BODIES, type Agreement, type ApprovalBody } from '../../api/types.ts'
import { BelgianDateInput } from '../../components/BelgianDateInput.tsx'
import { useReturnFocus } from '../../components/useReturnFocus.ts'
import { IconCalendar } from '../../components/icons.tsx'
import { errorMessage } from '../../i18n/errorMessage.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { useZone } from '../zones/api.ts'
import { useRecordApproval } from './api.ts'

const BODIES: readonly ApprovalBody[] = APPROVAL_BODIES

interface Props {
  agreement: Agreement
  onClose: () => void
  onDone: () => void
}

/**
 * A council's decision for one party zone. Only the zones the actor may record for are offered: a korpschef
 * their own, the admin every party (on the zone's behalf, naming the council decision). A gemeenteraad names
 * its municipality; sources sometimes give only the month.
 */
export function RecordApprovalModal({ agreement, onClose, onDone }: Props) {
  useReturnFocus()
  const { t, label } = useI18n()
  const record = useRecordApproval(agreement.id)
  const decisionLabelId = useId()
  const recordable = agreement.approvalRecordableFor
  const pending = recordable.find((r) => agreement.consent.find((c) => c.zoneId === r.zoneId)?.state !== 'approved')
  const [zoneId, setZoneId] = useState<string | null>((pending ?? recordable[0])?.zoneId ?? null)
  const [reference, setReference] = useState('')
  const [body, setBody] = useState<ApprovalBody>('politieraad')
  const [municipalityId, setMunicipalityId] = useState<string | null>(null)
  const [decision, setDecision] = useState<'approved' | 'rejected'>('approved')
  const [decidedOn, setDecidedOn] = useState<string | null>(null)
  const [monthOnly, setMonthOnly] = useState(false)
  const [note, setNote] = useState('')
  const [touched, setTouched] = useState(false)

  const zoneCode = agreement.parties.find((p) => p.zoneId === zoneId)?.code
  const zone = useZone(body === 'gemeenteraad' ? zoneCode : undefined)
  const { f } = useI18n()
  // Past decisions may come from municipalities that have merged since (Ham, 2024): offer those too.
  const municipalities = (zone.data?.municipalities ?? []).map((m) => ({
    value: m.id,
    label: m.validTo ? `${m.name} (${t('zone.until', { date: f.date(m.validTo) })})` : m.name,
  }))

  const required = t('approval.required')
  const missingMunicipality = body === 'gemeenteraad' && !municipalityId
  const onBehalf = recordable.find((r) => r.zoneId === zoneId)?.onBehalf ?? false
  const missingReference = onBehalf && !reference.trim()
  const invalid = !zoneId || !decidedOn || missingMunicipality || missingReference
  const zoneOptions = recordable.flatMap((r) => {
    const p = agreement.parties.find((party) => party.zoneId === r.zoneId)
    return p ? [{ value: p.zoneId, label: `${p.code} ${p.name}` }] : []
  })

  const submit = (event: FormEvent) => {
    event.preventDefault()
    setTouched(true)
    if (invalid || !zoneId || !decidedOn) return
    record.mutate(
      {
        zoneId,
        body,
        municipalityId: body === 'gemeenteraad' ? municipalityId : null,
        decision,
        decidedOn,
        datePrecision: monthOnly ? 'month' : 'day',
        note: note.trim() || null,
        councilDecisionRef: reference.trim() || null,
      },
      { onSuccess: onDone },
    )
  }

  const dateProps = {
    label: t('approval.decidedOn'),
    value: decidedOn,
    onChange: setDecidedOn,
    leftSection: <IconCalendar size={18} />,
    required: true,
    error: touched && !decidedOn ? required : undefined,
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('approval.title')}
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Select
            label={t('approval.zone')}
            data={zoneOptions}
            description={recordable.every((r) => !r.onBehalf) ? t('approval.onlyOwnZone') : undefined}
            value={zoneId}
            onChange={(v) => {
              setZoneId(v)
              setMunicipalityId(null)
            }}
            allowDeselect={false}
            required
            error={touched && !zoneId ? required : undefined}
            data-autofocus
          />
          <Select
            label={t('approval.body')}
            data={BODIES.map((b) => ({ value: b, label: label('approvalBody', b) }))}
            value={body}
            onChange={(v) => {
              const next = BODIES.find((b) => b === v)
              if (next) setBody(next)
            }}
            allowDeselect={false}
            required
          />
          {body === 'gemeenteraad' && (
            <Select
              label={t('approval.municipality')}
              description={t('approval.municipalityHint')}
              data={municipalities}
              value={municipalityId}
              onChange={setMunicipalityId}
              disabled={zone.isPending}
              required
              searchable
              error={touched && missingMunicipality ? required : undefined}
            />
          )}
          <Input.Wrapper label={t('approval.decision')} labelElement="div" id={decisionLabelId} required>
            <div>
              <SegmentedControl
                aria-labelledby={`${decisionLabelId}-label`}
                value={decision}
                onChange={(v) => setDecision(v === 'rejected' ? 'rejected' : 'approved')}
                data={[
                  { value: 'approved', label: label('decision', 'approved') },
                  { value: 'rejected', label: label('decision', 'rejected') },
                ]}
                color={decision === 'approved' ? 'var(--verbond-success-text)' : 'var(--verbond-danger-text)'}
                mt={4}
              />
            </div>
          </Input.Wrapper>
          <Group align="flex-end" gap="md" wrap="wrap">
            {monthOnly ? (
              <MonthPickerInput {...dateProps} valueFormat="MMMM YYYY" w={240} />
            ) : (
              <BelgianDateInput {...dateProps} w={240} />
            )}
            <Checkbox
              label={t('approval.monthOnly')}
              checked={monthOnly}
              onChange={(e) => setMonthOnly(e.currentTarget.checked)}
              mb={8}
            />
          </Group>
          <TextInput
            label={t('approval.councilDecisionRef')}
            description={onBehalf ? t('approval.councilDecisionRefOnBehalf') : t('approval.councilDecisionRefOptional')}
            value={reference}
            onChange={(e) => setReference(e.currentTarget.value)}
            maxLength={300}
            required={onBehalf}
            error={touched && missingReference ? required : undefined}
          />
          <Textarea
            label={t('approval.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={2000}
          />
          {record.isError && (
            <Alert color="red" variant="light" title={t('agreement.action.failed')} role="alert">
              {errorMessage(record.error, t)}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={record.isPending}>
              {t('approval.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
