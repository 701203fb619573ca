/**
 * The use cases: file a petition, record one at the desk, track it, withdraw or add to it, and
 * act on it as staff. Each reads what it needs by key, decides with the pure domain, and writes
 * once (a conditional put or update).
 */
import { randomBytes } from 'node:crypto'
import { type CaseRecord, caseNotFound, deadlinesOf, decideAction, type NewEvent } from '../domain/case.js'
import { addDays, type LocalDate, vietnamDate } from '../domain/dates.js'
import { DomainError, RuleViolation } from '../domain/errors.js'
import type { Status } from '../domain/lifecycle.js'
import type { ActingUser } from '../domain/policy.js'
import { canRevealIdentity, mayOwnPetition, ownsCase, staffReachesCase } from '../domain/policy.js'
import { routePetition, type SubmitterType } from '../domain/routing.js'
import { decideRating, type RatingInput } from '../domain/satisfaction.js'
import type { ActionInput, PetitionInput, StaffIntakeInput } from '../domain/schemas.js'
import { formatTrackingCode, normalizeTrackingCode } from '../domain/tracking-code.js'
import type { Kind, Language } from '../domain/vocabulary.js'
import { newPin, newTrackingCode } from '../security.js'
import { type StoredCase, VersionConflictError } from '../store/cases.js'
import { isConditionalCheckFailed } from '../store/client.js'
import { chainEvent } from '../store/history.js'
import { sealContact } from './contact.js'
import type { Services } from './context.js'
import { createRepeatService } from './repeats.js'
import { createStaffCaseReader } from './staff-case.js'
import { citizenView, committeeRef, deadlineView, type PetitionerIdentity } from './views.js'
import { watchPlanOf } from './watch-plan.js'

export interface Receipt {
  readonly trackingCode: string
  readonly pin: string
  readonly kind: Kind
  readonly status: Status
  readonly receivedAt: string
  readonly anonymous: boolean
  readonly committee: { id: string; name: string }
  readonly routing: { reason: string }
  readonly deadlines: ReturnType<typeof deadlineView>[]
}

interface IntakeDetails {
  readonly channel: CaseRecord['channel']
  readonly receivedAt: string
  readonly receivedOn: LocalDate
  readonly submitterType: SubmitterType
  readonly ownerId?: string
  readonly actor: NewEvent['actor']
  readonly committeeId?: string
  readonly referral?: StaffIntakeInput['referral']
  readonly severalPlaces?: boolean
  /** Look for earlier petitions now (staff intake); online ones get them at the first staff read. */
  readonly findRepeats?: boolean
}

function tooManyAttempts(waitMs: number): DomainError {
  return new DomainError('too_many_attempts', 'too many wrong PINs; try again later', 429, {
    retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)),
  })
}

/** Attempts to find an unused tracking code before giving up (a clash is a 1-in-2^55 event). */
const CODE_ATTEMPTS = 3

