import { Button, SegmentedControl, SimpleGrid, Stack } from '@mantine/core'
import { useDisclosure, useMediaQuery } from '@mantine/hooks'
import { useSearchParams } from 'react-router'
import { AGREEMENT_STATUSES, type AgreementStatus } from '../../api/types.ts'
import { useCurrentAssociation } from '../../auth/AssociationContext.tsx'
import { useSignedInUser } from '../../auth/session.ts'
import { IconPlus } from '../../components/icons.tsx'
import { PageHeader, usePageTitle } from '../../components/PageHeader.tsx'
import { EmptyState, LoadingState, QueryView } from '../../components/QueryState.tsx'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { AgreementCard } from './AgreementCard.tsx'
import { useAgreements } from './api.ts'
import { canDraftAgreements } from './isManager.ts'
import { NewAgreementModal } from './NewAgreementModal.tsx'

const STATUSES = AGREEMENT_STATUSES
const isStatus = (v: string | null): v is AgreementStatus => STATUSES.some((s) => s === v)

export function AgreementsPage() {
  const { t, label } = useI18n()
  usePageTitle(t('agreements.pageTitle'))
  const me = useSignedInUser()
  const { current } = useCurrentAssociation()
  const [params, setParams] = useSearchParams()
  const requested = params.get('status')
  const status = isStatus(requested) ? requested : undefined
  const agreements = useAgreements(current?.id, status)
  const [creating, { open, close }] = useDisclosure(false)
  // Five statuses do not fit side by side on a phone: there they stack, all visible (em: Mantine's xs).
  const phone = useMediaQuery('(max-width: 36em)')

  return (
    <>
      <PageHeader
        title={t('agreements.heading')}
        description={t('agreements.intro')}
        actions={
          canDraftAgreements(me) && (
            <Button leftSection={<IconPlus size={18} />} onClick={open}>
              {t('agreements.new')}
            </Button>
          )
        }
      />
      <Stack gap="md">
        <SegmentedControl
          aria-label={t('agreements.filter.status')}
          value={status ?? 'all'}
          onChange={(v) => setParams(isStatus(v) ? { status: v } : {}, { replace: true })}
          data={[
            { value: 'all', label: t('common.all') },
            ...STATUSES.map((s) => ({ value: s, label: label('agreementStatus', s) })),
          ]}
          orientation={phone ? 'vertical' : 'horizontal'}
          fullWidth={phone}
          style={{ alignSelf: phone ? 'stretch' : 'flex-start' }}
          maw="100%"
        />
        <QueryView
          query={agreements}
          loading={<LoadingState rows={3} height={150} />}
          isEmpty={(d) => d.items.length === 0}
          empty={<EmptyState description={status ? t('agreements.emptyFiltered') : t('agreements.empty')} />}
        >
          {(data) => (
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
              {data.items.map((a) => (
                <AgreementCard key={a.id} agreement={a} />
              ))}
            </SimpleGrid>
          )}
        </QueryView>
      </Stack>
      {creating && <NewAgreementModal opened onClose={close} />}
    </>
  )
}
