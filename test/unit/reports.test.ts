/**
 * The report maths (docs/domain.md#reports) against 56 hand-built cases (fixtures/report-cases.ts)
 * whose clocks come from the real deadline engine, working calendar and default settings. The
 * report under test is the bloc's third quarter of 2026 (1 Jul – 30 Sep), run on 15 Oct, so open
 * cases are measured on 30 Sep. Every expected figure is tallied by hand from the fixture: the
 * comment beside each lists the cases behind it.
 *
 * Scope notes for the tallies: C01–C03 were done before the period and C04 arrived after it, so
 * they appear nowhere. C40 was received at btc on 15 Jul and transferred to byt on 17 Jul: in the
 * bloc's figures it counts once, from 15 Jul, with byt's handling.
 */
import { describe, expect, it } from 'vitest'
import { COMMITTEES } from '../../local/demo-data.js'
import { WorkingCalendar } from '../../shared/domain/calendar.js'
import { type CaseRecord, deadlinesOf } from '../../shared/domain/case.js'
import type { LocalDate } from '../../shared/domain/dates.js'
import { DEFAULT_DEADLINE_SETTINGS } from '../../shared/domain/deadline-rules.js'
import type { DeadlineContext } from '../../shared/domain/deadlines.js'
import { RuleViolation } from '../../shared/domain/errors.js'
import {
  buildReport,
  type CaseMetrics,
  caseMetrics,
  netDays,
  percentile,
  periodRange,
  REPORT_NOTES,
  type ReportFigures,
  settledOn,
  validateReportRequest,
} from '../../shared/domain/reports.js'
import { petition, REPORT_CASES, TODAY } from './fixtures/report-cases.js'

const ctx: DeadlineContext = { calendar: new WorkingCalendar(), settings: DEFAULT_DEADLINE_SETTINGS }

function metricsOf(c: CaseRecord, today: LocalDate = TODAY): CaseMetrics {
  return caseMetrics(c, deadlinesOf(c, ctx, today), today)
}

const ROWS = REPORT_CASES.map((c) => metricsOf(c))
const Q3 = { from: '2026-07-01', to: '2026-09-30' } as const

function report(committeeId: string, period: { from: LocalDate; to: LocalDate } = Q3, rows = ROWS) {
  return buildReport(rows, { committeeId, ...period, today: TODAY, committees: COMMITTEES })
}

function fixtureCase(code: string): CaseRecord {
  const found = REPORT_CASES.find((c) => c.code === code)
  if (!found) throw new Error(`no fixture case ${code}`)
  return found
}

/** Runs `act` and returns the RuleViolation it threw, failing the test when it throws anything else or nothing. */
function violation(act: () => unknown): RuleViolation {
  try {
    act()
  } catch (error) {
    if (error instanceof RuleViolation) return error
    throw error
  }
  throw new Error('expected a RuleViolation')
}

// ---------------------------------------------------------------------------------------------------

