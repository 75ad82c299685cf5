// The words of the enrolment parts for codes the API sends (statuses, attendance, results): looked up in the
// dictionary, falling back to the raw code for one the web app does not know yet.
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { nl } from '../../i18n/nl.ts'
import { hasKey } from '../../i18n/translate.ts'

export const ENROLMENT_COLOR: Record<string, string> = {
  enrolled: 'green',
  waitlisted: 'gold',
  cancelled: 'gray',
}

export function useEnrolmentText() {
  const { t } = useI18n()
  const label = (prefix: string, code: string) => {
    const key = `${prefix}.${code}`
    return hasKey(nl, key) ? t(key) : code
  }
  return {
    status: (code: string) => label('training.enrol.enrolment.status', code),
    attendance: (code: string) => label('training.enrol.attendance.value', code),
    result: (code: string) => label('training.enrol.result', code),
  }
}
