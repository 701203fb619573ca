/**
 * The deadline sweep: reads the deadline-watch index for cases whose next step is due (its cost
 * grows with the due clocks, not with the cases stored), carries out each step exactly once —
 * messages first (idempotent ids), then the step recorded on the case with a conditional update —
 * and delivers the outbox. Overlapping, repeated or interrupted sweeps neither skip nor repeat a
 * step: whatever an earlier run did is recognised by its ids.
 */
import { vietnamDate } from '../domain/dates.js'
import { ancestry, type Committee } from '../domain/routing.js'
import { formatTrackingCode } from '../domain/tracking-code.js'
import type { Language } from '../domain/vocabulary.js'
import { DUE_SOON_DAYS, isOverdue, urgencyOf, type WatchStep } from '../domain/watch.js'
import type { MessageSender } from '../notifications/senders.js'
import { renderMessage } from '../notifications/templates.js'
import { type StoredCase, VersionConflictError } from '../store/cases.js'
import { isConditionalCheckFailed } from '../store/client.js'
import {
  createOutbox,
  type MessageChannel,
  messageId,
  OUTBOX_SHARDS,
  type Outbox,
  type OutboxMessage,
} from '../store/outbox.js'
import { WATCH_SHARDS } from '../store/table.js'
import type { User } from '../store/users.js'
import { createAccountabilityWatch } from './accountability-watch.js'
import { sealContact } from './contact.js'
import type { Services } from './context.js'
import type { PetitionerIdentity } from './views.js'
import { watchPlanOf } from './watch-plan.js'

export interface SweepOptions {
  /** The site's public address, for links in messages (read when a message is written). */
  readonly siteUrl: () => string
  readonly sender: MessageSender
  /** Attempts before a message is recorded as failed. */
  readonly maxAttempts?: number
  /** 0..1, for the jitter of retry delays (tests fix it). */
  readonly random?: () => number
  /** Whether SMS can be sent (an origination identity is configured); without, phone-only petitioners get none. */
  readonly smsEnabled?: boolean
}

export interface SweepReport {
  readonly casesRead: number
  /** Cases read whose nearest organisation deadline has passed (on the escalation ladder). */
  readonly overdueCases: number
  readonly stepsDone: number
  readonly citizenMessages: number
  readonly staffMessages: number
  readonly delivered: number
  readonly retried: number
  readonly failed: number
  /** Reminders about accountability reports owed (due soon or late) written by this run. */
  readonly reportReminders?: number
}

/** What one run's sending came to: its own messages sent at once, and the due ones it delivered. */
interface Delivery {
  delivered: number
  retried: number
  failed: number
}
const newDelivery = (): Delivery => ({ delivered: 0, retried: 0, failed: 0 })

const CASE_ATTEMPTS = 5
/** Due-soon cases a digest names by code (the count covers them all). */
const DIGEST_CODES = 20
const LEASE_MS = 2 * 60_000
const BASE_DELAY_MS = 60_000
const MAX_DELAY_MS = 60 * 60_000

