/**
 * Many cases, fast: 300 closed and 12 open template cases built as the service builds them (the intake record; accept → resolve →
 * close decided by the domain with `decideAction`, each event hash-chained; the watch plan and the
 * report metrics from `watchPlanOf`), turned into items by the real case store (`createCase`,
 * through a client that collects the PutItems instead of sending them). Case i is a copy of
 * template i mod 300 (its kind, committee and day follow from that) under a tracking code of its
 * own, so the indexes see N distinct cases; the items are written with BatchWriteItem, 25 at a
 * time, by a few writers in parallel.
 */
import { COMMITTEES } from '../../local/demo-data.js'
import { type CaseRecord, decideAction } from '../../shared/domain/case.js'
import { addDays, vietnamDate } from '../../shared/domain/dates.js'
import type { DeadlineContext } from '../../shared/domain/deadlines.js'
import type { ActingUser } from '../../shared/domain/policy.js'
import type { Committee } from '../../shared/domain/routing.js'
import type { ActionInput } from '../../shared/domain/schemas.js'
import type { Kind } from '../../shared/domain/vocabulary.js'
import { DEFAULT_WATCH_SETTINGS } from '../../shared/domain/watch.js'
import { hashPin, newTrackingCode } from '../../shared/security.js'
import type { Services } from '../../shared/service/context.js'
import { watchPlanOf } from '../../shared/service/watch-plan.js'
import { newCaseItems, type StoredCase } from '../../shared/store/cases.js'
import { chainEvent } from '../../shared/store/history.js'
import { receivedCase } from '../../test/fixtures/cases.js'

export const vn = (local: string) => new Date(`${local.replace(' ', 'T')}:00+07:00`)
const MINISTRIES = COMMITTEES.filter((c) => c.type === 'subordinate')
const OUTCOME: Record<Kind, string> = {
  complaint: 'rejected',
  denunciation: 'unfounded',
  recommendation: 'answered',
  feedback: 'adopted',
}
const KINDS: Kind[] = ['complaint', 'denunciation', 'recommendation', 'feedback']

/** What building a case needs: the deadline context, the committee tree, the PIN hash to store. */
export interface CaseBuild {
  readonly ctx: DeadlineContext
  readonly committees: readonly Committee[]
  readonly pinHash: string
}

/**
 * Case i (its kind and committee follow from i), received at `received`, built as the service builds
 * it: still awaiting a decision when `open`, else accepted, resolved and closed by the domain
 * (`decideAction`), each event hash-chained, with its watch plan and report metrics.
 */
export function syntheticCase(
  i: number,
  received: Date,
  open: boolean,
  { ctx, committees, pinHash }: CaseBuild,
): StoredCase {
  const kind = KINDS[i % KINDS.length]!
  const committee = MINISTRIES[i % MINISTRIES.length]!
  const handler: ActingUser = {
    id: `${committee.id}.canbo`,
    memberships: [{ role: 'committee_handler', committeeId: committee.id }],
  }
  let record: CaseRecord = receivedCase({
    code: newTrackingCode(),
    kind,
    committeeId: committee.id,
    receivedAt: received.toISOString(),
    receivedOn: vietnamDate(received),
    clockStartOn: vietnamDate(received),
    title: 'Kiến nghị đơn giản hóa thủ tục hành chính',
    topic: 'administration',
    routing: { ruleId: 'R50-by-agency', reason: { vi: 'Theo cơ quan', en: 'By agency' } },
    history: [
      chainEvent([], {
        at: received.toISOString(),
        type: 'submitted',
        actor: { kind: 'petitioner' },
        public: true,
        data: { channel: 'online', committeeId: committee.id, routingRuleId: 'R50-by-agency' },
      }),
    ],
  })
  const steps: [number, ActionInput][] = open
    ? []
    : [
        [2, { action: 'accept' }],
        [12, { action: 'resolve', answer: 'Đã xem xét và trả lời.', outcome: OUTCOME[kind] as never }],
        [14, { action: 'close' }],
      ]
  for (const [days, input] of steps) {
    const now = new Date(received.getTime() + days * 86_400_000)
    const result = decideAction(record, input, handler, {
      now,
      committees,
      deadlines: ctx,
    })
    record = {
      ...record,
      ...result.changes,
      status: result.status,
      version: record.version + 1,
      history: [...record.history, chainEvent(record.history, result.event)],
    }
  }
  // The petitioner has been told of everything, as the sweep would have left it.
  const told = { ...record, steps: {}, notifiedSeq: record.history.length }
  const today = open ? record.receivedOn : addDays(record.receivedOn, 14)
  const { plan } = watchPlanOf(told, ctx, DEFAULT_WATCH_SETTINGS, today)
  return { ...told, ...plan, pinHash }
}

export interface SeedOptions {
  /** Cases closed during the year, received from `closedFrom` over `closedDays` days. */
  readonly closed: number
  /** Cases received at `openAt`, still awaiting a decision (in their committee's queue). */
  readonly open: number
  readonly closedFrom: string
  readonly closedDays: number
  readonly openAt: Date
  /** Also write each case's content item (not read by the queue, the sweep or the report). */
  readonly withContent?: boolean
  readonly writers?: number
}

export async function seedCases(
  services: Services,
  options: SeedOptions,
): Promise<{ items: number; seconds: number }> {
  const started = performance.now()
  const [ctx, committees] = await Promise.all([services.deadlineContext(), services.settings.getCommittees()])
  const pinHash = await hashPin('12345678')
  const petitionerSealed = await services.sealer.seal(
    JSON.stringify({ fullName: 'Nguyễn Văn An', phone: '0912345678', email: 'an@example.vn' }),
  )
  function build(i: number, open: boolean): StoredCase {
    const received = open
      ? options.openAt
      : new Date(vn(`${options.closedFrom} 09:00`).getTime() + (i % options.closedDays) * 86_400_000)
    return syntheticCase(i, received, open, { ctx, committees: committees.value, pinHash })
  }

  const templates = new Map<string, StoredCase>()
  const caseOf = (i: number, open: boolean): StoredCase => {
    const key = open ? `open${i % 12}` : `closed${i % 300}`
    const template = templates.get(key) ?? build(i, open)
    templates.set(key, template)
    return { ...template, code: newTrackingCode() }
  }
  const total = options.closed + options.open
  let next = 0
  let items = 0
  await Promise.all(
    Array.from({ length: options.writers ?? 6 }, async () => {
      // The real store code makes the items (newCaseItems, what createCase writes).
      for (;;) {
        const batch: Record<string, unknown>[] = []
        while (batch.length < 25 && next < total) {
          const i = next++
          const c = caseOf(i, i >= options.closed)
          const written = newCaseItems(c, {
            code: c.code,
            content: 'Đề nghị bỏ yêu cầu nộp bản sao giấy tờ đã được số hóa.',
            petitionerSealed,
            concerns: { organization: MINISTRIES[i % MINISTRIES.length]!.organizations[0] },
            createdAt: c.receivedAt,
          })
          batch.push(...(options.withContent ? [written.content, written.case] : [written.case]))
        }
        if (batch.length === 0) return
        for (let at = 0; at < batch.length; at += 25) {
          let requests = batch.slice(at, at + 25).map((Item) => ({ PutRequest: { Item } }))
          while (requests.length > 0) {
            const out = await services.db.batchWrite({ RequestItems: { [services.tableName]: requests } })
            requests = (out.UnprocessedItems?.[services.tableName] ?? []) as typeof requests
          }
        }
        items += batch.length
      }
    }),
  )
  return { items, seconds: (performance.now() - started) / 1000 }
}
