import type { CaseRecord, NewEvent } from '../../domain/case.js'
import { addDays, type LocalDate, vietnamDate } from '../../domain/dates.js'
import { DomainError, RuleViolation } from '../../domain/errors.js'
import type { Status } from '../../domain/lifecycle.js'
import type { ActingUser } from '../../domain/policy.js'
import { mayOwnPetition } from '../../domain/policy.js'
import { routePetition, type SubmitterType } from '../../domain/routing.js'
import type { PetitionInput, StaffIntakeInput } from '../../domain/schemas.js'
import { formatTrackingCode } from '../../domain/tracking-code.js'
import type { Kind, Language } from '../../domain/vocabulary.js'
import { newPin, newTrackingCode } from '../../security.js'
import type { StoredCase } from '../../store/cases.js'
import { chainEvent } from '../../store/history.js'
import type { Services } from '../context.js'
import { committeeRef, deadlineView } from '../views.js'
import { watchPlanOf } from '../watch-plan.js'
import type { CaseAccess } from './core.js'

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

/** Attempts to find an unused tracking code before giving up (a clash is a 1-in-2^55 event). */
const CODE_ATTEMPTS = 3

/** The two ways in: `submit` (online) and `recordIntake` (the desk); both route, clock and write once. */
export function createIntake(s: Services, { watchSettings, repeats }: CaseAccess) {
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
    const [pinHash, petitionerSealed, suggestions] = await Promise.all([
      s.pins.hash(pin),
      input.petitioner ? s.sealer.seal(JSON.stringify(input.petitioner)) : Promise.resolve(undefined),
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
        if (
          (error as { name?: string }).name === 'ConditionalCheckFailedException' &&
          attempt < CODE_ATTEMPTS
        )
          continue
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
  }
}
