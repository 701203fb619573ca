import { caseNotFound, decideAction, type NewEvent } from '../../domain/case.js'
import { vietnamDate } from '../../domain/dates.js'
import { DomainError, RuleViolation } from '../../domain/errors.js'
import type { ActingUser } from '../../domain/policy.js'
import { canRevealIdentity, canVerifyHistory, staffReachesCase } from '../../domain/policy.js'
import type { ActionInput } from '../../domain/schemas.js'
import { formatTrackingCode, normalizeTrackingCode } from '../../domain/tracking-code.js'
import type { Language } from '../../domain/vocabulary.js'
import { VersionConflictError } from '../../store/cases.js'
import { chainEvent, verifyCaseHistory } from '../../store/history.js'
import type { Services } from '../context.js'
import type { PetitionerIdentity } from '../views.js'
import { watchPlanOf } from '../watch-plan.js'
import type { CaseAccess } from './core.js'

export function createStaffUseCases(
  s: Services,
  { watchSettings, openWithPin, applyWithRetry, getForStaff, loadInScope, viewForStaff }: CaseAccess,
) {
  return {
    getForStaff,

    /** The petitioner's own case after the PIN check (attachments reuse the same guard). */
    openWithPin,

    /** Appends an audit event to a case's history (e.g. a denouncer's document opened). */
    audit: (code: string, event: NewEvent) => applyWithRetry(code, async () => ({ changes: {}, event })),

    /** A staff action with optimistic concurrency: `expectedVersion` comes from If-Match. */
    async act(
      rawCode: string,
      expectedVersion: number,
      input: ActionInput,
      user: ActingUser,
      lang: Language,
    ) {
      const code = normalizeTrackingCode(rawCode)
      if (!code) caseNotFound()
      const [current, committees, ctx] = await Promise.all([
        s.cases.getCase(code),
        s.settings.getCommittees(),
        s.deadlineContext(),
      ])
      if (!current || !staffReachesCase(user, current, committees.value)) caseNotFound()
      if (current.version !== expectedVersion) throw new VersionConflictError(code, expectedVersion)
      let exists: boolean | undefined
      if (input.action === 'mark_duplicate' || input.action === 'link_repeat') {
        const of = normalizeTrackingCode(input.of)
        if (!of)
          throw new RuleViolation('invalid_tracking_code', `'${input.of}' is not a tracking code`, 'of')
        input = { ...input, of }
        exists = await s.cases.caseExists(of)
      }
      const now = s.now()
      const result = decideAction(current, input, user, {
        now,
        committees: committees.value,
        deadlines: ctx,
        caseExists: () => exists === true,
      })
      const candidate = {
        ...current,
        ...result.changes,
        status: result.status,
        history: [...current.history, chainEvent(current.history, result.event)],
      }
      const { plan } = watchPlanOf(candidate, ctx, await watchSettings(), vietnamDate(now))
      const updated = await s.cases.appendEvent(
        current,
        expectedVersion,
        { ...result.changes, status: result.status },
        result.event,
        plan,
      )
      // A case transferred within the organisation still counts for the committee that sent it.
      if (
        result.event.type === 'transferred' &&
        typeof result.event.data.toCommitteeId === 'string' &&
        plan.metrics
      )
        await s.cases.putTransferReportRow(code, current.committeeId, vietnamDate(now), plan.metrics)
      s.logger.info('case action', {
        trackingCode: code,
        action: input.action,
        from: current.status,
        to: result.status,
        userId: user.id,
      })
      return viewForStaff(updated, user, lang)
    },

    /**
     * Shows a petitioner's identity once to a user allowed to see it (Law 25/2018 Arts. 8, 9),
     * with a reason; the reveal is written to the history before anything is returned.
     */
    async revealIdentity(rawCode: string, user: ActingUser, reason: string) {
      const code = normalizeTrackingCode(rawCode)
      if (!code) caseNotFound()
      const stored = await loadInScope(code, user)
      if (!canRevealIdentity(user, stored))
        throw new DomainError(
          'reveal_not_allowed',
          'only the head of the resolving committee or a supervisor may reveal the identity',
          403,
        )
      const content = await s.cases.getContent(code)
      if (!content?.petitionerSealed)
        throw new DomainError('nothing_to_reveal', 'this petition was filed anonymously', 409)
      const role = user.memberships.some((m) => m.role === 'supervisor') ? 'supervisor' : 'committee_head'
      await applyWithRetry(code, async () => ({
        changes: {},
        event: {
          at: s.now().toISOString(),
          type: 'identity_revealed',
          actor: { kind: 'staff' as const, id: user.id, role },
          public: false,
          data: { reason },
        },
      }))
      s.logger.info('identity revealed', { trackingCode: code, userId: user.id })
      return JSON.parse(await s.sealer.open(content.petitionerSealed)) as PetitionerIdentity
    },

    /** Walks the hash chain of a case's history and reports the first broken link. */
    async verifyHistory(rawCode: string, user: ActingUser) {
      const code = normalizeTrackingCode(rawCode)
      if (!code) caseNotFound()
      const [stored, committees] = await Promise.all([loadInScope(code, user), s.settings.getCommittees()])
      if (!canVerifyHistory(user, stored, committees.value))
        throw new DomainError(
          'verification_not_allowed',
          'only supervisors and heads may verify a history',
          403,
        )
      return { trackingCode: formatTrackingCode(code), ...verifyCaseHistory(stored) }
    },
  }
}
