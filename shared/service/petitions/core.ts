import { type CaseRecord, caseNotFound, deadlinesOf, type NewEvent } from '../../domain/case.js'
import { vietnamDate } from '../../domain/dates.js'
import { DomainError } from '../../domain/errors.js'
import type { ActingUser } from '../../domain/policy.js'
import { fieldGrants, staffReachesCase } from '../../domain/policy.js'
import { normalizeTrackingCode } from '../../domain/tracking-code.js'
import type { Language } from '../../domain/vocabulary.js'
import { recordedSupplements, type StoredCase, VersionConflictError } from '../../store/cases.js'
import { chainEvent } from '../../store/history.js'
import type { Services } from '../context.js'
import { createRepeatService } from '../repeats.js'
import { citizenView, type PetitionerIdentity, staffCaseView } from '../views.js'
import { watchPlanOf } from '../watch-plan.js'

function tooManyAttempts(waitMs: number): DomainError {
  return new DomainError('too_many_attempts', 'too many wrong PINs; try again later', 429, {
    retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)),
  })
}

/** The shared loading, viewing and writing of cases that the use cases of petitions.ts build on. */
export function createCaseAccess(s: Services) {
  const watchSettings = async () => (await s.settings.getWatchSettings()).value
  const repeats = createRepeatService(s.repeats)

  /**
   * Loads a case for the petitioner, or throws the one 404 that unknown codes and wrong PINs
   * share. The PIN is compared first; its outcome stands only through one conditional update per
   * client address (a window of wrong PINs) and per code (a few free misses, then one attempt per
   * doubling interval), a right PIN as well as a wrong one: neither one client on many codes nor
   * many clients on one code can have more guesses answered than the limits, however many they
   * send at once, and a stranger's burst only slows the rightful petitioner for minutes.
   */
  async function openWithPin(rawCode: string, pin: string, client: string): Promise<StoredCase> {
    const code = normalizeTrackingCode(rawCode)
    const nowMs = s.now().getTime()
    const stored = code ? await s.cases.getCase(code) : undefined
    // The same keyed-hash work for an unknown or malformed code as for a real one.
    const { ok, upgrade } = await s.pins.verify(pin, stored?.pinHash)
    const hit = stored !== undefined && ok
    const clientWait = await s.clientRateLimit.settle(client, hit, nowMs)
    if (clientWait > 0) throw tooManyAttempts(clientWait)
    // Guard items only for real codes: anyone could write them at will otherwise.
    const settled = stored ? await s.pinGuard.settle(stored.code, hit, nowMs) : undefined
    if (settled && !settled.ok) throw tooManyAttempts(settled.waitMs)
    if (!hit) caseNotFound()
    if (upgrade) await s.cases.replacePinHash(stored.code, stored.pinHash, upgrade)
    return upgrade ? { ...stored, pinHash: upgrade } : stored
  }

  async function citizenViewOf(c: CaseRecord, lang: Language) {
    const [committees, ctx] = await Promise.all([s.settings.getCommittees(), s.deadlineContext()])
    return citizenView(c, deadlinesOf(c, ctx, vietnamDate(s.now())), committees.value, lang)
  }

  /**
   * Applies a decided change with the version check; on a conflict, reloads and decides again
   * (only for the petitioner's own steps, which carry no If-Match).
   */
  async function applyWithRetry(
    code: string,
    decide: (
      c: StoredCase,
    ) => Promise<{ changes: Partial<CaseRecord>; event: NewEvent; status?: CaseRecord['status'] }>,
  ) {
    for (let attempt = 1; ; attempt++) {
      const current = await s.cases.getCase(code)
      if (!current) caseNotFound()
      const { changes, event, status } = await decide(current)
      const [ctx, watch] = await Promise.all([s.deadlineContext(), watchSettings()])
      const candidate = {
        ...current,
        ...changes,
        status: status ?? current.status,
        history: [...current.history, chainEvent(current.history, event)],
      }
      const { plan } = watchPlanOf(candidate, ctx, watch, vietnamDate(s.now()))
      try {
        return await s.cases.appendEvent(
          current,
          current.version,
          { ...changes, status: status ?? current.status },
          event,
          plan,
        )
      } catch (error) {
        if (error instanceof VersionConflictError && attempt < 3) continue
        throw error
      }
    }
  }

  /** The staff view of a case, with the actions this user may take. */
  async function getForStaff(rawCode: string, user: ActingUser, lang: Language) {
    const code = normalizeTrackingCode(rawCode)
    if (!code) caseNotFound()
    return viewForStaff(await loadInScope(code, user), user, lang)
  }

  /**
   * Loads a case the user's staff roles reach. Outside their scope the answer is the same 404 as
   * for a code that does not exist: whether a case exists is itself not theirs to learn.
   */
  async function loadInScope(code: string, user: ActingUser): Promise<StoredCase> {
    const [stored, committees] = await Promise.all([s.cases.getCase(code), s.settings.getCommittees()])
    if (!stored || !staffReachesCase(user, stored, committees.value)) caseNotFound()
    return stored
  }

  /**
   * Builds the staff view of a case already loaded (and already authorised: after a transfer the
   * actor still gets the result of what they just did, though the case has left their committee).
   */
  async function viewForStaff(stored: StoredCase, user: ActingUser, lang: Language) {
    const [content, supplements, committees, ctx] = await Promise.all([
      s.cases.getContent(stored.code),
      // Only supplements the history records are shown: with none recorded there is nothing to read.
      stored.history.some((e) => e.type === 'supplement_added')
        ? s.cases.listSupplements(stored.code)
        : Promise.resolve([]),
      s.settings.getCommittees(),
      s.deadlineContext(),
    ])
    let identity: PetitionerIdentity | 'redacted' | undefined
    if (content?.petitionerSealed)
      identity = fieldGrants(user, stored, committees.value).identity
        ? (JSON.parse(await s.sealer.open(content.petitionerSealed)) as PetitionerIdentity)
        : 'redacted'
    const now = s.now()
    const { pinHash: _omit, nextDue: _n, repeats: _r, ...record } = stored
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
    watchSettings,
    repeats,
    openWithPin,
    citizenViewOf,
    applyWithRetry,
    getForStaff,
    loadInScope,
    viewForStaff,
  }
}

export type CaseAccess = ReturnType<typeof createCaseAccess>
