// Kysely's view of the tables: generated from the migrated database into db-types.ts (`npm run gen:db`), with
// the CHECK-constrained text columns typed by the lists of enums.ts. This module names what the code imports.
// `date` columns are 'YYYY-MM-DD' strings, `timestamptz` are Date, numeric/int8 are numbers (see db.ts).
export type { DB } from './db-types.ts'
export type * as Tables from './db-types.ts'
export { ROLES, ZONE_ROLES } from './enums.ts'
export type {
  AgreementKind,
  AgreementStatus,
  ApprovalBody,
  CalogLevel,
  JobState,
  Locale,
  Rank,
  Role,
  ZoneRole,
} from './enums.ts'
