/**
 * What a change of the working calendar does to the cases already running: every deadline is
 * computed from the calendar when it is read, so the dates follow at once; this pass records, on
 * each open case whose running clock moved, one `deadlines_moved` event saying which clock moved
 * from which day to which and why (the notice or the day the admin recorded), and stores the new
 * watch plan so the queue order and the deadline watch follow too.
 *
 * Access: one Query per page of each committee's open queue (index committeeQueue) and one GetItem
 * per open case — no Scan; a calendar change is rare (a few times a year) and touches only open
 * cases.
 */
import type { LocalizedText, WorkingCalendar } from '../domain/calendar.js'
import { deadlinesOf, type NewEvent } from '../domain/case.js'
import { formatVietnamese, type LocalDate, vietnamDate } from '../domain/dates.js'
import type { DeadlineContext } from '../domain/deadlines.js'
import { VersionConflictError } from '../store/cases.js'
import { chainEvent } from '../store/history.js'
import type { Services } from './context.js'
import { watchPlanOf } from './watch-plan.js'

/** One clock's move, as the history event records it. */
export interface DeadlineMove {
  readonly clock: string
  readonly from: string
  readonly to: string
}

export interface CalendarChangeReport {
  readonly casesRead: number
  readonly casesMoved: number
}

const PAGE = 100
const ATTEMPTS = 3

/** The running clocks whose due date differs between two calendars. */
export function movedDeadlines(
  c: Parameters<typeof deadlinesOf>[0],
  before: DeadlineContext,
  after: DeadlineContext,
  today: LocalDate,
): DeadlineMove[] {
  const old = new Map(deadlinesOf(c, before, today).map((d) => [d.clock, d]))
  const moves: DeadlineMove[] = []
  for (const d of deadlinesOf(c, after, today)) {
    const was = old.get(d.clock)
    if (!was || (d.state !== 'running' && d.state !== 'paused')) continue
    if (was.dueDate !== d.dueDate) moves.push({ clock: d.clock, from: was.dueDate, to: d.dueDate })
  }
  return moves
}

/**
 * Records the moves the new calendar makes on every open case. `reason` says what changed
 * (for example "Lịch nghỉ Tết 2027 theo Thông báo … được ghi nhận").
 */
export async function recordCalendarChange(
  s: Services,
  before: WorkingCalendar,
  after: WorkingCalendar,
  reason: LocalizedText,
): Promise<CalendarChangeReport> {
  const [committees, settings, watch] = await Promise.all([
    s.settings.getCommittees(),
    s.settings.getDeadlineSettings(),
    s.settings.getWatchSettings(),
  ])
  const ctxBefore: DeadlineContext = { calendar: before, settings: settings.value }
  const ctxAfter: DeadlineContext = { calendar: after, settings: settings.value }
  let casesRead = 0
  let casesMoved = 0
  for (const committee of committees.value) {
    let cursor: string | undefined
    do {
      const page = await s.cases.listCommitteeQueue(committee.id, {
        limit: PAGE,
        ...(cursor ? { cursor } : {}),
      })
      cursor = page.cursor
      for (const summary of page.items) {
        casesRead++
        if (await moveOne(summary.code)) casesMoved++
      }
    } while (cursor)
  }
  s.logger.info('calendar change recorded on open cases', { casesRead, casesMoved })
  return { casesRead, casesMoved }

  async function moveOne(code: string): Promise<boolean> {
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      const current = await s.cases.getCase(code)
      if (!current) return false
      const now = s.now()
      const today = vietnamDate(now)
      const moves = movedDeadlines(current, ctxBefore, ctxAfter, today)
      if (moves.length === 0) return false
      const event: NewEvent = {
        type: 'deadlines_moved',
        at: now.toISOString(),
        actor: { kind: 'system' },
        public: false,
        data: {
          moves,
          // The timeline shows `reason`: the cause and each move, in the staff's first language.
          reason: `${reason.vi}: ${moves.map((m) => `${formatVietnamese(m.from as LocalDate)} → ${formatVietnamese(m.to as LocalDate)}`).join('; ')}`,
          reasonEn: `${reason.en}: ${moves.map((m) => `${m.from} → ${m.to}`).join('; ')}`,
        },
      }
      const candidate = { ...current, history: [...current.history, chainEvent(current.history, event)] }
      const { plan } = watchPlanOf(candidate, ctxAfter, watch.value, today)
      try {
        await s.cases.appendEvent(current, current.version, {}, event, plan)
        return true
      } catch (error) {
        if (error instanceof VersionConflictError && attempt < ATTEMPTS) continue
        throw error
      }
    }
    return false
  }
}
