import { Stepper } from '@mantine/core'
import { AGREEMENT_STATUSES, type Agreement, type AgreementStatus } from '../../api/types.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'

const ORDER: readonly AgreementStatus[] = AGREEMENT_STATUSES

/** draft → in approval → in force → ended, with the dates that mark each step. */
export function LifecycleStepper({ agreement: a }: { agreement: Agreement }) {
  const { t, f } = useI18n()
  // Drafting and approval are work under way (the step is current); being in force or ended is a state
  // reached (the step is done), so those mark their own step complete.
  const reached = a.status === 'in_force' || a.status === 'ended'
  const active = ORDER.indexOf(a.status) + (reached ? 1 : 0)
  // Decisions on the current content; superseded ones are history.
  const current = a.approvals.filter((ap) => ap.current).length
  const descriptions: Record<AgreementStatus, string | undefined> = {
    draft: a.signedOn ? t('agreement.signedOn', { date: f.date(a.signedOn) }) : undefined,
    in_approval: current > 0 ? t('agreement.approvalsCount', { n: current }) : undefined,
    in_force: a.effectiveFrom ? t('agreement.effectiveFrom', { date: f.date(a.effectiveFrom) }) : undefined,
    ended:
      a.status === 'ended' && a.effectiveTo ? t('agreement.effectiveTo', { date: f.date(a.effectiveTo) }) : undefined,
  }
  return (
    <Stepper active={active} size="sm" allowNextStepsSelect={false} color="navy" wrap>
      {ORDER.map((status) => (
        <Stepper.Step
          key={status}
          label={t(`agreement.step.${status}`)}
          description={descriptions[status]}
          allowStepSelect={false}
          aria-current={status === a.status ? 'step' : undefined}
        />
      ))}
    </Stepper>
  )
}
