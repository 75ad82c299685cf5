import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core'
import { Link } from 'react-router'
import type { AgreementSummary } from '../../api/types.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { StatusBadge } from './StatusBadge.tsx'

function inForceText(a: AgreementSummary, t: ReturnType<typeof useI18n>['t'], date: (v: string) => string): string {
  if (!a.effectiveFrom || (a.status !== 'in_force' && a.status !== 'ended')) return t('agreements.notInForce')
  if (a.effectiveTo) return t('agreements.inForceFromTo', { from: date(a.effectiveFrom), to: date(a.effectiveTo) })
  return t('agreements.inForceSince', { date: date(a.effectiveFrom) })
}

export function AgreementCard({ agreement: a }: { agreement: AgreementSummary }) {
  const { t, label, f } = useI18n()
  return (
    <Card component="article" aria-labelledby={`agreement-${a.id}`}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text fz="xs" tt="uppercase" fw={700} c="dimmed" style={{ letterSpacing: '0.04em' }}>
            {label('agreementKind', a.kind)} · {t('agreements.version', { n: a.version })}
          </Text>
          <StatusBadge status={a.status} />
        </Group>
        <Title order={2} fz="lg" id={`agreement-${a.id}`}>
          <Anchor component={Link} to={`/agreements/${a.id}`} c="navy.9" fw={650} className="card-link">
            {a.title}
          </Anchor>
        </Title>
        <Group gap={6} aria-label={t('agreements.parties')} role="list">
          {a.parties.map((p) => (
            <Badge key={p.zoneId} variant="outline" color="gray.7" radius="sm" tt="none" fw={500} role="listitem">
              {p.code} {p.name}
            </Badge>
          ))}
        </Group>
        <Group gap="lg" fz="sm" c="dimmed">
          <Text fz="sm" c={a.inForceNow ? 'var(--verbond-success-text)' : 'dimmed'} fw={a.inForceNow ? 600 : 400}>
            {inForceText(a, t, f.date)}
          </Text>
          <Text fz="sm" c="dimmed">
            {t('agreements.domainsCount', { n: a.domains.length })}
          </Text>
        </Group>
      </Stack>
    </Card>
  )
}
