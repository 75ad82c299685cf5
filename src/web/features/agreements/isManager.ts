import type { Me } from '../../api/types.ts'

/** Who may draft agreements: a korpschef (for their zone) or an association admin. The server decides per agreement. */
export const canDraftAgreements = (me: Me): boolean =>
  me.roles.some((r) => r.role === 'korpschef' || r.role === 'admin')
