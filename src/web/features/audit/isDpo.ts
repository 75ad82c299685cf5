import type { Me } from '../../api/types.ts'

/** Who may read the audit log: a data-protection officer (own zone, or shared through the `dpo` domain). */
export const isDpo = (me: Me): boolean => me.roles.some((r) => r.role === 'dpo')