describe('case metrics', () => {
  it('reads a resolved complaint with a suspension into dated facts', () => {
    const m = metricsOf(fixtureCase('C17'))

    // Acceptance 7 WD from 7 Jul → 16 Jul; resolution from 9 Jul: 6 days, paused 15–25 Jul, 24 more → 18 Aug.
    expect(m).toEqual({
      v: 1,
      at: '2026-10-15',
      k: 'complaint',
      ch: 'post',
      mp: false,
      r: '2026-07-07',
      c: 'btc',
      s: 'resolved',
      d: 'accepted',
      dd: '2026-07-09',
      dt: 'met',
      da: '2026-07-16',
      fr: '2026-07-09',
      rv: '2026-08-14',
      ro: 'upheld',
      rd: '2026-08-18',
      rs: 'met',
      sp: [['2026-07-15', '2026-07-25']],
      // 7 Jul → 9 Jul; 7 Jul → 14 Aug = 38 days less 16–25 Jul (10 suspended days).
      tf: 2,
      tr: 28,
    })
  })

  it('starts the round at the committee an internal transfer brought the case to', () => {
    const m = metricsOf(fixtureCase('C40'))

    // byt's acceptance clock runs 7 WD from the transfer on 17 Jul → 28 Jul, not from receipt at btc.
    expect(m).toEqual({
      v: 1,
      at: '2026-10-15',
      k: 'denunciation',
      ch: 'post',
      mp: false,
      r: '2026-07-15',
      c: 'byt',
      s: 'resolved',
      xf: { c: 'btc', on: '2026-07-17' },
      d: 'accepted',
      dd: '2026-07-20',
      dt: 'met',
      da: '2026-07-28',
      fr: '2026-07-20',
      rv: '2026-08-18',
      ro: 'unfounded',
      rd: '2026-08-19',
      rs: 'met',
      // From receipt at btc on 15 Jul: told of the transfer on 17 Jul, resolved on 18 Aug.
      tf: 2,
      tr: 34,
    })
  })

  it('counts days from receipt to first response and to resolution without the suspended days', () => {
    // C10: 8 Jun → 10 Jun; 8 Jun → 25 Jul = 47 days less 21 Jun – 10 Jul (20 days) = 27.
    expect(metricsOf(fixtureCase('C10'))).toMatchObject({ tf: 2, tr: 27 })
    // C45: 17 Aug → 19 Aug; 17 Aug → 25 Sep = 39 days less 26 Aug – 8 Sep (14 days) = 25.
    expect(metricsOf(fixtureCase('C45'))).toMatchObject({ tf: 2, tr: 25 })
    // C19 is not resolved yet.
    expect(metricsOf(fixtureCase('C19'))).toMatchObject({ tf: 38 })
    expect(metricsOf(fixtureCase('C19')).tr).toBeUndefined()
  })

  it('keeps the date an open case became overdue, and its chases', () => {
    const m = metricsOf(fixtureCase('C11'))

    expect(m).toMatchObject({
      s: 'verifying',
      rd: '2026-04-03',
      od: '2026-04-03',
      cs: ['2026-08-15', '2026-10-05'],
    })
    expect(m.rv).toBeUndefined()
  })

  it('leaves a suspension open and gives no overdue date while the clock is stopped', () => {
    const m = metricsOf(fixtureCase('C24'))

    expect(m.sp).toEqual([['2026-08-10']])
    expect(m.od).toBeUndefined()
  })

  it('takes the decision clock of a transfer from the transfer time limit', () => {
    // C29: transfer 5 WD from 9 Jul → 16 Jul, done on 17 Jul: late, though the acceptance clock ran to 20 Jul.
    expect(metricsOf(fixtureCase('C29'))).toMatchObject({
      d: 'transferred',
      dd: '2026-07-17',
      dt: 'missed',
      da: '2026-07-20',
    })
    // C36: accepted 28 Aug after its 24 Aug limit.
    expect(metricsOf(fixtureCase('C36'))).toMatchObject({ d: 'accepted', dt: 'missed' })
  })

  it('marks duplicates and linked repeats, and gives a duplicate no first response', () => {
    const duplicate = metricsOf(fixtureCase('C31'))
    const repeat = metricsOf(fixtureCase('C35'))

    expect(duplicate).toMatchObject({ d: 'duplicate', rp: 'duplicate' })
    expect(duplicate.fr).toBeUndefined()
    expect(repeat).toMatchObject({ rp: 'repeat', fr: '2026-08-04', sc: 5 })
  })

  it('records full and partial withdrawals and extension decisions with their complexity', () => {
    expect(metricsOf(fixtureCase('C26'))).toMatchObject({ wf: '2026-07-23' })
    expect(metricsOf(fixtureCase('C25'))).toMatchObject({ wp: ['2026-08-01'] })
    expect(metricsOf(fixtureCase('C25')).wf).toBeUndefined()
    expect(metricsOf(fixtureCase('C28')).ex).toEqual([
      ['2026-08-01', 'especially_complex'],
      ['2026-09-01', 'especially_complex'],
    ])
  })

  it('keeps the first valid rating and ignores scores outside 1 to 5', () => {
    const c = petition({
      code: 'R1',
      committee: 'btc',
      kind: 'feedback',
      channel: 'online',
      received: '2026-08-03',
      status: 'resolved',
      steps: [
        ['accepted', '2026-08-04'],
        ['resolved', '2026-08-06', { outcome: 'answered' }],
        ['rated', '2026-08-07', { score: 7 }],
        ['rated', '2026-08-08', { score: 2 }],
        ['rated', '2026-08-09', { score: 5 }],
      ],
    })

    expect(metricsOf(c).sc).toBe(2)
  })

  it('is plain JSON that survives a round trip and stays small', () => {
    for (const row of ROWS) {
      const json = JSON.stringify(row)
      expect(JSON.parse(json)).toEqual(row)
      expect(json.length, row.r).toBeLessThan(400)
    }
  })

  it('settles a case on its first decision other than acceptance, its resolution or its withdrawal', () => {
    expect(settledOn(metricsOf(fixtureCase('C29')))).toBe('2026-07-17')
    expect(settledOn(metricsOf(fixtureCase('C14')))).toBe('2026-07-30')
    expect(settledOn(metricsOf(fixtureCase('C13')))).toBe('2026-07-06')
    expect(settledOn(metricsOf(fixtureCase('C19')))).toBeUndefined()
  })
})

// ---------------------------------------------------------------------------------------------------

