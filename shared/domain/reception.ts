/**
 * The reception register (sổ tiếp công dân, Law 42/2013 Art. 25) and the heads' reception days
 * (docs/domain.md#reception).
 *
 * A session records its date, type (regular by the duty officer; periodic or ad hoc by the head;
 * online from 1 July 2026), host, how many people came, the delegations (đoàn đông người) and the
 * cases raised, linked by tracking code to the cases created at the desk. The register keeps no
 * visitor's name or address: those stay sealed in each case's file, where a denouncer's identity is
 * protected (Law 25/2018 Arts. 8, 9), so the register and its figures can never leak one.
 *
 * Minimum reception days: the head receives citizens at least one day a month; a commune-level Party
 * head two days a month. A day counts when the head hosted a session that is not a regular (duty
 * officer's) one. A month still running is not yet judged.
 */
import * as z from 'zod'
import { addDays, type LocalDate, ymd } from './dates.js'
import { RuleViolation } from './errors.js'
import type { Committee } from './routing.js'
import { localDate } from './schemas.js'

export const RECEPTION_TYPES = ['regular', 'periodic', 'ad_hoc', 'online'] as const
export type ReceptionType = (typeof RECEPTION_TYPES)[number]

/** Online reception exists from this date (Law 136/2025/QH15; docs/domain.md#reception). */
export const ONLINE_RECEPTION_FROM: LocalDate = '2026-07-01'

/** Reception types a head's own day counts for (the duty officer's regular reception does not). */
export const HEAD_RECEPTION_TYPES: readonly ReceptionType[] = ['periodic', 'ad_hoc', 'online']

export interface ReceptionRules {
  readonly headDaysPerMonth: number
  readonly communeHeadDaysPerMonth: number
  /** Committees at commune level (the committee tree does not say so itself). */
  readonly communeCommitteeIds: readonly string[]
}

export const RECEPTION_DEFAULTS: ReceptionRules = {
  headDaysPerMonth: 1,
  communeHeadDaysPerMonth: 2,
  communeCommitteeIds: [],
}

const text = (max: number) => z.string().trim().min(1).max(max)

export const delegationSchema = z.strictObject({
  /** People in the delegation (5 or more make a delegation, docs/domain.md#kinds). */
  people: z.number().int().min(5).max(10_000),
  representatives: z.number().int().min(1).max(10),
  subject: text(300),
})

export const receptionSessionSchema = z
  .strictObject({
    committeeId: z.string().min(1).max(64),
    date: localDate,
    type: z.enum(RECEPTION_TYPES),
    /** The staff account that hosted (a head for periodic and ad hoc sessions). */
    hostUserId: z.string().min(1).max(64),
    location: text(200).optional(),
    /** People received, delegations' members included. */
    visitors: z.number().int().min(0).max(100_000),
    delegations: z.array(delegationSchema).max(50).default([]),
    caseCodes: z.array(z.string().trim().min(1).max(40)).max(200).default([]),
    notes: text(4_000).optional(),
  })
  .superRefine((s, ctx) => {
    const inDelegations = s.delegations.reduce((n, d) => n + d.people, 0)
    if (s.visitors < inDelegations)
      ctx.addIssue({ code: 'custom', message: 'visitors_below_delegations', path: ['visitors'] })
  })
export type ReceptionSessionInput = z.input<typeof receptionSessionSchema>
export type ParsedSession = z.output<typeof receptionSessionSchema>

export interface ReceptionSession {
  readonly id: string
  readonly committeeId: string
  readonly date: LocalDate
  readonly type: ReceptionType
  readonly hostUserId: string
  readonly hostName: string
  /** The host is a head of the committee (their day counts toward the minimum). */
  readonly hostIsHead: boolean
  readonly location?: string
  readonly visitors: number
  readonly delegations: readonly z.infer<typeof delegationSchema>[]
  /** Linked cases (normalized codes). */
  readonly caseCodes: readonly string[]
  readonly notes?: string
  readonly recordedBy: string
  readonly recordedAt: string
}

