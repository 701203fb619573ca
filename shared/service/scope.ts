/** Loading a case for a staff user: the same 404 outside their scope as for a code that does not exist. */
import { caseNotFound } from '../domain/case.js'
import { type ActingUser, staffReachesCase } from '../domain/policy.js'
import { normalizeTrackingCode } from '../domain/tracking-code.js'
import type { Services } from './context.js'

/** The case (as stored) and the committee tree, when the user's staff roles reach the case. */
export async function staffCaseInScope(s: Services, user: ActingUser, rawCode: string) {
  const code = normalizeTrackingCode(rawCode)
  if (!code) caseNotFound()
  const [stored, committees] = await Promise.all([s.cases.getCase(code), s.settings.getCommittees()])
  if (!stored || !staffReachesCase(user, stored, committees.value)) caseNotFound()
  return { stored, committees: committees.value }
}
