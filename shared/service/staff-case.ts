/**
 * Reading a case as staff: the scope check, the case file, the petitioner's identity shown on
 * demand, the tamper check of the history. Split from the petition use cases (petitions.ts), which
 * write; these only read, except the audit line of an identity shown.
 */
import { caseNotFound, deadlinesOf } from '../domain/case.js'
import { vietnamDate } from '../domain/dates.js'
import { DomainError } from '../domain/errors.js'
import { type ActingUser, canVerifyHistory, fieldGrants, staffReachesCase } from '../domain/policy.js'
import { formatTrackingCode, normalizeTrackingCode } from '../domain/tracking-code.js'
import type { Language } from '../domain/vocabulary.js'
import { recordedSupplements, type StoredCase } from '../store/cases.js'
import { verifyCaseHistory } from '../store/history.js'
import type { Services } from './context.js'
import type { createRepeatService } from './repeats.js'
import { type PetitionerIdentity, staffCaseView } from './views.js'

/**
 * How a staff view treats the identity of a petitioner the viewer is granted: `open` it (a KMS
 * call), or leave it `on_demand`, shown as `hidden` until the viewer asks (`showIdentity`).
 */
export type IdentityMode = 'open' | 'on_demand'

export function createStaffCaseReader(s: Services, repeats: ReturnType<typeof createRepeatService>) {
  /**
   * Loads a case the user's staff roles reach. Outside their scope the answer is the same 404 as
   * for a code that does not exist: whether a case exists is itself not theirs to learn.
   */
  async function loadInScope(code: string, user: ActingUser): Promise<StoredCase> {
    const [stored, committees] = await Promise.all([s.cases.getCase(code), s.settings.getCommittees()])
    if (!stored || !staffReachesCase(user, stored, committees.value)) caseNotFound()
    return stored
  }

  function inScope(rawCode: string, user: ActingUser): Promise<StoredCase> {
    const code = normalizeTrackingCode(rawCode)
    if (!code) caseNotFound()
    return loadInScope(code, user)
  }

  /**
   * Builds the staff view of a case already loaded (and already authorised: after a transfer the
   * actor still gets the result of what they just did, though the case has left their committee).
   */
  async function viewForStaff(
    stored: StoredCase,
    user: ActingUser,
    lang: Language,
    mode: IdentityMode = 'open',
  ) {
    const [content, supplements, committees, ctx] = await Promise.all([
      s.cases.getContent(stored.code),
      // Only supplements the history records are shown: with none recorded there is nothing to read.
      stored.history.some((e) => e.type === 'supplement_added')
        ? s.cases.listSupplements(stored.code)
        : Promise.resolve([]),
      s.settings.getCommittees(),
      s.deadlineContext(),
    ])
    let identity: PetitionerIdentity | 'redacted' | 'hidden' | undefined
    if (content?.petitionerSealed)
      identity = !fieldGrants(user, stored, committees.value).identity
        ? 'redacted'
        : mode === 'on_demand'
          ? 'hidden'
          : (JSON.parse(await s.sealer.open(content.petitionerSealed)) as PetitionerIdentity)
    const now = s.now()
    const { pinHash: _omit, nextDue: _n, repeats: _r, contact: _c, ...record } = stored
    const view = staffCaseView({
      c: record,
      content,
      identity,
      supplements: recordedSupplements(supplements, stored.history),
      deadlines: deadlinesOf(record, ctx, vietnamDate(now)),
      committees: committees.value,
      user,
      now,
      lang,
      deadlineCtx: ctx,
      watch: { escalationLevel: stored.escalationLevel, deliveryFailures: stored.deliveryFailures },
    })
    const suggestions = await repeats.suggestionsOf(stored, content)
    return { ...view, repeats: await repeats.view(stored, suggestions, user, committees.value) }
  }

  return {
    loadInScope,
    viewForStaff,

    /**
     * The case page's reading: the file with the identity on demand, and the case as read, so the
     * page's other parts (reveal rights, documents) need not read it again.
     */
    async getCasePage(rawCode: string, user: ActingUser, lang: Language) {
      const stored = await inScope(rawCode, user)
      return { view: await viewForStaff(stored, user, lang, 'on_demand'), stored }
    },

    /** The staff view of a case, with the actions this user may take. */
    async getForStaff(rawCode: string, user: ActingUser, lang: Language, mode: IdentityMode = 'open') {
      return viewForStaff(await inScope(rawCode, user), user, lang, mode)
    },

    /**
     * The identity of a petitioner the viewer is granted (policy.ts `fieldGrants`), opened when
     * they ask for it rather than on every view; each showing is written to the audit log (who,
     * which case). A denouncer's identity is never shown this way: only by the reveal, with a
     * reason, in the history.
     */
    async showIdentity(rawCode: string, user: ActingUser): Promise<PetitionerIdentity> {
      const stored = await inScope(rawCode, user)
      const [content, committees] = await Promise.all([
        s.cases.getContent(stored.code),
        s.settings.getCommittees(),
      ])
      if (!fieldGrants(user, stored, committees.value).identity)
        throw new DomainError('identity_not_granted', "this petitioner's identity is not shown to you", 403)
      if (!content?.petitionerSealed)
        throw new DomainError('nothing_to_reveal', 'this petition was filed anonymously', 409)
      s.logger.info('identity shown', { trackingCode: stored.code, userId: user.id })
      return JSON.parse(await s.sealer.open(content.petitionerSealed)) as PetitionerIdentity
    },

    /** Walks the hash chain of a case's history and reports the first broken link. */
    async verifyHistory(rawCode: string, user: ActingUser) {
      const [stored, committees] = await Promise.all([inScope(rawCode, user), s.settings.getCommittees()])
      if (!canVerifyHistory(user, stored, committees.value))
        throw new DomainError(
          'verification_not_allowed',
          'only supervisors and heads may verify a history',
          403,
        )
      return { trackingCode: formatTrackingCode(stored.code), ...verifyCaseHistory(stored) }
    },
  }
}
