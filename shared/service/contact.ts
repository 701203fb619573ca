/**
 * The petitioner's contact for messages about their case: e-mail when given, else the phone (for
 * SMS, in E.164). Sealed once at intake and kept on the case beside its channel in the clear, so
 * the sweep writes a message to the petitioner without opening their identity (a KMS call each)
 * and sealing the address again (docs/architecture.md#data).
 */
import { toE164 } from '../notifications/senders.js'
import type { Sealer } from '../security.js'
import type { StoredCase } from '../store/cases.js'

export type SealedContact = NonNullable<StoredCase['contact']>

export async function sealContact(
  sealer: Sealer,
  petitioner: { readonly email?: string; readonly phone?: string } | undefined,
): Promise<SealedContact | undefined> {
  if (petitioner?.email) return { channel: 'email', sealed: await sealer.seal(petitioner.email) }
  if (petitioner?.phone) return { channel: 'sms', sealed: await sealer.seal(toE164(petitioner.phone)) }
  return undefined
}
