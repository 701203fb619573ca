/**
 * What sealed values are for. Each purpose is a KMS encryption context, so IAM can grant a
 * function one purpose and not the other: the public function seals identities but can only
 * reopen the receipts of its own idempotent replays, never an identity.
 */
export const SEALING_PURPOSES = {
  /** A petitioner's identity fields (Law 25/2018 Arts. 8, 9 for denouncers). */
  identity: 'petitioner-identity',
  /** The PIN inside a stored idempotent receipt, reopened only for a replay. */
  receipt: 'idempotent-receipt',
} as const
export type SealingPurpose = (typeof SEALING_PURPOSES)[keyof typeof SEALING_PURPOSES]