export function createPetitionService(s: Services) {
  const watchSettings = async () => (await s.settings.getWatchSettings()).value
  const repeats = createRepeatService(s.repeats)

  async function intake(input: PetitionInput, details: IntakeDetails, lang: Language): Promise<Receipt> {
    const [committees, rules, ctx, watch] = await Promise.all([
      s.settings.getCommittees(),
      s.settings.getRoutingRules(),
      s.deadlineContext(),
      watchSettings(),
    ])
    if (input.knownOn && input.knownOn > details.receivedOn)
      throw new RuleViolation(
        'known_after_receipt',
        'knownOn cannot be later than the date the petition was received',
        'knownOn',
      )
    const routing = details.committeeId
      ? {
          committeeId: details.committeeId,
          reason: {
            vi: 'Cán bộ tiếp nhận chỉ định đơn vị xử lý.',
            en: 'The reception officer chose the handling committee.',
          },
        }
      : routePetition(
          {
            kind: input.kind,
            topic: input.topic,
            submitterType: details.submitterType,
            concernedOrganization: input.concerns?.organization,
          },
          rules.value,
          committees.value,
        )
    const committee = committees.value.find((c) => c.id === routing.committeeId)
    if (!committee)
      throw new RuleViolation(
        'unknown_committee',
        `there is no committee '${routing.committeeId}'`,
        'committeeId',
      )

    const pin = newPin()
    // Earlier petitions this one may repeat (service/repeats.ts), found before it is written.
    const probe = repeats.prepare(input)
    const [pinHash, petitionerSealed, contact, suggestions] = await Promise.all([
      s.pins.hash(pin),
      input.petitioner ? s.sealer.seal(JSON.stringify(input.petitioner)) : Promise.resolve(undefined),
      input.anonymous ? undefined : sealContact(s.sealer, input.petitioner),
      details.findRepeats ? repeats.suggest(probe, { receivedAt: details.receivedAt }) : undefined,
    ])
    for (let attempt = 1; ; attempt++) {
      const code = newTrackingCode()
      const submitted = chainEvent([], {
        at: details.receivedAt,
        type: 'submitted',
        actor: details.actor,
        public: true,
        data: {
          channel: details.channel,
          committeeId: committee.id,
          routingRuleId: 'ruleId' in routing ? routing.ruleId : undefined,
        },
      })
      const record: StoredCase = {
        code,
        version: 1,
        kind: input.kind,
        status: 'received',
        channel: details.channel,
        committeeId: committee.id,
        receivedAt: details.receivedAt,
        receivedOn: details.receivedOn,
        clockStartOn: details.receivedOn,
        title: input.title,
        anonymous: input.anonymous,
        topic: input.topic,
        signatories: input.signatories,
        language: input.language,
        submitterType: details.submitterType,
        ownerId: details.ownerId,
        facts: {
          instance: input.instance,
          remoteArea: committee.remoteArea ?? false,
          complexity: 'normal',
          severalPlaces: details.severalPlaces ?? false,
          referral: details.referral,
          knownOn: input.knownOn,
          partyDiscipline: input.kind === 'complaint' && input.topic === 'party_discipline',
        },
        routing: { ruleId: 'ruleId' in routing ? routing.ruleId : undefined, reason: routing.reason },
        history: [submitted],
        pinHash,
        ...(contact ? { contact } : {}),
        ...(suggestions ? { repeats: suggestions } : {}),
      }
      const { deadlines, plan } = watchPlanOf(record, ctx, watch, vietnamDate(s.now()))
      const stored: StoredCase = { ...record, ...plan }
      // Its repeat keys first: a case that exists is always findable by a later repeat.
      await repeats.index(probe, code, details.receivedAt)
      try {
        await s.cases.createCase(stored, {
          code,
          content: input.content,
          petitionerSealed,
          concerns: input.concerns,
          createdAt: s.now().toISOString(),
          repeatKeys: probe.keys,
        })
      } catch (error) {
        if (isConditionalCheckFailed(error) && attempt < CODE_ATTEMPTS) continue
        throw error
      }
      s.logger.info('petition received', {
        trackingCode: code,
        kind: input.kind,
        channel: details.channel,
        committeeId: committee.id,
      })
      return {
        trackingCode: formatTrackingCode(code),
        pin,
        kind: record.kind,
        status: record.status,
        receivedAt: record.receivedAt,
        anonymous: record.anonymous,
        committee: committeeRef(committees.value, committee.id, lang),
        routing: { reason: routing.reason[lang] },
        deadlines: deadlines.map((d) => deadlineView(d, lang)),
      }
    }
  }

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

  const staffCases = createStaffCaseReader(s, repeats)
  const { loadInScope, viewForStaff } = staffCases

  /**
   * A staff action with optimistic concurrency (`expectedVersion` comes from If-Match): the case as
   * the conditional write returned it. The pages redirect to the case after it, so they take this
   * and build no file (no content or supplements read for an answer nobody sees).
   */
  async function applyAction(
    rawCode: string,
    expectedVersion: number,
    input: ActionInput,
    user: ActingUser,
  ): Promise<StoredCase> {
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
      if (!of) throw new RuleViolation('invalid_tracking_code', `'${input.of}' is not a tracking code`, 'of')
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
    return updated
  }

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
    /**
     * A petition filed online by a citizen or a signed-in member. `from` is the client it came
     * from (and whether it sent an Idempotency-Key): counted against the submission limits
     * (shared/store/rate-limits.ts) before anything is written; over them, a 429 with Retry-After.
     */
    async submit(
      input: PetitionInput,
      lang: Language,
      member?: { id: string },
      from?: { readonly client: string; readonly keyed: boolean },
    ): Promise<Receipt> {
      const now = s.now()
      if (from) {
        const wait = await s.submissionLimit.admit(from.client, from.keyed, now.getTime())
        if (wait > 0)
          throw new DomainError(
            'too_many_submissions',
            'too many petitions from this address; try again later',
            429,
            {
              retryAfterSeconds: Math.max(1, Math.ceil(wait / 1000)),
            },
          )
      }
      return intake(
        input,
        {
          channel: 'online',
          receivedAt: now.toISOString(),
          receivedOn: vietnamDate(now),
          submitterType: member ? 'member' : 'citizen',
          ownerId: member?.id,
          // Never the member's id: a history reader must not learn who filed (a denouncer above all).
          actor: { kind: 'petitioner' },
        },
        lang,
      )
    },

    /** A petition recorded at the desk (paper, post, e-mail, hotline, in person, transferred in). */
    async recordIntake(input: StaffIntakeInput, officer: ActingUser, lang: Language): Promise<Receipt> {
      const now = s.now()
      const today = vietnamDate(now)
      if (input.receivedAt > today)
        throw new RuleViolation(
          'received_in_future',
          `receivedAt ${input.receivedAt} is in the future (today is ${today} in Vietnam)`,
          'receivedAt',
        )
      if (input.receivedAt < addDays(today, -3660))
        throw new RuleViolation(
          'received_too_long_ago',
          'receivedAt is more than ten years ago',
          'receivedAt',
        )
      // Before anything is written (intake indexes repeat keys first): one GetItem on the account.
      // Unknown, inactive and staff accounts get the same answer, so the desk learns no more.
      if (input.ownerId !== undefined) {
        const owner = await s.users.getUser(input.ownerId)
        if (!owner || !mayOwnPetition(owner))
          throw new RuleViolation(
            'owner_not_member',
            `ownerId '${input.ownerId}' is not the account of an active member`,
            'ownerId',
          )
      }
      // A backdated petition keeps its real receipt date; the instant is the start of that day in Vietnam.
      const receivedAt =
        input.receivedAt === today
          ? now.toISOString()
          : new Date(`${input.receivedAt}T00:00:00+07:00`).toISOString()
      return intake(
        input,
        {
          channel: input.channel,
          receivedAt,
          receivedOn: input.receivedAt,
          submitterType: input.ownerId ? 'member' : 'citizen',
          ownerId: input.ownerId,
          actor: { kind: 'staff', id: officer.id, role: 'reception_officer' },
          committeeId: input.committeeId,
          referral: input.referral,
          severalPlaces: input.severalPlaces,
          findRepeats: true,
        },
        lang,
      )
    },

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

    getForStaff: staffCases.getForStaff,
    getCasePage: staffCases.getCasePage,

    /** The petitioner's own case after the PIN check (attachments reuse the same guard). */
    openWithPin,

    /** Appends an audit event to a case's history (e.g. a denouncer's document opened). */
    audit: (code: string, event: NewEvent) => applyWithRetry(code, async () => ({ changes: {}, event })),

    /** A staff action with optimistic concurrency, answered with the case file after it. */
    async act(
      rawCode: string,
      expectedVersion: number,
      input: ActionInput,
      user: ActingUser,
      lang: Language,
    ) {
      return viewForStaff(await applyAction(rawCode, expectedVersion, input, user), user, lang)
    },

    applyAction,

    /** A member's own petition, in the petitioner's view (never the file, notes or actors). */
    async myPetition(rawCode: string, user: ActingUser, lang: Language) {
      const code = normalizeTrackingCode(rawCode)
      const stored = code ? await s.cases.getCase(code) : undefined
      if (!stored || !ownsCase(user, stored)) caseNotFound()
      return citizenViewOf(stored, lang)
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

    verifyHistory: staffCases.verifyHistory,
    showIdentity: staffCases.showIdentity,
  }
}

export type PetitionService = ReturnType<typeof createPetitionService>
