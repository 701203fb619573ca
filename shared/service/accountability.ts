/**
 * Accountability reports owed: requiring one, reading and listing them, the owing head's
 * submission (pre-filled with the report figures for a period), the requester's acceptance or
 * return. Steps are conditional on the version the caller read.
 */
import {
  type AccountabilityRequest,
  type AccountabilityRequestInput,
  actingRoleFor,
  allowedRequestActions,
  caseReportDue,
  decideRequestAction,
  isLate,
  mayReadRequests,
  mayRequire,
  OWED_STATES,
  periodicReportDue,
  periodReportDue,
  type RequestAction,
  type RequestState,
  requestPeriod,
  returnedReportDue,
  submittedOnTime,
} from '../domain/accountability.js'
import { caseNotFound, deadlinesOf } from '../domain/case.js'
import { type LocalDate, vietnamDate } from '../domain/dates.js'
import { DomainError, NotFoundError, RuleViolation } from '../domain/errors.js'
import { isOpen } from '../domain/lifecycle.js'
import type { ActingUser } from '../domain/policy.js'
import { staffReachesCase } from '../domain/policy.js'
import type { Report } from '../domain/reports.js'
import type { Committee } from '../domain/routing.js'
import { formatTrackingCode, normalizeTrackingCode } from '../domain/tracking-code.js'
import type { Language } from '../domain/vocabulary.js'
import {
  createAccountabilityStore,
  isRequestId,
  newRequestId,
  type RequestSummary,
  RequestVersionConflict,
  type StoredRequest,
} from '../store/accountability.js'
import type { Services } from './context.js'
import { canReadReport, createReportService } from './reports.js'

export interface ReportDraft {
  /** The figures the report is built on (the committee and the committees below it). */
  readonly figures: Record<string, number | null>
  readonly text: { readonly vi: string; readonly en: string }
  readonly asOf: LocalDate
}