describe('the bloc report for the third quarter of 2026', () => {
  const bloc = report('dukhoi')
  const t = bloc.total

  it('covers the bloc and every committee below it, measures open cases on 30 Sep and explains itself', () => {
    expect(bloc).toMatchObject({
      committeeId: 'dukhoi',
      from: '2026-07-01',
      to: '2026-09-30',
      asOf: '2026-09-30',
    })
    expect([...bloc.scope].sort()).toEqual(COMMITTEES.map((c) => c.id).sort())
    expect(bloc.notes).toBe(REPORT_NOTES)
    expect(bloc.notes.some((n) => n.en.includes('not counting the time the case was suspended'))).toBe(true)
    expect(bloc.notes.some((n) => n.vi.includes('không tính thời gian tạm đình chỉ'))).toBe(true)
  })

  it('asserts every block of figures below (a new figure needs a test)', () => {
    expect(Object.keys(t).sort()).toEqual(
      [
        'byKind',
        'caseload',
        'extensions',
        'jurisdiction',
        'overdueOpen',
        'processing',
        'repeats',
        'resolution',
        'responseTimes',
        'satisfaction',
        'standing',
        'suspensions',
        'withdrawals',
      ].sort(),
    )
  })

  it('counts the caseload: carried over and received, single and multi-person, by channel', () => {
    // Carried over (arrived before 1 Jul, not done before it): 11.
    //   awaiting a decision: C05 C06 C07 C53 = 4; being resolved: C08 C09 C10 C11 C12 C13 C54 = 7.
    // Received 1 Jul – 30 Sep: C14–C52 (39) + C55 C56 = 41; multi-person C16 (7) C42 (12) C44 (5) = 3.
    //   online C14 C23 C27 C30 C32 C35 C37 C46 C49 C51 C52 = 11; in person C16 C20 C26 C42 C44 C55 = 6;
    //   post C15 C17 C19 C21 C22 C24 C25 C28 C29 C33 C38 C40 C41 C43 C45 C47 C56 = 17;
    //   e-mail C18 C31 C36 C48 = 4; hotline C34 C50 = 2; from another agency C39 = 1.
    expect(t.caseload).toEqual({
      total: 52,
      carriedOver: { total: 11, awaitingDecision: 4, inResolution: 7 },
      received: {
        total: 41,
        single: 38,
        multiPerson: 3,
        transferredIn: 1,
        byChannel: { online: 11, in_person: 6, post: 17, email: 4, hotline: 2, transferred_in: 1 },
      },
    })
  })

  it('counts first decisions made in the period, their timeliness and eligibility', () => {
    // Decided in the period: carried C05 C06 C53 + received 41 less the undecided C23 C26 C37 C38 C46 C55 = 38.
    //   accepted: C05 C53 C14 C15 C16 C17 C19 C20 C21 C22 C24 C25 C27 C28 C32 C34 C35 C36 C39 C40 C41 C42 C44
    //             C45 C49 C52 C56 = 27
    //   refused C18 C43; guided C33 C48; transferred C06 C29 C47; filed C30 C50; duplicate C31 C51.
    //   late: C05 (limit 2 Jul), C19 (22 Jul), C29 (transfer limit 16 Jul), C36 (24 Aug) = 4; the other 34 on time.
    //   eligible = 27 + 2 + 3 = 32; not eligible = 2 + 2 + 2 = 6.
    expect(t.processing).toEqual({
      processed: 38,
      onTime: 34,
      late: 4,
      timelinessUnknown: 0,
      byDecision: { accepted: 27, refused: 2, guided: 2, transferred: 3, filed: 2, duplicate: 2 },
      eligible: 32,
      notEligible: 6,
    })
  })

  it('splits decisions by jurisdiction and counts chases in the period', () => {
    // In jurisdiction: the 27 accepted. Not: guided 2 + transferred 3 (all to outside bodies) = 5.
    // Chased in the period: C11 (15 Aug; its 5 Oct chase is after), C19 (10 and 25 Sep), C46 (20 Sep): 3 cases, 4 chases.
    expect(t.jurisdiction).toEqual({
      inJurisdiction: 27,
      notInJurisdiction: 5,
      guided: 2,
      transferred: { total: 3, toCommittee: 0, toOutsideBody: 3 },
      chased: { cases: 3, chases: 4 },
      transferRepliesReceived: null,
    })
  })

  it('says where each case of the caseload stands at the end of the period', () => {
    // Resolved in the period: C05 C08 C09 C10 C12 C14 C15 C16 C17 C25 C27 C32 C34 C35 C36 C39 C40 C41 C42 C44
    //   C45 C49 C53 = 23.
    // Ended otherwise: the 11 refused/guided/transferred/filed/duplicate + withdrawn C13 C26 = 13.
    // Being resolved on 30 Sep: C11 C19 C20 C21 (resolved only on 10 Oct) C22 C24 C28 C52 C54 C56 = 10.
    // No decision by 30 Sep: C07 C23 C37 (guided 2 Oct) C38 C46 C55 = 6.    23 + 13 + 10 + 6 = 52.
    expect(t.standing).toEqual({
      resolved: 23,
      endedWithoutResolution: 13,
      inProgress: 10,
      notYetResolved: 6,
    })
  })

  it('counts resolutions on time and overdue, and their outcomes', () => {
    // To resolve: 7 carried in resolution + 27 accepted in the period = 34 (= 23 resolved + C13 withdrawn + 10 open).
    // Overdue: C08 (limit 19 Jun), C12 (30 Jun), C15 (5 Aug), C27 (3 Sep despite its extension), C34 (28 Jul),
    //   C42 (19 Aug) = 6; on time 17.
    // Outcomes: rejected C05 C15 C25 C41; upheld C14 C17 C39 C53; partly upheld C08 C16 C42; founded C09 C27 C44;
    //   unfounded C10 C40; partly founded C45; answered C12 C34 C35; adopted C32 C49; not adopted C36.
    expect(t.resolution).toEqual({
      toResolve: 34,
      resolved: 23,
      onTime: 17,
      overdue: 6,
      onTimeRate: 17 / 23,
      withdrawn: 1,
      byOutcome: {
        rejected: 4,
        upheld: 4,
        partly_upheld: 3,
        founded: 3,
        unfounded: 2,
        partly_founded: 1,
        answered: 3,
        adopted: 2,
        not_adopted: 1,
      },
    })
  })

  it('ages the cases open and overdue on 30 September', () => {
    // Awaiting a decision: C07 (limit 13 Jul: 79 days), C37 (21 Sep: 9), C46 (11 Sep: 19).
    // Being resolved: C11 (3 Apr: 180), C19 (21 Sep: 9), C20 (4 Sep: 26), C21 (25 Sep: 5), C54 (6 Feb: 236),
    //   C56 (4 Aug: 57). Not overdue: C52 (due on 30 Sep itself), C24 (suspended), C22 and C28 (October).
    // 1–7: C21; 8–30: C19 C20 C37 C46; 31–90: C07 C56; over 90: C11 C54.
    expect(t.overdueOpen).toEqual({
      total: 9,
      awaitingDecision: 3,
      inResolution: 6,
      byAge: { '1-7': 1, '8-30': 4, '31-90': 2, '>90': 2 },
    })
  })

  it('counts extension decisions in the period by the complexity that justified them', () => {
    // C16 (20 Jul, complex), C27 (28 Jul, complex), C28 (1 Aug and 1 Sep, especially complex); C09's is from June.
    expect(t.extensions).toEqual({
      decisions: 4,
      cases: 3,
      byComplexity: { normal: 0, complex: 2, especially_complex: 2 },
    })
  })

  it('counts suspensions and the suspended days that fall in the period', () => {
    // Started: C17 (15 Jul), C24 (10 Aug), C45 (25 Aug); C10's started on 20 Jun.
    // Resumed: C10 (10 Jul), C17 (25 Jul), C45 (8 Sep). Still suspended on 30 Sep: C24.
    // Days: C10 1–10 Jul = 10; C17 16–25 Jul = 10; C24 11 Aug – 30 Sep = 51; C45 26 Aug – 8 Sep = 14. Total 85.
    expect(t.suspensions).toEqual({ started: 3, cases: 3, resumed: 3, suspendedAtEnd: 1, days: 85 })
  })

  it('counts full and partial withdrawals in the period', () => {
    // Full: C13 (during resolution), C26 (before any decision). Partial: C25.
    expect(t.withdrawals).toEqual({ full: 2, partial: 1 })
  })

  it('gives the median and 90th percentile of days to first response and to resolution, less suspended days', () => {
    // First responses in the period (36; duplicates C31 C51 got none):
    //   1 day ×10: C30 C32 C34 C35 C39 C48 C49 C50 C52 C56
    //   2 days ×16: C14 C16 C17 C20 C21 C22 C24 C25 C27 C28 C33 C40 (the transfer on 17 Jul) C43 C44 C45 C47
    //   4 days ×5: C53 C15 C18 C41 C42; then C06 6, C29 8, C36 18, C05 28, C19 38.
    //   Median = rank ⌈18⌉ = 18th → 2; 90th = rank ⌈32.4⌉ = 33rd → 8.
    // Resolutions in the period (23), days from receipt less suspended days:
    //   C35 3, C49 8, C32 9, C12 17, C45 25 (39 − 14), C25 26, C10 27 (47 − 20), C17 28 (38 − 10), C34 28,
    //   C14 29, C39 29, C44 30, C36 32, C53 32, C41 33, C40 34, C16 46, C05 49, C15 49, C08 51, C42 54, C09 57, C27 71.
    //   Median = rank ⌈11.5⌉ = 12th → 30; 90th = rank ⌈20.7⌉ = 21st → 54.
    expect(t.responseTimes).toEqual({
      firstResponse: { count: 36, median: 2, p90: 8 },
      resolution: { count: 23, median: 30, p90: 54 },
    })
  })

  it('gives the repeat rate of the petitions received', () => {
    // Duplicates C31 C51, linked repeats C35 C38: 4 of 41 received.
    expect(t.repeats).toEqual({ duplicates: 2, linkedRepeats: 2, total: 4, rate: 4 / 41 })
  })

  it('rates the answers given in the period, whenever the rating came', () => {
    // C08 2, C09 4, C14 5, C15 1, C16 3, C32 4, C34 2, C35 5, C42 3, C49 4, C45 5 (rated 3 Oct).
    // C01's rating is of an answer given in May. Sum 38 over 11.
    expect(t.satisfaction).toEqual({
      count: 11,
      mean: 38 / 11,
      distribution: { '1': 1, '2': 2, '3': 2, '4': 3, '5': 3 },
    })
  })

  it('breaks the main figures down by kind, recommendations and feedback together and apart', () => {
    // Complaints: received C14–C26 C39 C41 C42 C43 = 17; processed = 15 of them (not C23 C26) + C05 C53 = 17;
    //   accepted 15 (refused C18 C43); resolved C05 C08 C14 C15 C16 C17 C25 C39 C41 C42 C53 = 11, overdue
    //   C08 C15 C42; overdue open C11 C19 C20 C21.
    // Denunciations: received C27–C31 C40 C44 C45 C46 = 9; processed C06 C27 C28 C29 C30 C31 C40 C44 C45 = 9;
    //   eligible = accepted C27 C28 C40 C44 C45 + transferred C06 C29 = 7; resolved C09 C10 C27 C40 C44 C45 = 6,
    //   overdue C27; overdue open C46 C54.
    // Recommendations: received C32 C33 C36 C47 C48 C52 = 6, all processed and eligible; accepted C32 C36 C52;
    //   resolved C32 C36 on time; overdue open C07.
    // Feedback: received C34 C35 C37 C38 C49 C50 C51 C55 C56 = 9; processed C34 C35 C49 C50 C51 C56 = 6;
    //   accepted C34 C35 C49 C56; resolved C12 C34 C35 C49, overdue C12 C34; overdue open C37 C56.
    expect(t.byKind).toEqual({
      complaint: kindRow(17, 17, 15, 15, 11, 8, 3, 4),
      denunciation: kindRow(9, 9, 7, 5, 6, 5, 1, 2),
      recommendation_feedback: kindRow(15, 12, 10, 7, 6, 4, 2, 3),
      recommendation: kindRow(6, 6, 6, 3, 2, 2, 0, 1),
      feedback: kindRow(9, 6, 4, 4, 4, 2, 2, 2),
    })
  })
})

