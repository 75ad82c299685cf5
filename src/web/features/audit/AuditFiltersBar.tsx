import { Grid, Paper } from '@mantine/core'
import { FilterSelect } from '../../components/FilterSelect.tsx'
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
          <FilterSelect
            label={t('audit.filter.zone')}
            data={zones}
            value={filters.zoneId}
            onChange={(v) => set({ zoneId: v })}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6, lg: 4 }}>
          <FilterSelect
            label={t('audit.filter.action')}
            data={AUDIT_ACTIONS.map((a) => ({ value: a, label: label('auditAction', a) }))}
            value={filters.action}
            onChange={(v) => set({ action: isAuditAction(v) ? v : null })}
          />
        </Grid.Col>
      </Grid>
    </Paper>
  )
}
