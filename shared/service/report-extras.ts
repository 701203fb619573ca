/**
 * The parts of a committee's report that are not about cases: the accountability reports it owed
 * (requested in the period, submitted, on time, late, accepted, returned, still owed) and its
 * reception register (sessions, visitors, cases, delegations). Read per committee of the scope:
 * one Query of its requests of the period and one Query of its register.
 */
import { type AccountabilityFigures, accountabilityFigures } from '../domain/accountability.js'
import type { LocalDate } from '../domain/dates.js'
import type { ReceptionFigures } from '../domain/reception.js'
import { createAccountabilityStore, type StoredRequest } from '../store/accountability.js'
import type { Services } from './context.js'
import { createReceptionService } from './reception.js'

export interface ReportExtras {
  readonly accountability: AccountabilityFigures
  readonly reception: ReceptionFigures
}

export async function reportExtras(
  s: Services,
  committeeIds: readonly string[],
  period: { from: LocalDate; to: LocalDate; asOf: LocalDate },
): Promise<ReportExtras> {
  const store = createAccountabilityStore(s.db, s.tableName, { cursors: s.cursors })
  const requests: StoredRequest[] = []
  await Promise.all(
    committeeIds.map(async (id) => {
      let cursor: string | undefined
      do {
        const page = await store.listCommitteeRequests(id, period, { limit: 100, cursor })
        requests.push(...page.items)
        cursor = page.cursor
      } while (cursor)
    }),
  )
  return {
    accountability: accountabilityFigures(requests, period.from, period.to, period.asOf),
    reception: await createReceptionService(s).figures(committeeIds, period.from, period.to),
  }
}
