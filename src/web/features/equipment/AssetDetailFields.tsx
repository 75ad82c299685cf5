// The fields a new asset and an asset's edit form share: where it is kept, a description, and whether partner
// zones may book it.
import { Checkbox, TextInput, Textarea } from '@mantine/core'
import { useI18n } from '../../i18n/I18nProvider.tsx'

export interface AssetDetails {
  location: string
  description: string
  lendable: boolean
}

export function AssetDetailFields({
  value,
  onChange,
}: {
  value: AssetDetails
  onChange: (patch: Partial<AssetDetails>) => void
}) {
  const { t } = useI18n()
  return (
    <>
      <TextInput
        label={t('equipment.asset.location')}
        value={value.location}
        maxLength={200}
        onChange={(e) => onChange({ location: e.currentTarget.value })}
      />
      <Textarea
        label={t('equipment.asset.description')}
        value={value.description}
        maxLength={4000}
        autosize
        minRows={2}
        onChange={(e) => onChange({ description: e.currentTarget.value })}
      />
      <Checkbox
        label={t('equipment.asset.lendable')}
        checked={value.lendable}
        onChange={(e) => onChange({ lendable: e.currentTarget.checked })}
      />
    </>
  )
}
