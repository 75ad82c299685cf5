// The places per zone of the new-session form: the suggested split (by key) in an editable table that must add
// up to the capacity; editing a number makes the key `custom`.
import { Alert, NumberInput, Table, Text } from '@mantine/core'
import { useI18n } from '../../i18n/I18nProvider.tsx'

export interface ZonePlacesRow {
  zoneId: string
  name: string
  places: number
}

export function PlacesTable({
  rows,
  capacity,
  onChange,
}: {
  rows: ZonePlacesRow[]
  capacity: number
  onChange: (zoneId: string, places: number) => void
}) {
  const { t } = useI18n()
  const sum = rows.reduce((s, r) => s + r.places, 0)
  return (
    <>
      <Table withTableBorder captionSide="top">
        <Table.Caption>{t('training.form.placesCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('training.form.zone')}</Table.Th>
            <Table.Th w={120}>{t('training.form.places')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.zoneId}>
              <Table.Td className="wrap-words">{r.name}</Table.Td>
              <Table.Td>
                <NumberInput
                  aria-label={t('training.form.placesFor', { zone: r.name })}
                  min={0}
                  max={500}
                  allowDecimal={false}
                  value={r.places}
                  onChange={(v) => onChange(r.zoneId, typeof v === 'number' ? v : Number(v) || 0)}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {sum === capacity ? (
        <Text fz="sm" c="dimmed">
          {t('training.form.placesSum', { sum, capacity })}
        </Text>
      ) : (
        <Alert color="red" variant="light" role="alert">
          {t('training.form.placesOff', { sum, capacity })}
        </Alert>
      )}
    </>
  )
}
