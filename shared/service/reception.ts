/**
 * The reception register: recording sessions (reception officers and heads of the committee),
 * listing them, and the summary of a period with each head's reception days (docs/domain.md#reception).
 */
import { randomUUID } from 'node:crypto'
import { type LocalDate, maxDate, vietnamDate } from '../domain/dates.js'
import { DomainError, RuleViolation } from '../domain/errors.js'
import type { ActingUser } from '../domain/policy.js'
import { committeeRolesFor, staffReachesCase } from '../domain/policy.js'
import {
  checkSession,
  HEAD_RECEPTION_TYPES,
  headReceptionDays,
  type ParsedSession,
  RECEPTION_DEFAULTS,
  type ReceptionSession,
  receptionFigures,
  requiredDaysPerMonth,
} from '../domain/reception.js'
import { type PeriodKind, periodRange, validateReportRequest } from '../domain/reports.js'
import type { Committee } from '../domain/routing.js'
import { formatTrackingCode, normalizeTrackingCode } from '../domain/tracking-code.js'
import { createReceptionStore } from '../store/reception.js'
import type { Services } from './context.js'

export type ReceptionPeriod =
  | { from: LocalDate; to: LocalDate }
  | { period: PeriodKind; year: number; index?: number }

/** Reception officers and heads of the committee itself record its sessions. */
export function canRecordReception(user: ActingUser, committeeId: string): boolean {
  return user.memberships.some(
    (m) => (m.role === 'reception_officer' || m.role === 'committee_head') && m.committeeId === committeeId,
  )
}

/** Supervisors read every register; the committee's staff and the heads above read theirs. */
export function canReadReception(
  user: ActingUser,
  committeeId: string,
  committees: readonly Committee[],
): boolean {
  if (user.memberships.some((m) => m.role === 'supervisor')) return true
  if (committeeRolesFor(user, committeeId, committees).size > 0) return true
  return user.memberships.some((m) => m.role === 'reception_officer' && m.committeeId === committeeId)
}

/**
 * A session as its reader sees it: only the codes of cases the reader may open. A code is itself
 * a lead (with a PIN it opens the petitioner's view; it tells who received what), and a register
 * is read by everyone of the committee and the heads above it, while its cases may have gone to
 * another committee or belong to a reception officer's own desk: the others are counted only.
 */
function sessionOut(s: ReceptionSession, reachable: (code: string) => boolean = () => true) {
  const codes = s.caseCodes.filter(reachable)
  return {
    ...s,
    delegations: s.delegations.map((d) => ({ ...d })),
    caseCodes: codes.map(formatTrackingCode),
    casesOutsideReach: s.caseCodes.length - codes.length,
  }
}

