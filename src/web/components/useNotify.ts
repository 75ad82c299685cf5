import { notifications } from '@mantine/notifications'
import { useT } from '../i18n/I18nProvider.tsx'

/** Confirmation toasts, with a close button that has a name in the UI language. */
export function useNotify(): { success: (message: string) => void } {
  const t = useT()
  return {
    success: (message) =>
      notifications.show({ color: 'green', message, closeButtonProps: { 'aria-label': t('common.close') } }),
  }
}
