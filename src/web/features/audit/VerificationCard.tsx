import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import type { UseQueryResult } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import type { AuditVerification } from '../../api/types.ts'
import { IconCheck, IconRefresh, IconX } from '../../components/icons.tsx'
import { LoadingState, QueryView } from '../../components/QueryState.tsx'
import { useI18n } from '../../i18n/I18nProvider.tsx'

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <Stack gap={4}>
      <Text component="dt" fz="xs" tt="uppercase" fw={700} c="dimmed" style={{ letterSpacing: '0.04em' }}>
        {term}
      </Text>
      <Text component="dd" fz="sm" fw={600} m={0}>
        {children}
      </Text>
    </Stack>
  )
}

function Status({ verification: v }: { verification: AuditVerification }) {
  const { t, label } = useI18n()
  const reason = v.reason ? label('auditReason', v.reason) : t('common.unknown')
  return (
    <Alert
      role="status"
      variant="light"
      color={v.ok ? 'green' : 'red'}
      icon={v.ok ? <IconCheck size={20} /> : <IconX size={20} />}
      title={v.ok ? t('audit.verify.intact') : t('audit.verify.broken')}
      styles={{ title: { fontSize: 'var(--mantine-font-size-md)' } }}
    >
      {v.ok
        ? t('audit.verify.intactBody')
        : v.firstBrokenId !== null
          ? t('audit.verify.brokenAt', { id: String(v.firstBrokenId), reason })
          : t('audit.verify.brokenHead', { reason })}
    </Alert>
  )
}

/** Is the log still what was written? Intact or broken (where, and why), what was checked, and when. */
export function VerificationCard({ query }: { query: UseQueryResult<AuditVerification> }) {
  const { t, f } = useI18n()
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="audit-verify-heading">
      <Group justify="space-between" align="center" gap="sm" mb="md">
        <Title order={2} fz="lg" id="audit-verify-heading">
          {t('audit.verify.heading')}
        </Title>
        <Button
          variant="default"
          size="sm"
          leftSection={<IconRefresh size={16} />}
          loading={query.isFetching}
          onClick={() => void query.refetch()}
        >
          {t('audit.verify.recheck')}
        </Button>
      </Group>
      <QueryView query={query} loading={<LoadingState rows={2} height={56} />}>
        {(v) => (
          <Stack gap="md">
            <Status verification={v} />
            <SimpleGrid component="dl" cols={{ base: 1, sm: 3 }} spacing="md" m={0}>
              <Fact term={t('audit.verify.events')}>
                <span className="num">{f.number(v.events)}</span>
              </Fact>
              <Fact term={t('audit.verify.zones')}>
                <Group component="span" gap={6}>
                  {v.zones.map((code) => (
                    <Badge key={code} component="span" variant="light" color="navy" size="md">
                      {code}
                    </Badge>
                  ))}
                </Group>
              </Fact>
              <Fact term={t('audit.verify.checkedAt')}>
                <time dateTime={new Date(query.dataUpdatedAt).toISOString()}>
                  {f.dateTimeSeconds(new Date(query.dataUpdatedAt).toISOString())}
                </time>
              </Fact>
            </SimpleGrid>
          </Stack>
        )}
      </QueryView>
    </Paper>
  )
}