export function createReceptionService(s: Services) {
  const store = createReceptionStore(s.db, s.tableName)

  async function committeeFor(committeeId: string, field = 'committeeId') {
    const committees = (await s.settings.getCommittees()).value
    const committee = committees.find((c) => c.id === committeeId)
    if (!committee)
      throw new RuleViolation('unknown_committee', `there is no committee '${committeeId}'`, field)
    return { committees, committee }
  }

  function rangeOf(period: ReceptionPeriod) {
    const { from, to } = 'period' in period ? periodRange(period.period, period.year, period.index) : period
    const today = vietnamDate(s.now())
    validateReportRequest(from, to, today)
    // The day figures are measured at: the end of the period, or today while it runs.
    return { from, to, asOf: maxDate(to, today) === today ? to : today }
  }

  async function readable(user: ActingUser, committeeId: string) {
    const found = await committeeFor(committeeId)
    if (!canReadReception(user, committeeId, found.committees))
      throw new DomainError(
        'forbidden',
        "this committee's reception register is outside your committees",
        403,
      )
    return found
  }

  return {
    store,

    /** Records a session. Every rule is checked before anything is written. */
    async record(input: ParsedSession, user: ActingUser) {
      const { committees } = await committeeFor(input.committeeId)
      if (!canRecordReception(user, input.committeeId))
        throw new DomainError(
          'forbidden',
          "only the committee's reception officers and heads record its reception sessions",
          403,
        )
      const now = s.now()
      checkSession(input, vietnamDate(now))
      const host = await s.users.getUser(input.hostUserId)
      const hostIsHead = Boolean(
        host?.memberships.some((m) => m.role === 'committee_head' && m.committeeId === input.committeeId),
      )
      if (!host?.active || !host.memberships.some((m) => m.committeeId === input.committeeId))
        throw new RuleViolation(
          'host_not_in_committee',
          'the host must be an active staff member of this committee',
          'hostUserId',
        )
      if (HEAD_RECEPTION_TYPES.includes(input.type) && input.type !== 'online' && !hostIsHead)
        throw new RuleViolation(
          'head_hosts',
          'a periodic or ad hoc reception is hosted by the head of the committee',
          'hostUserId',
        )
      const codes: string[] = []
      for (const [i, raw] of input.caseCodes.entries()) {
        const code = normalizeTrackingCode(raw)
        const c = code ? await s.cases.getCase(code) : undefined
        // A case outside the recorder's reach is refused like one that does not exist.
        if (!code || !c || !staffReachesCase(user, c, committees))
          throw new RuleViolation('case_not_found', `no case ${raw} in your committees`, `caseCodes.${i}`)
        if (!codes.includes(code)) codes.push(code)
      }
      const session: ReceptionSession = {
        id: randomUUID(),
        committeeId: input.committeeId,
        date: input.date,
        type: input.type,
        hostUserId: host.id,
        hostName: host.displayName,
        hostIsHead,
        ...(input.location ? { location: input.location } : {}),
        visitors: input.visitors,
        delegations: input.delegations,
        caseCodes: codes,
        ...(input.notes ? { notes: input.notes } : {}),
        recordedBy: user.id,
        recordedAt: now.toISOString(),
      }
      await store.putSession(session)
      return sessionOut(session)
    },

    async list(user: ActingUser, committeeId: string, period: ReceptionPeriod) {
      const { committees } = await readable(user, committeeId)
      const { from, to } = rangeOf(period)
      const sessions = await store.listSessions(committeeId, from, to)
      // One GetItem per distinct case of the page; a case gone (or never there) is not reachable.
      const codes = [...new Set(sessions.flatMap((x) => x.caseCodes))]
      const reached = new Set<string>()
      await Promise.all(
        codes.map(async (code) => {
          const c = await s.cases.getCase(code)
          if (c && staffReachesCase(user, c, committees)) reached.add(code)
        }),
      )
      return {
        committeeId,
        from,
        to,
        items: sessions.map((x) => sessionOut(x, (code) => reached.has(code))),
      }
    },

    /** Sessions, visitors, cases and delegations of a period, and each head's reception days. */
    async summary(user: ActingUser, committeeId: string, period: ReceptionPeriod) {
      const { committee } = await readable(user, committeeId)
      const range = rangeOf(period)
      const [sessions, users] = await Promise.all([
        store.listSessions(committeeId, range.from, range.to),
        s.users.listUsers(),
      ])
      const perMonth = requiredDaysPerMonth(committee, RECEPTION_DEFAULTS)
      const heads = users.filter(
        (u) =>
          u.active && u.memberships.some((m) => m.role === 'committee_head' && m.committeeId === committeeId),
      )
      return {
        committeeId,
        ...range,
        ...receptionFigures(sessions),
        minimumDaysPerMonth: perMonth,
        basis: {
          vi: 'Người đứng đầu cấp ủy tiếp công dân ít nhất 1 ngày trong tháng (cấp xã: 2 ngày) — Luật Tiếp công dân 2013; Quy định 11-QĐi/TW',
          en: 'The head receives citizens at least 1 day a month (commune level: 2 days) — Law on Citizen Reception 2013; Regulation 11-QĐi/TW',
        },
        heads: heads.map((h) => ({
          displayName: h.displayName,
          ...headReceptionDays(h.id, sessions, range, perMonth),
        })),
      }
    },

    /** Figures of the committees' sessions in a period, for the accountability report. */
    async figures(committeeIds: readonly string[], from: LocalDate, to: LocalDate) {
      const sessions = (await Promise.all(committeeIds.map((id) => store.listSessions(id, from, to)))).flat()
      return receptionFigures(sessions)
    },
  }
}

export type ReceptionService = ReturnType<typeof createReceptionService>
