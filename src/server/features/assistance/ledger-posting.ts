// Posting confirmed deployments in the person-hours ledger (issue 9). Owned by the ledger part (asst-ledger).
import type { Transaction } from 'kysely'
import type { DB } from '../../platform/schema.ts'

/**
 * Posts a deployment whose hours both zones confirmed: two lines (helping zone +, helped zone −) of weighted
 * minutes, in the caller's transaction. Idempotent: a deployment already posted (and not reversed) posts nothing.
 */
export async function postDeployment(trx: Transaction<DB>, deploymentId: string): Promise<void> {
  void trx
  void deploymentId
}

/** Reverses the posting of a deployment (its hours are being corrected); nothing when it was not posted. */
export async function reverseDeployment(trx: Transaction<DB>, deploymentId: string): Promise<void> {
  void trx
  void deploymentId
}
