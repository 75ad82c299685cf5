import { Grid, Paper, Select } from '@mantine/core'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { AUDIT_ACTIONS, isAuditAction, type AuditFilters } from './filters.ts'

interface Props {
  filters: AuditFilters
  zones: { value: string; label: string }[]
  onChange: (next: AuditFilters) => void
}

/** Zone (one of the verified chains) and action. Every change goes back to page 1. */
export function AuditFiltersBar({ filters, zones, onChange }: Props) {
  const { t, label } = useI18n()
  const set = (patch: Partial<AuditFilters>) => onChange({ ...filters, ...patch, page: 1 })

  return (
    <Paper withBorder p="md" component="search" aria-label={t('audit.filters')}>
      <Grid gap="sm" align="flex-end">
        <Grid.Col span={{ base: 12, sm: 6, lg: 4 }}>
          <Select
            label={t('audit.filter.zone')}
            placeholder={t('common.all')}
            data={zones}
            value={filters.zoneId}
            onChange={(v) => set({ zoneId: v })}
            clearable
            clearButtonProps={{ 'aria-label': t('common.clear') }}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6, lg: 4 }}>
          <Select
            label={t('audit.filter.action')}
            placeholder={t('common.all')}
            data={AUDIT_ACTIONS.map((a) => ({ value: a, label: label('auditAction', a) }))}
            value={filters.action}
            onChange={(v) => set({ action: isAuditAction(v) ? v : null })}
            clearable
            clearButtonProps={{ 'aria-label': t('common.clear') }}
          />
        </Grid.Col>
      </Grid>
    </Paper>
  )
}
