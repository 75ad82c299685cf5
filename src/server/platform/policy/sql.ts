// The policy in SQL, for lists: the rows whose zone or association column is in a scope's reach. uuid[]
// parameters against the columns as they are (no casts), so an index on the column applies. Partner paths
// over people are platform/visibility.ts's fragments (`personVisible(scope)`).
import { sql, type Expression, type SqlBool } from 'kysely'
import type { Scope } from '../policy.ts'

/** The columns of the query the condition reads: a zone id column and/or an association id column. */
export interface ScopeColumns {
  zoneId?: string
  associationId?: string
}

/** The row's zone is one the scope reaches as such (own or member zone), or its association is administered. */
export function inScope(scope: Pick<Scope, 'zoneIds' | 'associationIds'>, columns: ScopeColumns): Expression<SqlBool> {
  const parts = [
    ...(columns.zoneId ? [sql<SqlBool>`${sql.ref(columns.zoneId)} = ANY(${[...scope.zoneIds]}::uuid[])`] : []),
    ...(columns.associationId
      ? [sql<SqlBool>`${sql.ref(columns.associationId)} = ANY(${[...scope.associationIds]}::uuid[])`]
      : []),
  ]
  return parts.length === 0 ? sql<SqlBool>`false` : sql<SqlBool>`(${sql.join(parts, sql` OR `)})`
}