function kindRow(
  received: number,
  processed: number,
  eligible: number,
  inJurisdiction: number,
  resolved: number,
  resolvedOnTime: number,
  resolvedOverdue: number,
  overdueOpen: number,
): ReportFigures['byKind']['complaint'] {
  return {
    received,
    processed,
    eligible,
    inJurisdiction,
    resolved,
    resolvedOnTime,
    resolvedOverdue,
    overdueOpen,
  }
}

// ---------------------------------------------------------------------------------------------------

describe('rolling up the committee tree', () => {
  it('gives every direct child its own subtree, in the order of the tree', () => {
    const bloc = report('dukhoi')

    expect(bloc.children.map((c) => c.committeeId)).toEqual(
      COMMITTEES.filter((c) => c.parentId === 'dukhoi').map((c) => c.id),
    )
    expect(bloc.children.find((c) => c.committeeId === 'btc')?.figures).toEqual(report('btc').total)
    expect(bloc.children.find((c) => c.committeeId === 'byt')?.figures).toEqual(report('byt').total)
    for (const child of bloc.children.filter((c) => c.committeeId !== 'btc' && c.committeeId !== 'byt')) {
      expect(child.figures.caseload.total, child.committeeId).toBe(0)
    }
  })

  it('keeps the parent’s own figures apart from its subtree', () => {
    const bloc = report('dukhoi')

    expect(bloc.own.caseload.total).toBe(0)
    expect(bloc.own.responseTimes.resolution).toEqual({ count: 0, median: null, p90: null })
    expect(bloc.total.caseload.total).toBe(52)
  })

  it('gives the Ministry of Finance committee its own figures, with its transfer to byt', () => {
    const btc = report('btc')

    expect(btc.scope).toEqual(['btc'])
    expect(btc.children).toEqual([])
    expect(btc.own).toEqual(btc.total)
    // Carried over C05 C07 (awaiting), C08 C09 C11 C13 (being resolved). Received C14–C39 (26) + C40 = 27;
    // multi-person C16; from another agency C39.
    expect(btc.total.caseload).toMatchObject({
      total: 33,
      carriedOver: { total: 6, awaitingDecision: 2, inResolution: 4 },
      received: { total: 27, multiPerson: 1, transferredIn: 1 },
    })
    // Decided: C05 + 27 received less C23 C26 C37 C38 = 24. Accepted 18; transfers C29 (outside) and C40 (to byt,
    // whose clock restarted at byt: timeliness unknown here); late C05 C19 C29 C36.
    expect(btc.total.processing).toMatchObject({
      processed: 24,
      onTime: 19,
      late: 4,
      timelinessUnknown: 1,
      byDecision: { accepted: 18, refused: 1, guided: 1, transferred: 2, filed: 1, duplicate: 1 },
    })
    expect(btc.total.jurisdiction.transferred).toEqual({ total: 2, toCommittee: 1, toOutsideBody: 1 })
    // Resolved C05 C08 C09 C14 C15 C16 C17 C25 C27 C32 C34 C35 C36 C39 = 14; overdue open C07 C11 C19 C20 C21 C37.
    expect(btc.total.resolution).toMatchObject({ resolved: 14, onTime: 10, overdue: 4 })
    expect(btc.total.overdueOpen.total).toBe(6)
  })

  it('gives the Ministry of Health committee its own figures, with the case transferred in from btc', () => {
    const byt = report('byt')

    // Carried over C06 C53 (awaiting), C10 C12 C54 (being resolved). Received C40 (arrived 17 Jul), C41–C52 (12),
    // C55, C56 = 15; multi-person C42 C44; transferred in: C40.
    expect(byt.total.caseload).toMatchObject({
      total: 20,
      carriedOver: { total: 5, awaitingDecision: 2, inResolution: 3 },
      received: { total: 15, multiPerson: 2, transferredIn: 1 },
    })
    expect(byt.total.caseload.received.byChannel.transferred_in).toBe(1)
    // Decided: C06 C53 + C40 C41 C42 C43 C44 C45 C47 C48 C49 C50 C51 C52 C56 = 15, all on time.
    expect(byt.total.processing).toMatchObject({
      processed: 15,
      onTime: 15,
      late: 0,
      timelinessUnknown: 0,
      byDecision: { accepted: 9, refused: 1, guided: 1, transferred: 2, filed: 1, duplicate: 1 },
    })
    // Resolved C10 C12 C40 C41 C42 C44 C45 C49 C53 = 9, overdue C12 C42; overdue open C46 C54 C56.
    expect(byt.total.resolution).toMatchObject({ resolved: 9, onTime: 7, overdue: 2 })
    expect(byt.total.overdueOpen.total).toBe(3)
  })

  it('counts a petition transferred between two children at both, and once in their parent', () => {
    const [bloc, btc, byt] = [report('dukhoi').total, report('btc').total, report('byt').total]

    // C40 is received at btc and at byt, once in the bloc.
    expect(btc.caseload.received.total + byt.caseload.received.total).toBe(bloc.caseload.received.total + 1)
    // btc decided to transfer it, byt accepted it: the bloc sees only the acceptance.
    expect(btc.processing.processed + byt.processing.processed).toBe(bloc.processing.processed + 1)
    expect(btc.processing.byDecision.accepted + byt.processing.byDecision.accepted).toBe(
      bloc.processing.byDecision.accepted,
    )
    // Resolutions and overdue cases are never shared.
    expect(btc.resolution.resolved + byt.resolution.resolved).toBe(bloc.resolution.resolved)
    expect(btc.overdueOpen.total + byt.overdueOpen.total).toBe(bloc.overdueOpen.total)
  })

  it('leaves the steps before an internal transfer to the committee that sent it', () => {
    // Received at btc 6 Jul, partly withdrawn and chased there, transferred to byt on 17 Jul, chased again there.
    const moved: CaseMetrics = {
      v: 1,
      at: '2026-09-30',
      k: 'complaint',
      ch: 'post',
      mp: false,
      r: '2026-07-06',
      c: 'byt',
      s: 'received',
      xf: { c: 'btc', on: '2026-07-17' },
      da: '2026-07-28',
      wp: ['2026-07-10'],
      cs: ['2026-07-15', '2026-08-05'],
    }
    const [btc, byt, bloc] = ['btc', 'byt', 'dukhoi'].map((id) => report(id, Q3, [moved]).total)

    expect([btc?.withdrawals.partial, byt?.withdrawals.partial, bloc?.withdrawals.partial]).toEqual([1, 0, 1])
    expect([btc?.jurisdiction.chased, byt?.jurisdiction.chased, bloc?.jurisdiction.chased]).toEqual([
      { cases: 1, chases: 1 },
      { cases: 1, chases: 1 },
      { cases: 1, chases: 2 },
    ])
  })

  it('times the transferred petition from the day it reached each committee', () => {
    const only = ROWS.filter((m) => m.r === '2026-07-15' && m.k === 'denunciation')
    expect(only).toHaveLength(1)

    // btc: received 15 Jul, transferred 17 Jul → 2 days. byt: arrived 17 Jul, accepted 20 Jul → 3 days, resolved
    // 18 Aug → 32 days. The bloc: received 15 Jul, told of the transfer 17 Jul → 2 days, resolved → 34 days.
    expect(report('btc', Q3, only).total.responseTimes.firstResponse.median).toBe(2)
    expect(report('byt', Q3, only).total.responseTimes).toEqual({
      firstResponse: { count: 1, median: 3, p90: 3 },
      resolution: { count: 1, median: 32, p90: 32 },
    })
    expect(report('dukhoi', Q3, only).total.responseTimes).toEqual({
      firstResponse: { count: 1, median: 2, p90: 2 },
      resolution: { count: 1, median: 34, p90: 34 },
    })
  })
})

