// A briefing item (/briefing/items/:id): edit it (its author, or the zone's korpschef or planner), withdraw it,
// and see who has read it. A restricted item's content is asked for with a justification, like in the view.
import { Alert, Button, Group, Stack } from '@mantine/core'
import { useState } from 'react'
import { useParams } from 'react-router'
import { ApiError } from '../../api/client.ts'
import { BackLink } from '../../components/BackLink.tsx'
import { PageHeader, usePageTitle } from '../../components/PageHeader.tsx'
import { QueryView } from '../../components/QueryState.tsx'
import { useNotify } from '../../components/useNotify.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { BriefingCard } from './BriefingCard.tsx'
import { useBriefingItem, useLiveBriefing, useUpdateItem, useWithdrawItem, type BriefingItem } from './briefing-api.ts'
import { BriefingItemForm } from './BriefingItemForm.tsx'
import { JustificationModal } from './JustificationModal.tsx'
import { ReadStatusPanel } from './ReadStatusPanel.tsx'

function Editor({ item, justification }: { item: BriefingItem; justification: string | null }) {
  const { t } = useI18n()
  const update = useUpdateItem(item.id)
  const withdraw = useWithdrawItem(item.id)
  const notify = useNotify()
  const [editing, setEditing] = useState(false)
  return (
    <Stack>
      {!editing && (
        <Stack component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          <BriefingCard item={item} justification={justification} />
        </Stack>
      )}
      {item.canEdit && !editing && (
        <Group>
          <Button onClick={() => setEditing(true)}>{t('briefing.edit')}</Button>
          <Button color="red" variant="light" loading={withdraw.isPending} onClick={() => withdraw.mutate()}>
            {t('briefing.withdraw')}
          </Button>
        </Group>
      )}
      {editing && (
        <BriefingItemForm
          zone={item.zone}
          item={item}
          submitting={update.isPending}
          error={update.error}
          onSubmit={({ body, photoRemoved }) => {
            const { zoneId: _zoneId, photo, ...rest } = body
            update.mutate(
              { ...rest, ...(photo ? { photo } : photoRemoved ? { photo: null } : {}) },
              {
                onSuccess: () => {
                  notify.success(t('briefing.saved'))
                  setEditing(false)
                },
              },
            )
          }}
        />
      )}
    </Stack>
  )
}

export function BriefingItemPage() {
  const { t } = useI18n()
  usePageTitle(t('briefing.item.title'))
  useLiveBriefing()
  const { id = '' } = useParams()
  const [justification, setJustification] = useState<string | null>(null)
  const [asking, setAsking] = useState(false)
  const query = useBriefingItem(id, justification)
  const needsJustification = query.error instanceof ApiError && query.error.code === 'JUSTIFICATION_REQUIRED'
  return (
    <>
      <BackLink to="/briefing/items" label={t('briefing.items.title')} />
      <PageHeader title={query.data?.title ?? t('briefing.item.title')} />
      {needsJustification ? (
        <Alert color="dark" title={t('briefing.restricted')}>
          <Stack align="flex-start">
            {t('briefing.lockedText')}
            <Button color="dark" onClick={() => setAsking(true)}>
              {t('briefing.showRestricted')}
            </Button>
          </Stack>
        </Alert>
      ) : (
        <QueryView query={query}>{(item) => <Editor item={item} justification={justification} />}</QueryView>
      )}
      {(query.data || needsJustification) && <ReadStatusPanel id={id} />}
      <JustificationModal
        opened={asking}
        onClose={() => setAsking(false)}
        onSubmit={(j) => {
          setJustification(j)
          setAsking(false)
        }}
      />
    </>
  )
}
