import { Select, type SelectProps } from '@mantine/core'
import { useI18n } from '../i18n/I18nProvider.tsx'

/** A filter: a clearable select whose empty value reads "All", with a named clear button. */
export function FilterSelect(props: Omit<SelectProps, 'placeholder' | 'clearable' | 'clearButtonProps'>) {
  const { t } = useI18n()
  return (
    <Select {...props} placeholder={t('common.all')} clearable clearButtonProps={{ 'aria-label': t('common.clear') }} />
  )
}
