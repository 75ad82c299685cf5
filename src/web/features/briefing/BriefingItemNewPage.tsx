// "Nieuw briefingitem" (/briefing/items/new?zone=): the form for an item of one of the user's zones.
import { useNavigate, useSearchParams } from 'react-router'
import { BackLink } from '../../components/BackLink.tsx'
import { PageHeader, usePageTitle } from '../../components/PageHeader.tsx'
import { useNotify } from '../../components/useNotify.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { useCreateItem } from './briefing-api.ts'
import { BriefingItemForm } from './BriefingItemForm.tsx'
import { useMyZones } from './text.ts'

export function BriefingItemNewPage() {
  const { t } = useI18n()
  usePageTitle(t('briefing.new.title'))
  const [params] = useSearchParams()
  const zones = useMyZones()
  const zone = zones.find((z) => z.id === params.get('zone')) ?? zones[0]
  const create = useCreateItem()
  const navigate = useNavigate()
  const notify = useNotify()
  return (
    <>
      <BackLink to="/briefing/items" label={t('briefing.items.title')} />
      <PageHeader title={t('briefing.new.title')} description={zone?.name} />
      {zone && (
        <BriefingItemForm
          zone={zone}
          submitting={create.isPending}
          error={create.error}
          onSubmit={({ body }) =>
            create.mutate(body, {
              onSuccess: (item) => {
                notify.success(t('briefing.new.done'))
                void navigate(`/briefing/items/${item.id}`)
              },
            })
          }
        />
      )}
    </>
  )
}