// ---------------------------------------------------------------------------------------------------

describe('periods other than the quarter', () => {
  it('carries into September what was awaiting a decision or being resolved on 1 September', () => {
    const september = report('dukhoi', periodRange('month', 2026, 9)).total

    // Arrived before 1 Sep, not done before it: awaiting C07 C46; being resolved C11 C19 C20 C21 C24 C27 C28 C36
    // C39 C42 C45 C54 C56 = 13. Received in September: C22 C23 C37 C38 C43 C51 C52 C55 = 8.
    expect(september.caseload).toMatchObject({
      total: 23,
      carriedOver: { total: 15, awaitingDecision: 2, inResolution: 13 },
      received: { total: 8 },
    })
    // Resolved in September: C27 C36 C39 C42 C45; C27 and C42 late.
    expect(september.resolution).toMatchObject({ resolved: 5, onTime: 3, overdue: 2 })
  })

  it('measures overdue open cases today while the period is still running', () => {
    // Feedback received Mon 7 Sep: first decision within 10 WD → 21 Sep; none yet.
    const pending = petition({
      code: 'P1',
      committee: 'btc',
      kind: 'feedback',
      channel: 'online',
      received: '2026-09-07',
      status: 'received',
    })
    const september = periodRange('month', 2026, 9)
    const run = (today: LocalDate) =>
      buildReport([metricsOf(pending, today)], {
        committeeId: 'btc',
        ...september,
        today,
        committees: COMMITTEES,
      })

    // On 25 Sep: 4 days overdue. After the month, on 20 Oct: measured on 30 Sep, 9 days overdue.
    const running = run('2026-09-25')
    const ended = run('2026-10-20')

    expect(running.asOf).toBe('2026-09-25')
    expect(running.total.overdueOpen.byAge).toEqual({ '1-7': 1, '8-30': 0, '31-90': 0, '>90': 0 })
    expect(ended.asOf).toBe('2026-09-30')
    expect(ended.total.overdueOpen.byAge).toEqual({ '1-7': 0, '8-30': 1, '31-90': 0, '>90': 0 })
  })

  it('reports nothing resolved as null rates, not as zero', () => {
    const empty = report('bng').total

    expect(empty.resolution.onTimeRate).toBeNull()
    expect(empty.repeats.rate).toBeNull()
    expect(empty.satisfaction.mean).toBeNull()
    expect(empty.responseTimes.firstResponse).toEqual({ count: 0, median: null, p90: null })
  })
})