const pct = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`)

/** The figures of a report summarised for a committee's explanation, in Vietnamese and English. */
export function draftFromReport(report: Report): ReportDraft {
  const t = report.total
  const figures = {
    carriedOver: t.caseload.carriedOver.total,
    received: t.caseload.received.total,
    processed: t.processing.processed,
    processedLate: t.processing.late,
    inJurisdiction: t.jurisdiction.inJurisdiction,
    resolved: t.resolution.resolved,
    resolvedOnTime: t.resolution.onTime,
    resolvedOverdue: t.resolution.overdue,
    onTimeRate: t.resolution.onTimeRate,
    inProgress: t.standing.inProgress,
    overdueOpen: t.overdueOpen.total,
    medianDaysToResolution: t.responseTimes.resolution.median ?? null,
  }
  const period = `${report.from.split('-').reverse().join('/')} – ${report.to.split('-').reverse().join('/')}`
  const vi = [
    `Kỳ báo cáo ${period} (số liệu đến ngày ${report.asOf.split('-').reverse().join('/')}):`,
    `- Kỳ trước chuyển sang: ${figures.carriedOver} đơn; tiếp nhận trong kỳ: ${figures.received} đơn.`,
    `- Đã xử lý: ${figures.processed} đơn (quá hạn xử lý: ${figures.processedLate}); thuộc thẩm quyền: ${figures.inJurisdiction}.`,
    `- Đã giải quyết: ${figures.resolved} đơn, đúng hạn ${figures.resolvedOnTime}, quá hạn ${figures.resolvedOverdue} (tỷ lệ đúng hạn ${pct(figures.onTimeRate)}).`,
    `- Đang giải quyết: ${figures.inProgress}; quá hạn chưa giải quyết: ${figures.overdueOpen}.`,
    'Giải trình của người đứng đầu:',
  ].join('\n')
  const en = [
    `Period ${report.from} – ${report.to} (figures as of ${report.asOf}):`,
    `- Carried over: ${figures.carriedOver}; received in the period: ${figures.received}.`,
    `- Processed: ${figures.processed} (processed late: ${figures.processedLate}); within jurisdiction: ${figures.inJurisdiction}.`,
    `- Resolved: ${figures.resolved}, on time ${figures.resolvedOnTime}, overdue ${figures.resolvedOverdue} (on-time rate ${pct(figures.onTimeRate)}).`,
    `- Being resolved: ${figures.inProgress}; open and overdue: ${figures.overdueOpen}.`,
    "The head's explanation:",
  ].join('\n')
  return { figures, text: { vi, en }, asOf: report.asOf }
}

function committeeName(committees: readonly Committee[], id: string, lang: Language): string {
  const c = committees.find((x) => x.id === id)
  return (lang === 'en' ? c?.nameEn : undefined) ?? c?.name ?? id
}

function notFound(): never {
  throw new NotFoundError('report_request_not_found', 'no accountability request with this id')
}

export function createAccountabilityService(s: Services) {
  const store = createAccountabilityStore(s.db, s.tableName, { cursors: s.cursors })
  const reports = createReportService(s)

  /** The figures of the request's period, when the period has begun and the user may read them. */
  async function draftFor(r: AccountabilityRequest, user: ActingUser, committees: readonly Committee[]) {
    if (!r.period || r.kind === 'case') return undefined
    const today = vietnamDate(s.now())
    if (r.period.from > today || !canReadReport(user, r.committeeId, committees)) return undefined
    return draftFromReport(
      (await reports.report(user, r.committeeId, { from: r.period.from, to: r.period.to })) as Report,
    )
  }

  async function view(r: StoredRequest, user: ActingUser, committees: readonly Committee[], lang: Language) {
    const today = vietnamDate(s.now())
    const owed = OWED_STATES.includes(r.state)
    return {
      id: r.id,
      version: r.version,
      kind: r.kind,
      committeeId: r.committeeId,
      committeeName: committeeName(committees, r.committeeId, lang),
      state: r.state,
      late: isLate(r, today),
      subject: r.subject[lang],
      note: r.note,
      ...(r.caseCode ? { trackingCode: formatTrackingCode(r.caseCode) } : {}),
      period: r.period,
      requestedOn: r.requestedOn,
      requestedBy: r.requestedBy,
      dueOn: r.dueOn,
      firstDueOn: r.firstDueOn,
      basis: r.basis[lang],
      explanation: r.explanation[lang],
      firstSubmittedOn: r.firstSubmittedOn,
      submittedOnTime: r.firstSubmittedOn === undefined ? undefined : submittedOnTime(r),
      submissions: r.submissions,
      history: r.history,
      allowedActions: allowedRequestActions(user, r, committees),
      ...(owed ? { draft: await draftFor(r, user, committees) } : {}),
    }
  }

  async function loadReadable(id: string, user: ActingUser, committees: readonly Committee[]) {
    const r = isRequestId(id) ? await store.getRequest(id) : undefined
    // Outside the caller's committees a request is as absent as one that does not exist.
    if (!r || !mayReadRequests(user, r.committeeId, committees)) notFound()
    return r
  }

  function summaryOut(r: RequestSummary, committees: readonly Committee[], lang: Language, today: LocalDate) {
    return {
      id: r.id,
      kind: r.kind,
      committeeId: r.committeeId,
      committeeName: committeeName(committees, r.committeeId, lang),
      state: r.state,
      subject: r.subject[lang],
      requestedOn: r.requestedOn,
      dueOn: r.dueOn,
      late: isLate(r, today),
      version: r.version,
    }
  }

  return {
    store,

    /** Requires a committee to report. @throws 404 for a case outside the caller's reach, 422 for a case not overdue. */
    async require(input: AccountabilityRequestInput, user: ActingUser, lang: Language) {
      const [committees, ctx] = await Promise.all([
        s.settings.getCommittees().then((c) => c.value),
        s.deadlineContext(),
      ])
      const now = s.now()
      const today = vietnamDate(now)
      let request: Omit<AccountabilityRequest, 'id' | 'version' | 'history' | 'submissions' | 'requestedBy'>
      // What every request records of its note and its time limit, whatever it asks for.
      const dated = (due: ReturnType<typeof periodReportDue>) => ({
        ...(input.note ? { note: input.note } : {}),
        requestedOn: today,
        dueOn: due.dueOn,
        firstDueOn: due.dueOn,
        basis: due.basis,
        explanation: due.explanation,
      })
      if (input.kind === 'case') {
        const code = normalizeTrackingCode(input.trackingCode)
        if (!code) throw new RuleViolation('tracking_code', 'not a valid tracking code', 'trackingCode')
        const c = await s.cases.getCase(code)
        if (!c || !staffReachesCase(user, c, committees)) caseNotFound()
        if (!mayRequire(user, c.committeeId, committees))
          throw new DomainError(
            'forbidden',
            'only supervisors and the heads above the committee require a report',
            403,
          )
        const overdue = isOpen(c.status)
          ? deadlinesOf(c, ctx, today).filter((d) => d.obligation === 'organisation' && d.state === 'missed')
          : []
        if (overdue.length === 0)
          throw new RuleViolation(
            'case_not_overdue',
            'a report on one case is required when the case is open and past a time limit (Law 25/2018 Art. 38); this one is not',
            'trackingCode',
          )
        const due = caseReportDue(today, ctx.calendar, c.kind)
        const display = formatTrackingCode(code)
        request = {
          kind: 'case',
          committeeId: c.committeeId,
          state: 'requested',
          caseCode: code,
          subject: {
            vi: `Giải trình việc chậm giải quyết đơn ${display} (quá hạn từ ${overdue[0]!.dueDate.split('-').reverse().join('/')})`,
            en: `Explain the delay on case ${display} (overdue since ${overdue[0]!.dueDate})`,
          },
          ...dated(due),
        }
      } else {
        if (!committees.some((c) => c.id === input.committeeId))
          throw new RuleViolation(
            'unknown_committee',
            `there is no committee '${input.committeeId}'`,
            'committeeId',
          )
        if (!mayRequire(user, input.committeeId, committees))
          throw new DomainError(
            'forbidden',
            'only supervisors and the heads above the committee require a report',
            403,
          )
        const { period, subject } = requestPeriod(input, today)
        const due =
          input.kind === 'period'
            ? periodReportDue(today, ctx.calendar, input.dueInWorkingDays)
            : periodicReportDue(today, period.to, ctx.calendar)
        request = {
          kind: input.kind,
          committeeId: input.committeeId,
          state: 'requested',
          subject,
          period,
          ...dated(due),
        }
      }
      const supervisor = user.memberships.some((m) => m.role === 'supervisor')
      const requesterCommitteeId = supervisor
        ? undefined
        : user.memberships.find((m) => m.role === 'committee_head' && m.committeeId !== request.committeeId)
            ?.committeeId
      const actor = { id: user.id, role: supervisor ? ('supervisor' as const) : ('committee_head' as const) }
      const stored: StoredRequest = {
        ...request,
        id: newRequestId(request.committeeId, today),
        version: 1,
        requestedBy: actor,
        ...(requesterCommitteeId ? { requesterCommitteeId } : {}),
        submissions: [],
        history: [
          {
            at: now.toISOString(),
            on: today,
            type: 'requested',
            actor,
            dueOn: request.dueOn,
            ...(input.note ? { note: input.note } : {}),
          },
        ],
      }
      await store.createRequest(stored)
      return view(stored, user, committees, lang)
    },

    async get(id: string, user: ActingUser, lang: Language) {
      const committees = (await s.settings.getCommittees()).value
      return view(await loadReadable(id, user, committees), user, committees, lang)
    },

    /**
     * A committee's requests (newest first, paged), or, without a committee, every report still
     * owed in the caller's reach, nearest due date first (late ones lead), in one answer.
     */
    async list(
      user: ActingUser,
      query: { committeeId?: string; state?: RequestState; late?: boolean; limit: number; cursor?: string },
      lang: Language,
    ) {
      const committees = (await s.settings.getCommittees()).value
      const today = vietnamDate(s.now())
      const keep = (r: RequestSummary) =>
        (query.state === undefined || r.state === query.state) &&
        (query.late === undefined || isLate(r, today) === query.late)
      if (query.committeeId) {
        if (!committees.some((c) => c.id === query.committeeId))
          throw new DomainError('unknown_committee', `there is no committee '${query.committeeId}'`, 404)
        if (!mayReadRequests(user, query.committeeId, committees))
          throw new DomainError('forbidden', "this committee's reports are outside your committees", 403)
        const page = await store.listCommitteeRequests(
          query.committeeId,
          {},
          { limit: query.limit, cursor: query.cursor },
        )
        return {
          items: page.items.filter(keep).map((r) => summaryOut(r, committees, lang, today)),
          cursor: page.cursor,
        }
      }
      if (query.state && !OWED_STATES.includes(query.state))
        throw new RuleViolation(
          'committee_required',
          'without a committee the list holds the reports still owed; give committeeId for submitted or accepted ones',
          'committeeId',
        )
      if (
        !user.memberships.some(
          (m) => m.role === 'supervisor' || m.role === 'committee_head' || m.role === 'committee_handler',
        )
      )
        throw new DomainError('forbidden', 'accountability reports are for supervisors and committees', 403)
      // The owed list is short (one item per report still owed, organisation-wide): it is read
      // through and returned whole, so filtering by reach never hides a report behind a page.
      const items: RequestSummary[] = []
      let cursor: string | undefined
      do {
        const page = await store.listOwed(undefined, { limit: 100, cursor })
        for (const r of page.items)
          if (mayReadRequests(user, r.committeeId, committees) && keep(r)) items.push(r)
        cursor = page.cursor
      } while (cursor)
      return { items: items.map((r) => summaryOut(r, committees, lang, today)) }
    },

    /** submit / accept / return, on the version the caller read. */
    async act(
      id: string,
      action: RequestAction,
      expectedVersion: number,
      body: { explanation?: string; reason?: string; note?: string },
      user: ActingUser,
      lang: Language,
    ) {
      const committees = (await s.settings.getCommittees()).value
      const r = await loadReadable(id, user, committees)
      // A stale version is a 412 before any state check: of two concurrent submissions the second
      // learns that the report changed, not that it was already submitted by someone it never saw.
      if (r.version !== expectedVersion && actingRoleFor(user, action, r.committeeId, committees))
        throw new RequestVersionConflict(r.id, expectedVersion)
      const role = decideRequestAction(user, action, r, committees)
      const now = s.now()
      const today = vietnamDate(now)
      const actor = { id: user.id, role }
      let next: StoredRequest
      if (action === 'submit') {
        const draft = await draftFor(r, user, committees)
        next = {
          ...r,
          state: 'submitted',
          firstSubmittedOn: r.firstSubmittedOn ?? today,
          submissions: [
            ...r.submissions,
            {
              at: now.toISOString(),
              on: today,
              by: user.id,
              explanation: body.explanation!,
              ...(draft ? { figures: draft.figures } : {}),
            },
          ],
          history: [...r.history, { at: now.toISOString(), on: today, type: 'submitted', actor }],
        }
      } else if (action === 'accept') {
        next = {
          ...r,
          state: 'accepted',
          history: [
            ...r.history,
            {
              at: now.toISOString(),
              on: today,
              type: 'accepted',
              actor,
              ...(body.note ? { note: body.note } : {}),
            },
          ],
        }
      } else {
        const ctx = await s.deadlineContext()
        const dueOn = returnedReportDue(today, ctx.calendar)
        next = {
          ...r,
          state: 'returned',
          dueOn,
          history: [
            ...r.history,
            { at: now.toISOString(), on: today, type: 'returned', actor, note: body.reason!, dueOn },
          ],
        }
      }
      next = { ...next, version: r.version + 1 }
      await store.saveRequest(next, expectedVersion)
      return view(next, user, committees, lang)
    },
  }
}

export type AccountabilityService = ReturnType<typeof createAccountabilityService>
