/**
 * The watch plan of a case, derived at every write (intake, transition, sweep): its clocks, the
 * steps they bring, and from those the nearest due date, the next day to look at it and the
 * escalation rung. One function, so every writer keeps the deadline-watch index the same way.
 */
import type { CaseRecord } from '../domain/case.js'
import { deadlinesOf } from '../domain/case.js'
import type { LocalDate } from '../domain/dates.js'
import { type DeadlineContext, nextDue } from '../domain/deadlines.js'
import { caseMetrics } from '../domain/reports.js'
import {
  escalationLevel,
  nextWatchDate,
  pendingNews,
  plannedSteps,
  type WatchSettings,
} from '../domain/watch.js'
import type { WatchPlan } from '../store/cases.js'

export interface WatchedCase extends CaseRecord {
  readonly steps?: Readonly<Record<string, string>>
  readonly notifiedSeq?: number
}

export function watchPlanOf(c: WatchedCase, ctx: DeadlineContext, settings: WatchSettings, today: LocalDate) {
  const deadlines = deadlinesOf(c, ctx, today)
  const planned = plannedSteps(c, deadlines, settings, ctx.calendar)
  const done = c.steps ?? {}
  const news = pendingNews(c, c.notifiedSeq ?? 0)
  const plan: WatchPlan = {
    metrics: caseMetrics(c, deadlines, today),
    nextDue: nextDue(deadlines),
    nextWatch: nextWatchDate(planned, done, news.citizen.length + news.staff.length > 0, today),
    escalationLevel: escalationLevel(planned, done),
  }
  return { deadlines, planned, done, news, plan }
}