// ---------------------------------------------------------------------------------------------------

describe('ageing the cases open and overdue', () => {
  /** A stored row, as the store hands it over: by default feedback received in May, awaiting a decision. */
  function row(fields: Partial<CaseMetrics>): CaseMetrics {
    return {
      v: 1,
      at: '2026-09-30',
      k: 'feedback',
      ch: 'online',
      mp: false,
      r: '2026-05-04',
      c: 'btc',
      s: 'received',
      ...fields,
    }
  }
  const september = periodRange('month', 2026, 9)

  it('puts a case overdue by exactly 7, 30 or 90 days in the lower bucket, and one due on the day in none', () => {
    // Measured on 30 Sep: due 30 Sep → 0; 29 Sep → 1; 23 Sep → 7; 22 Sep → 8; 31 Aug → 30; 30 Aug → 31;
    // 2 Jul → 90 (29 + 31 + 30); 1 Jul → 91.
    const dues = [
      '2026-09-30',
      '2026-09-29',
      '2026-09-23',
      '2026-09-22',
      '2026-08-31',
      '2026-08-30',
      '2026-07-02',
      '2026-07-01',
    ]

    const overdue = report(
      'btc',
      september,
      dues.map((da) => row({ da })),
    ).total.overdueOpen

    expect(overdue).toEqual({
      total: 7,
      awaitingDecision: 7,
      inResolution: 0,
      byAge: { '1-7': 2, '8-30': 2, '31-90': 2, '>90': 1 },
    })
  })

  it('does not count a suspended case as overdue, even when its stored due date has passed', () => {
    // Both accepted on 3 Aug. One suspended on 20 Aug and still suspended: the due date stored then (2 Sep) is
    // stale. The other resumed on 10 Sep with a due date of 20 Sep: 10 days overdue on 30 Sep.
    const accepted = { s: 'suspended', d: 'accepted', dd: '2026-08-03', fr: '2026-08-03' } as const
    const rows = [
      row({ ...accepted, at: '2026-08-20', rd: '2026-09-02', sp: [['2026-08-20']] }),
      row({ ...accepted, s: 'accepted', rd: '2026-09-20', sp: [['2026-08-20', '2026-09-10']] }),
    ]

    const figures = report('btc', september, rows).total

    expect(figures.overdueOpen).toEqual({
      total: 1,
      awaitingDecision: 0,
      inResolution: 1,
      byAge: { '1-7': 0, '8-30': 1, '31-90': 0, '>90': 0 },
    })
    // Suspended days in September: 1–30 Sep for the first (30), 1–10 Sep for the second (10).
    expect(figures.suspensions).toEqual({ started: 0, cases: 0, resumed: 1, suspendedAtEnd: 1, days: 40 })
  })
})

