import { Grid, Group, Paper, Stack, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { useParams } from 'react-router'
import type { Agreement } from '../../api/types.ts'
import { PageHeader, usePageTitle } from '../../components/PageHeader.tsx'
import { LoadingState, QueryView } from '../../components/QueryState.tsx'
import { BackLink } from '../../components/BackLink.tsx'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { AgreementActions } from './AgreementActions.tsx'
import { useAgreement } from './api.ts'
import { ApprovalTimeline } from './ApprovalTimeline.tsx'
import { DomainGroups } from './DomainGroups.tsx'
import { KeyFigures } from './KeyFigures.tsx'
import { LifecycleStepper } from './LifecycleStepper.tsx'
import { PartiesList } from './PartiesList.tsx'
import { StatusBadge } from './StatusBadge.tsx'
import { TrialPeriod } from './TrialPeriod.tsx'

function Section({ title, children, id }: { title: string; children: ReactNode; id: string }) {
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={id}>
      <Title order={2} fz="lg" mb="md" id={id}>
        {title}
      </Title>
      {children}
    </Paper>
  )
}

function AgreementDetail({ agreement: a }: { agreement: Agreement }) {
  const { t, label, f } = useI18n()
  return (
    <>
      <PageHeader
        eyebrow={
          <Group gap="sm">
            <Text fz="sm" tt="uppercase" fw={700} c="dimmed" style={{ letterSpacing: '0.04em' }}>
              {label('agreementKind', a.kind)} · {t('agreements.version', { n: a.version })}
            </Text>
            <StatusBadge status={a.status} />
          </Group>
        }
        title={a.title}
        description={
          <>
            {a.associationName}
            {a.signedOn && ` · ${t('agreement.signedOn', { date: f.date(a.signedOn) })}`}
          </>
        }
      />
      <Section title={t('agreement.lifecycle')} id="lifecycle">
        <LifecycleStepper agreement={a} />
        {a.status === 'ended' && a.endReason && (
          <Text fz="sm" mt="md">
            {t('agreement.ended.reason', { reason: a.endReason })}
            {a.endDecisionRef && ` · ${t('agreement.ended.reference', { ref: a.endDecisionRef })}`}
          </Text>
        )}
      </Section>
      <Grid gap="lg" mt="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="lg">
            {a.summary && (
              <Section title={t('agreement.summary')} id="summary">
                <Text style={{ whiteSpace: 'pre-line' }}>{a.summary}</Text>
              </Section>
            )}
            <Section title={t('agreement.domains')} id="domains">
              <DomainGroups codes={a.domains} />
            </Section>
            <Section title={t('agreement.approvals')} id="approvals">
              {a.contentVersion > 1 && (
                <Text fz="sm" c="dimmed" mb="sm">
                  {t('agreement.contentVersion', { n: a.contentVersion })}
                </Text>
              )}
              <ApprovalTimeline agreement={a} />
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="lg">
            {a.canManage && a.status !== 'ended' && (
              <Section title={t('agreement.actions')} id="actions">
                <AgreementActions agreement={a} />
              </Section>
            )}
            <Section title={t('agreement.parties')} id="parties">
              <PartiesList agreement={a} />
            </Section>
            <Section title={t('agreement.trial')} id="trial">
              <TrialPeriod agreement={a} />
            </Section>
            {a.keyFigures && (
              <Section title={t('agreement.keyFigures')} id="key-figures">
                <KeyFigures figures={a.keyFigures} />
              </Section>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  )
}

export function AgreementPage() {
  const { t } = useI18n()
  const { id = '' } = useParams()
  const agreement = useAgreement(id)
  usePageTitle(agreement.data?.title ?? t('agreements.pageTitle'))
  return (
    <>
      <BackLink to="/agreements" label={t('agreement.back')} />
      <QueryView query={agreement} loading={<LoadingState rows={5} height={80} />}>
        {(a) => <AgreementDetail agreement={a} />}
      </QueryView>
    </>
  )
}
