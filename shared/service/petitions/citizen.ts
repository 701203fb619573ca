/** The petitioner's own steps, behind the PIN guard (or a member's sign-in for `myPetition`). */
import { randomBytes } from 'node:crypto'
import { caseNotFound, decideAction } from '../../domain/case.js'
import { DomainError } from '../../domain/errors.js'
import type { ActingUser } from '../../domain/policy.js'
import { ownsCase } from '../../domain/policy.js'
import { decideRating, type RatingInput } from '../../domain/satisfaction.js'
import type { ActionInput } from '../../domain/schemas.js'
import { normalizeTrackingCode } from '../../domain/tracking-code.js'
import type { Language } from '../../domain/vocabulary.js'
import type { Services } from '../context.js'
import type { CaseAccess } from './core.js'

export function createCitizenUseCases(
  s: Services,
  { openWithPin, citizenViewOf, applyWithRetry }: CaseAccess,
) {
  /** One of the petitioner's lifecycle actions, decided by the domain on the case behind the PIN. */
  async function petitionerAction(
    rawCode: string,
    pin: string,
    client: string,
    input: ActionInput,
    lang: Language,
  ) {
    const opened = await openWithPin(rawCode, pin, client)
    const [committees, ctx] = await Promise.all([s.settings.getCommittees(), s.deadlineContext()])
    const updated = await applyWithRetry(opened.code, async (current) =>
      decideAction(current, input, 'petitioner', {
        now: s.now(),
        committees: committees.value,
        deadlines: ctx,
      }),
    )
    return { code: opened.code, view: await citizenViewOf(updated, lang) }
  }

  return {
    async track(rawCode: string, pin: string, lang: Language, client: string) {
      return citizenViewOf(await openWithPin(rawCode, pin, client), lang)
    },

    /** The petitioner withdraws wholly or in part (complaints and denunciations). */
    async withdraw(
      rawCode: string,
      pin: string,
      body: { scope: 'full' | 'partial'; reason: string },
      lang: Language,
      client: string,
    ) {
      const { view } = await petitionerAction(rawCode, pin, client, { action: 'withdraw', ...body }, lang)
      return view
    },

    /** A denouncer whose denunciation is overdue asks the superior to act (Law 25/2018 Art. 38). */
    async escalate(rawCode: string, pin: string, reason: string, lang: Language, client: string) {
      const { code, view } = await petitionerAction(
        rawCode,
        pin,
        client,
        { action: 'escalate', reason },
        lang,
      )
      s.logger.info('escalated by the petitioner', { trackingCode: code })
      return view
    },

    /**
     * The petitioner rates the answer, once (shared/domain/satisfaction.ts). The write is
     * conditional on the version: of two ratings sent at once, the second is decided again on the
     * reloaded case and refused as already rated.
     */
    async rate(rawCode: string, pin: string, input: RatingInput, lang: Language, client: string) {
      const opened = await openWithPin(rawCode, pin, client)
      const updated = await applyWithRetry(opened.code, async (current) => ({
        changes: {},
        event: decideRating(current, input, s.now()),
      }))
      s.logger.info('answer rated', { trackingCode: opened.code, score: input.score })
      return citizenViewOf(updated, lang)
    },

    /** The petitioner adds information; it joins the file and the timeline. */
    async supplement(rawCode: string, pin: string, text: string, lang: Language, client: string) {
      const opened = await openWithPin(rawCode, pin, client)
      if (!['received', 'accepted', 'verifying', 'suspended', 'resolved'].includes(opened.status))
        throw new DomainError('case_closed', 'this case is closed; supplements are no longer accepted', 409)
      const updated = await applyWithRetry(opened.code, async (current) => {
        const seq = current.history.filter((e) => e.type === 'supplement_added').length + 1
        const at = s.now().toISOString()
        // A key of its own per attempt: an attempt whose event fails leaves an unseen orphan,
        // never a clash that blocks the next supplement or overwrites a concurrent one.
        const id = randomBytes(6).toString('base64url')
        await s.cases.addSupplement(current.code, { seq, at, text, by: 'petitioner', id })
        return {
          changes: {},
          event: {
            at,
            type: 'supplement_added',
            actor: { kind: 'petitioner' },
            public: true,
            data: { seq, id },
          },
        }
      })
      return citizenViewOf(updated, lang)
    },

    /** A member's own petition, in the petitioner's view (never the file, notes or actors). */
    async myPetition(rawCode: string, user: ActingUser, lang: Language) {
      const code = normalizeTrackingCode(rawCode)
      const stored = code ? await s.cases.getCase(code) : undefined
      if (!stored || !ownsCase(user, stored)) caseNotFound()
      return citizenViewOf(stored, lang)
    },
  }
}