// ---------------------------------------------------------------------------------------------------

describe('nearest-rank percentiles and net days', () => {
  it('takes the value at rank ⌈p × n⌉ of the sorted values, never interpolating', () => {
    const values = [50, 15, 40, 20, 35]

    // Sorted 15 20 35 40 50: P5 → rank 1, P30 → rank 2, P40 → rank 2, P50 → rank 3, P90 → rank 5, P100 → rank 5.
    expect([5, 30, 40, 50, 90, 100].map((p) => percentile(values, p))).toEqual([15, 20, 20, 35, 50, 50])
  })

  it('gives the lower middle value as the median of an even count', () => {
    expect(percentile([1, 2, 3, 4], 50)).toBe(2)
  })

  it('gives null for no values and refuses a percentile outside (0, 100]', () => {
    expect(percentile([], 50)).toBeNull()
    expect(() => percentile([1], 0)).toThrow(RangeError)
    expect(() => percentile([1], 101)).toThrow(RangeError)
  })

  it('leaves out the days after a suspension up to its resumption, and an open one up to the end', () => {
    // 1 Jul → 31 Jul = 30 days; suspended 10 Jul, resumed 20 Jul: 11–20 Jul (10 days) not counted.
    expect(netDays('2026-07-01', '2026-07-31', [['2026-07-10', '2026-07-20']])).toBe(20)
    // Suspended 25 Jul and still suspended on 31 Jul: 26–31 Jul (6 days) not counted.
    expect(netDays('2026-07-01', '2026-07-31', [['2026-07-25']])).toBe(24)
    // A suspension before the start does not count against it.
    expect(netDays('2026-07-01', '2026-07-31', [['2026-06-01', '2026-06-10']])).toBe(30)
  })
})