export function createSweep(s: Services, options: SweepOptions) {
  const outbox = createOutbox(s.db, s.tableName)
  const random = options.random ?? Math.random
  const maxAttempts = options.maxAttempts ?? 5

  function recipientsFor(
    step: WatchStep | 'escalated_by_petitioner' | 'chased',
    c: StoredCase,
    users: readonly User[],
    committees: readonly Committee[],
  ): User[] {
    const inCommittee = (roles: string[], committeeId: string | undefined) =>
      users.filter(
        (u) =>
          u.active &&
          u.email &&
          u.memberships.some((m) => roles.includes(m.role) && m.committeeId === committeeId),
      )
    const supervisors = users.filter(
      (u) => u.active && u.email && u.memberships.some((m) => m.role === 'supervisor'),
    )
    const parentId = ancestry(committees, c.committeeId)[1]?.id
    const audience =
      step === 'escalated_by_petitioner'
        ? 'parent_and_supervisors'
        : step === 'chased'
          ? 'head'
          : step.audience
    if (audience === 'committee') return inCommittee(['committee_handler'], c.committeeId)
    if (audience === 'head') return inCommittee(['committee_head'], c.committeeId)
    return [...inCommittee(['committee_head'], parentId), ...supervisors]
  }

  const TEMPLATE_OF: Record<Exclude<WatchStep['step'], 'reminder'>, string> = {
    overdue: 'staff.overdue',
    escalate_head: 'staff.escalate_head',
    very_overdue: 'staff.very_overdue',
  }

  /**
   * The petitioner's contact for the outbox, sealed: the one sealed at intake (no KMS call), or
   * for a case filed before that, from the identity opened and the address sealed again.
   * Undefined without an address, or for SMS when no SMS can be sent.
   */
  async function petitionerContact(
    c: StoredCase,
  ): Promise<{ channel: MessageChannel; to: string } | undefined> {
    let contact = c.contact
    if (!contact) {
      const content = await s.cases.getContent(c.code)
      if (!content?.petitionerSealed) return undefined
      const identity = JSON.parse(await s.sealer.open(content.petitionerSealed)) as PetitionerIdentity
      contact = await sealContact(s.sealer, identity)
    }
    if (!contact || (contact.channel === 'sms' && options.smsEnabled === false)) return undefined
    return { channel: contact.channel, to: contact.sealed }
  }

  /** Carries out what is due on one case. Returns the counts of what it did. */
  async function processCase(
    code: string,
    context: { users: User[]; committees: Committee[] },
    run: Delivery = newDelivery(),
  ) {
    let counts = { steps: 0, citizen: 0, staff: 0 }
    for (let attempt = 1; attempt <= CASE_ATTEMPTS; attempt++) {
      const c = await s.cases.getCase(code)
      if (!c) return counts
      counts = { steps: 0, citizen: 0, staff: 0 }
      const now = s.now()
      const today = vietnamDate(now)
      const [ctx, watch] = await Promise.all([s.deadlineContext(), s.settings.getWatchSettings()])
      const { planned, done, news, deadlines } = watchPlanOf(c, ctx, watch.value, today)
      const due = planned.filter((step) => step.on <= today && done[step.id] === undefined)
      const committee = context.committees.find((x) => x.id === c.committeeId)
      const display = formatTrackingCode(c.code)
      const at = now.toISOString()

      // 1. The messages, with ids from their causes: writing one again is a no-op.
      for (const step of due) {
        counts.steps++
        // A reminder is recorded, not sent: the morning digest lists the cases due soon by code
        // (one message a person a day, not one per reminder; docs/domain.md#escalation).
        if (step.step === 'reminder') continue
        for (const user of recipientsFor(step, c, context.users, context.committees)) {
          const wrote = await post(run, {
            id: messageId(c.code, step.id, user.id),
            channel: 'email',
            to: user.email!,
            toSealed: false,
            recipient: { kind: 'staff', userId: user.id },
            language: 'vi',
            template: TEMPLATE_OF[step.step],
            params: {
              code: display,
              clock: step.clock,
              due: step.dueDate,
              daysBefore: step.daysBefore ?? 0,
              committee: committee?.name ?? c.committeeId,
              multiple: watch.value.veryOverdueMultiple,
            },
            code: c.code,
            createdAt: at,
          })
          if (wrote) counts.staff++
        }
      }
      for (const e of news.staff) {
        // A chase (đôn đốc) is told to the committee's head; an escalation to the superior.
        const chased = e.type === 'chased'
        const audience = chased ? 'chased' : 'escalated_by_petitioner'
        for (const user of recipientsFor(audience, c, context.users, context.committees)) {
          if (
            await post(run, {
              id: messageId(c.code, `event-${e.seq}`, user.id),
              channel: 'email',
              to: user.email!,
              toSealed: false,
              recipient: { kind: 'staff', userId: user.id },
              language: 'vi',
              template: chased ? 'staff.chased' : 'staff.escalated_by_petitioner',
              params: {
                code: display,
                committee: committee?.name ?? c.committeeId,
                ...(chased ? { date: vietnamDate(e.at) } : {}),
              },
              code: c.code,
              createdAt: at,
            })
          )
            counts.staff++
        }
      }
      const citizenNews = news.citizen
      if (citizenNews.length > 0) {
        const contact = await petitionerContact(c)
        if (contact) {
          // The time limit the petitioner cares about: the resolution's once accepted, else the first decision's.
          const resolution =
            deadlines.find((d) => d.clock === 'resolution') ?? deadlines.find((d) => d.clock === 'acceptance')
          for (const e of citizenNews) {
            if (
              await post(run, {
                id: messageId(c.code, `event-${e.seq}`, 'petitioner'),
                channel: contact.channel,
                to: contact.to,
                toSealed: true,
                recipient: { kind: 'petitioner' },
                language: c.language as Language,
                template: 'citizen.event',
                params: {
                  code: display,
                  event: e.type,
                  ...(e.publicNote ? { note: e.publicNote } : {}),
                  ...(resolution && ['accepted', 'extended', 'resumed', 'submitted'].includes(e.type)
                    ? { due: resolution.dueDate }
                    : {}),
                  trackUrl: `${options.siteUrl()}/track`,
                },
                code: c.code,
                createdAt: at,
              })
            )
              counts.citizen++
          }
        }
      }

      // 2. The steps recorded on the case, once: a second sweep's write fails its condition.
      const steps = Object.fromEntries(due.map((step) => [step.id, at]))
      // Everything in the history up to now has been looked at: later events are the next news.
      const notifiedSeq = c.history.at(-1)?.seq ?? 0
      const after = { ...c, steps: { ...done, ...steps }, notifiedSeq }
      const { plan } = watchPlanOf(after, ctx, watch.value, today)
      if (
        due.length === 0 &&
        notifiedSeq === (c.notifiedSeq ?? 0) &&
        plan.nextWatch === c.nextWatch &&
        plan.escalationLevel === (c.escalationLevel ?? 0)
      )
        return counts
      try {
        await s.cases.recordWatch(c, { steps, notifiedSeq, plan })
        return counts
      } catch (error) {
        if (error instanceof VersionConflictError) continue // changed meanwhile: look again
        throw error
      }
    }
    return counts
  }

  function retryDelay(attempts: number): number {
    const base = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1))
    return Math.round(base * (0.5 + random()))
  }

  /**
   * One attempt at a message this sender holds (written claimed, or claimed when due): send, then
   * record the outcome. A failure is recorded for a retry with backoff, or as final after the
   * last attempt; it never stops the others.
   */
  async function attempt(message: OutboxMessage, run: Delivery): Promise<void> {
    try {
      const to = message.toSealed ? await s.sealer.open(message.to) : message.to
      const { subject, body } = renderMessage(message.template, message.language, message.params)
      await options.sender.send({ channel: message.channel, to, subject, body })
      await outbox.markSent(message.id, s.now().toISOString())
      run.delivered++
    } catch (error) {
      const reason =
        error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 300) : 'unknown error'
      if (message.attempts >= maxAttempts) {
        await outbox.markFailed(message.id, reason, s.now().toISOString())
        if (message.code) await s.cases.noteDeliveryFailure(message.code)
        s.logger.warn('message failed permanently', {
          messageId: message.id,
          trackingCode: message.code,
          template: message.template,
        })
        run.failed++
      } else {
        await outbox.markRetry(
          message.id,
          reason,
          new Date(s.now().getTime() + retryDelay(message.attempts)).toISOString(),
        )
        run.retried++
      }
    }
  }

  /**
   * Writes a message and, when this call wrote it (not an earlier run), sends it at once: it was
   * written claimed by this sender for a lease, so no other sender takes it meanwhile, and if this
   * one dies before recording the outcome the message is due again when the lease ends.
   */
  async function post(run: Delivery, message: Parameters<Outbox['put']>[0]): Promise<boolean> {
    const leaseUntil = new Date(s.now().getTime() + LEASE_MS).toISOString()
    const written = await outbox.put(message, { claimedUntil: leaseUntil })
    if (written) await attempt(written, run)
    return written !== undefined
  }

  /** Sends what is due in the outbox (retries, and messages whose writer's lease ran out). */
  async function deliver(run: Delivery = newDelivery()): Promise<Delivery> {
    for (let shard = 0; shard < OUTBOX_SHARDS; shard++) {
      const now = s.now()
      for (const due of await outbox.listDue(shard, now.toISOString())) {
        const message = await outbox.claim(
          due.id,
          due.outboxSk,
          new Date(now.getTime() + LEASE_MS).toISOString(),
        )
        if (!message) continue // another sender has it
        await attempt(message, run)
      }
    }
    return run
  }

  return {
    outbox,
    processCase: (code: string) =>
      Promise.all([s.users.listUsers(), s.settings.getCommittees()]).then(([users, committees]) =>
        processCase(code, { users, committees: committees.value }),
      ),

    /** One sweep: every case with a step due today or earlier, then the outbox. */
    async sweep(): Promise<SweepReport> {
      const today = vietnamDate(s.now())
      const [users, committees] = await Promise.all([s.users.listUsers(), s.settings.getCommittees()])
      const context = { users, committees: committees.value }
      const run = newDelivery()
      let casesRead = 0
      let overdueCases = 0
      let stepsDone = 0
      let citizenMessages = 0
      let staffMessages = 0
      for (let shard = 0; shard < WATCH_SHARDS; shard++) {
        let cursor: string | undefined
        do {
          const page = await s.cases.listDueCases(shard, today, { limit: 100, cursor })
          for (const item of page.items) {
            casesRead++
            if (item.nextDue && item.nextDue < today) overdueCases++
            try {
              const counts = await processCase(item.code, context, run)
              stepsDone += counts.steps
              citizenMessages += counts.citizen
              staffMessages += counts.staff
            } catch (error) {
              // One case's trouble never stops the sweep for the others.
              s.logger.error('sweep failed on a case', {
                trackingCode: item.code,
                error: error instanceof Error ? error.message : String(error),
              })
            }
          }
          cursor = page.cursor
        } while (cursor)
      }
      const owed = await createAccountabilityWatch(s).run({ ...context, post: (m) => post(run, m) })
      const delivery = await deliver(run)
      return {
        casesRead,
        overdueCases,
        stepsDone,
        citizenMessages,
        staffMessages,
        ...delivery,
        reportReminders: owed.messages,
      }
    },

    deliver,

    /**
     * The morning digest, once a day (a marker item written conditionally): each handler and head
     * gets their committee's open, overdue and due-soon counts.
     */
    async digest(): Promise<number> {
      const putMarker = async (item: Record<string, unknown>, condition: string): Promise<boolean> => {
        try {
          await s.db.put({
            TableName: s.tableName,
            Item: item,
            ConditionExpression: condition,
            ExpressionAttributeNames: { '#state': 'state' },
            ExpressionAttributeValues: { ':started': 'started' },
          })
          return true
        } catch (error) {
          if (isConditionalCheckFailed(error)) return false
          throw error
        }
      }
      const now = s.now()
      const today = vietnamDate(now)
      const marker = { pk: `DIGEST#${today}`, sk: 'DIGEST' }
      // Done today already? One conditional put claims the day unless it is marked sent (a marker
      // without a state is one of the earlier, sent-only kind). A run that failed half-way left its
      // claim, not the sent mark, so it is redone; the messages' ids keep a redo from sending
      // anything twice. No read first: the function's role may put the marker, not get it.
      const claimed = await putMarker(
        { ...marker, state: 'started', at: now.toISOString() },
        'attribute_not_exists(pk) OR #state = :started',
      )
      if (!claimed) return 0
      const [users, committees] = await Promise.all([s.users.listUsers(), s.settings.getCommittees()])
      const run = newDelivery()
      let written = 0
      const perUser = new Map<
        string,
        {
          user: User
          committees: {
            id: string
            name: string
            open: number
            overdue: number
            dueSoon: number
            dueSoonCodes: string[]
          }[]
        }
      >()
      for (const committee of committees.value) {
        const staff = users.filter(
          (u) =>
            u.active &&
            u.email &&
            u.memberships.some(
              (m) =>
                (m.role === 'committee_handler' || m.role === 'committee_head') &&
                m.committeeId === committee.id,
            ),
        )
        if (staff.length === 0) continue
        let open = 0
        let overdue = 0
        let dueSoon = 0
        const dueSoonCodes: string[] = []
        let cursor: string | undefined
        do {
          const page = await s.cases.listCommitteeQueue(committee.id, { limit: 100, cursor })
          for (const item of page.items) {
            open++
            const urgency = urgencyOf(item.nextDue, item.escalationLevel ?? 0, today)
            if (isOverdue(urgency)) overdue++
            else if (urgency === 'due_soon') {
              dueSoon++
              // The queue is nearest due first: the digest names the first of them.
              if (dueSoonCodes.length < DIGEST_CODES) dueSoonCodes.push(formatTrackingCode(item.code))
            }
          }
          cursor = page.cursor
        } while (cursor)
        if (open === 0) continue
        for (const user of staff) {
          const mine = perUser.get(user.id) ?? { user, committees: [] }
          mine.committees.push({
            id: committee.id,
            name: committee.name,
            open,
            overdue,
            dueSoon,
            dueSoonCodes,
          })
          perUser.set(user.id, mine)
        }
      }
      // One digest per person, covering every committee they work in.
      for (const { user, committees: theirs } of perUser.values()) {
        const sum = (key: 'open' | 'overdue' | 'dueSoon') => theirs.reduce((n, c) => n + c[key], 0)
        if (
          await post(run, {
            id: messageId('digest', today, user.id),
            channel: 'email',
            to: user.email!,
            toSealed: false,
            recipient: { kind: 'staff', userId: user.id },
            language: 'vi',
            template: 'staff.digest',
            params: {
              date: today,
              committee: theirs.map((c) => c.name).join('; '),
              open: sum('open'),
              overdue: sum('overdue'),
              dueSoon: sum('dueSoon'),
              dueSoonDays: DUE_SOON_DAYS,
              // The reminders folded in: which cases are due soon, by code (never a petitioner).
              dueSoonCodes: theirs
                .flatMap((c) => c.dueSoonCodes)
                .slice(0, DIGEST_CODES)
                .join(', '),
              queueUrl: `${options.siteUrl()}/staff/committees/${theirs[0]!.id}/queue`,
            },
            createdAt: now.toISOString(),
          })
        )
          written++
      }
      // A concurrent run that marked the day first has sent the same messages (same ids): fine.
      // Each digest was sent as it was written; a retry, or one a crashed run left claimed, is due
      // in the outbox and goes with the next sweep (every 15 minutes), not with a read of every
      // outbox shard here.
      await putMarker({ ...marker, state: 'sent', at: now.toISOString(), written }, '#state = :started')
      return written
    },
  }
}

export type Sweep = ReturnType<typeof createSweep>