/** Rules that need the clock or the committee: refused with the field named. */
export function checkSession(s: ParsedSession, today: LocalDate): void {
  if (s.date > today)
    throw new RuleViolation('future_date', 'a session cannot be recorded before it happens', 'date')
  if (s.type === 'online' && s.date < ONLINE_RECEPTION_FROM)
    throw new RuleViolation(
      'online_not_yet',
      `online reception exists from ${ONLINE_RECEPTION_FROM} (Law 136/2025/QH15)`,
      'type',
    )
}

export function requiredDaysPerMonth(
  committee: Committee,
  rules: ReceptionRules = RECEPTION_DEFAULTS,
): number {
  return rules.communeCommitteeIds.includes(committee.id)
    ? rules.communeHeadDaysPerMonth
    : rules.headDaysPerMonth
}

export interface HeadMonth {
  /** 'YYYY-MM' */
  readonly month: string
  readonly required: number
  readonly held: number
  /** undefined while the month is still running and not yet met. */
  readonly met: boolean | undefined
}

export interface HeadReceptionDays {
  readonly userId: string
  readonly required: number
  readonly held: number
  /** Every finished month met (a running month counts only once met); undefined if none is judged yet. */
  readonly met: boolean | undefined
  readonly months: readonly HeadMonth[]
}

/** The calendar months touching [from, to]. */
function monthsOf(from: LocalDate, to: LocalDate): { month: string; first: LocalDate; last: LocalDate }[] {
  const out: { month: string; first: LocalDate; last: LocalDate }[] = []
  let y = Number(from.slice(0, 4))
  let m = Number(from.slice(5, 7))
  for (;;) {
    const first = ymd(y, m, 1)
    if (first > to) break
    out.push({ month: first.slice(0, 7), first, last: addDays(ymd(y, m + 1, 1), -1) })
    m++
    if (m > 12) {
      m = 1
      y++
    }
  }
  return out
}

/**
 * Whether a head held the minimum reception days in each month of the period
 * (docs/domain.md#reception): the distinct days on which they hosted a periodic, ad hoc or online
 * session of this committee.
 */
export function headReceptionDays(
  headId: string,
  sessions: readonly Pick<ReceptionSession, 'date' | 'type' | 'hostUserId'>[],
  period: { from: LocalDate; to: LocalDate; asOf: LocalDate },
  perMonth: number,
): HeadReceptionDays {
  const days = new Set(
    sessions
      .filter((s) => s.hostUserId === headId && HEAD_RECEPTION_TYPES.includes(s.type))
      .map((s) => s.date),
  )
  const months = monthsOf(period.from, period.to).map(({ month, first, last }) => {
    const held = [...days].filter((d) => d >= first && d <= last).length
    const finished = last <= period.asOf
    return {
      month,
      required: perMonth,
      held,
      met: held >= perMonth ? true : finished ? false : undefined,
    }
  })
  const judged = months.filter((m) => m.met !== undefined)
  return {
    userId: headId,
    required: months.reduce((n, m) => n + m.required, 0),
    held: months.reduce((n, m) => n + m.held, 0),
    met: judged.length === 0 ? undefined : judged.every((m) => m.met),
    months,
  }
}

export interface ReceptionFigures {
  readonly sessions: number
  readonly byType: Readonly<Record<ReceptionType, number>>
  readonly visitors: number
  /** Distinct cases linked to the sessions. */
  readonly cases: number
  readonly delegations: number
  readonly delegationPeople: number
}

export function receptionFigures(sessions: readonly ReceptionSession[]): ReceptionFigures {
  const byType = { regular: 0, periodic: 0, ad_hoc: 0, online: 0 }
  const cases = new Set<string>()
  let visitors = 0
  let delegations = 0
  let delegationPeople = 0
  for (const s of sessions) {
    byType[s.type]++
    visitors += s.visitors
    delegations += s.delegations.length
    delegationPeople += s.delegations.reduce((n, d) => n + d.people, 0)
    for (const c of s.caseCodes) cases.add(c)
  }
  return { sessions: sessions.length, byType, visitors, cases: cases.size, delegations, delegationPeople }
}