// ---------------------------------------------------------------------------------------------------

describe('period ranges', () => {
  it('gives the fourth quarter of 2026 as 1 October to 31 December', () => {
    expect(periodRange('quarter', 2026, 4)).toEqual({ from: '2026-10-01', to: '2026-12-31' })
  })

  it('gives nine months as January to September', () => {
    expect(periodRange('nine_months', 2026)).toEqual({ from: '2026-01-01', to: '2026-09-30' })
  })

  it('gives months with their last day, halves and the year', () => {
    expect(periodRange('month', 2028, 2)).toEqual({ from: '2028-02-01', to: '2028-02-29' })
    expect(periodRange('month', 2026, 2)).toEqual({ from: '2026-02-01', to: '2026-02-28' })
    expect(periodRange('month', 2026, 12)).toEqual({ from: '2026-12-01', to: '2026-12-31' })
    expect(periodRange('half', 2026, 1)).toEqual({ from: '2026-01-01', to: '2026-06-30' })
    expect(periodRange('half', 2026, 2)).toEqual({ from: '2026-07-01', to: '2026-12-31' })
    expect(periodRange('year', 2026)).toEqual({ from: '2026-01-01', to: '2026-12-31' })
  })

  it('refuses a period number that does not exist, or one the period does not take', () => {
    expect(violation(() => periodRange('quarter', 2026, 5))).toMatchObject({
      code: 'invalid_period',
      field: 'index',
    })
    expect(violation(() => periodRange('month', 2026))).toMatchObject({
      code: 'invalid_period',
      field: 'index',
    })
    expect(violation(() => periodRange('year', 2026, 2))).toMatchObject({
      code: 'invalid_period',
      field: 'index',
    })
    expect(violation(() => periodRange('half', 2026.5, 1))).toMatchObject({
      code: 'invalid_period',
      field: 'year',
    })
  })
})

// ---------------------------------------------------------------------------------------------------

describe('bad report requests', () => {
  it('refuses a period that ends before it starts', () => {
    expect(violation(() => validateReportRequest('2026-09-30', '2026-07-01', TODAY))).toMatchObject({
      code: 'period_ends_before_start',
      field: 'to',
      status: 422,
    })
  })

  it('refuses a period that starts after today, but reports one still running', () => {
    expect(violation(() => validateReportRequest('2026-10-16', '2026-12-31', TODAY))).toMatchObject({
      code: 'future_period',
      field: 'from',
    })
    expect(() => validateReportRequest('2026-10-01', '2026-12-31', TODAY)).not.toThrow()
  })

  it('refuses a custom range longer than 366 days, and takes a leap year', () => {
    expect(violation(() => validateReportRequest('2025-01-01', '2026-01-02', TODAY))).toMatchObject({
      code: 'period_too_long',
      field: 'to',
    })
    expect(() => validateReportRequest('2024-01-01', '2024-12-31', TODAY)).not.toThrow()
  })

  it('refuses a date that is not a calendar date', () => {
    expect(violation(() => validateReportRequest('2026-02-30', '2026-03-31', TODAY))).toMatchObject({
      code: 'invalid_date',
      field: 'from',
    })
  })

  it('computes nothing for an unknown committee or a bad period', () => {
    expect(violation(() => report('nowhere'))).toMatchObject({
      code: 'unknown_committee',
      field: 'committeeId',
    })
    expect(violation(() => report('btc', { from: '2026-09-30', to: '2026-07-01' }))).toMatchObject({
      code: 'period_ends_before_start',
    })
  })
})
