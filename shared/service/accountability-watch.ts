/**
 * Reminders for accountability reports owed, a step of the deadline sweep: reads the owedReports
 * index up to a short horizon (its cost grows with the reports owed, not with all requests), and
 * for each report due soon reminds the owing committee's head; for each report past its due date
 * tells the head and the requester. Each step happens once: the messages' ids come from the step
 * (writing one again is a no-op), then the step is recorded on the request conditionally.
 */
import {
  ACCOUNTABILITY_DEFAULTS,
  type AccountabilitySettings,
  OWED_STATES,
} from '../domain/accountability.js'
import { addDays, vietnamDate } from '../domain/dates.js'
import type { Committee } from '../domain/routing.js'
import { createAccountabilityStore } from '../store/accountability.js'
import { messageId, type Outbox } from '../store/outbox.js'
import type { User } from '../store/users.js'
import type { Services } from './context.js'

/** Longer than any run of days off (Tết with its weekends) plus the reminder's working days. */
const HORIZON_DAYS = 21

export interface OwedReportsWatchReport {
  readonly owedRead: number
  readonly stepsDone: number
  readonly messages: number
}

export function createAccountabilityWatch(
  s: Services,
  settings: AccountabilitySettings = ACCOUNTABILITY_DEFAULTS,
) {
  const store = createAccountabilityStore(s.db, s.tableName, { cursors: s.cursors })

  return {
    /** `post` writes a message (a no-op when it exists) and sends it: the sweep's outbox writer. */
    async run(context: {
      users: readonly User[]
      committees: readonly Committee[]
      post: (message: Parameters<Outbox['put']>[0]) => Promise<boolean>
    }): Promise<OwedReportsWatchReport> {
      const now = s.now()
      const today = vietnamDate(now)
      const { calendar } = await s.deadlineContext()
      const reachable = (u: User | undefined): u is User => Boolean(u?.active && u.email)
      let owedRead = 0
      let stepsDone = 0
      let messages = 0
      let cursor: string | undefined
      do {
        const page = await store.listOwed(addDays(today, HORIZON_DAYS), { limit: 100, cursor })
        for (const item of page.items) {
          owedRead++
          const late = today > item.dueOn
          const dueSoon =
            !late && calendar.workingDaysBetween(today, item.dueOn) <= settings.reminderWorkingDays
          if (!late && !dueSoon) continue
          try {
            const stepId = `${late ? 'late' : 'reminder'}@${item.dueOn}`
            const r = await store.getRequest(item.id)
            if (!r || !OWED_STATES.includes(r.state) || r.dueOn !== item.dueOn || r.steps?.[stepId]) continue
            const committee = context.committees.find((c) => c.id === r.committeeId)
            const heads = context.users.filter(
              (u) =>
                reachable(u) &&
                u.memberships.some((m) => m.role === 'committee_head' && m.committeeId === r.committeeId),
            )
            const requester = context.users.find((u) => u.id === r.requestedBy.id)
            const params = {
              subject: r.subject.vi,
              committee: committee?.name ?? r.committeeId,
              due: r.dueOn,
              state: r.state,
            }
            const recipients: [User, string][] = [
              ...heads.map((u): [User, string] => [u, late ? 'staff.report_late' : 'staff.report_due']),
              ...(late && reachable(requester)
                ? [[requester, 'staff.report_late_requester'] as [User, string]]
                : []),
            ]
            for (const [user, template] of recipients)
              if (
                await context.post({
                  id: messageId(`report-${r.id}`, stepId, user.id),
                  channel: 'email',
                  to: user.email!,
                  toSealed: false,
                  recipient: { kind: 'staff', userId: user.id },
                  language: 'vi',
                  template,
                  params,
                  createdAt: now.toISOString(),
                })
              )
                messages++
            if (await store.markStep(r.id, stepId, now.toISOString())) stepsDone++
          } catch (error) {
            // One request's trouble never stops the sweep: the step is not recorded, so it is retried.
            s.logger.error('owed-report reminder failed', {
              requestId: item.id,
              error: error instanceof Error ? error.message : String(error),
            })
          }
        }
        cursor = page.cursor
      } while (cursor)
      return { owedRead, stepsDone, messages }
    },
  }
}
