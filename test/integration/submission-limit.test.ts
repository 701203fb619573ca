/**
 * The submission limits per client address (issue 12, finding 6): at most
 * KEYLESS_SUBMISSIONS_PER_MINUTE without an Idempotency-Key in a minute and SUBMISSIONS_PER_HOUR in
 * an hour, each one conditional increment, so a burst sent at once gets no more; over them a 429
 * problem with Retry-After that writes nothing. Replays of a key are answered, never counted.
 */
import { ScanCommand } from '@aws-sdk/lib-dynamodb'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  KEYLESS_SUBMISSIONS_PER_MINUTE,
  SUBMISSION_LIMITS,
  SUBMISSIONS_PER_HOUR,
} from '../../shared/store/rate-limits.js'
import { getPage, postForm } from './authz-helpers.js'
import { type Harness, petition, problemType, startHarness } from './harness.js'

let h: Harness
beforeAll(async () => {
  h = await startHarness({ submissionLimits: SUBMISSION_LIMITS })
})
afterAll(async () => h?.close())

/** A window of its own for each test: the hour (and so the minute) after the last one. */
function nextHour() {
  const hour = 3_600_000
  h.clock.now = new Date((Math.floor(h.clock.now.getTime() / hour) + 1) * hour + 1_000)
}

async function caseItems(): Promise<number> {
  let count = 0
  let start: Record<string, unknown> | undefined
  do {
    const page = await (await h.server.services.db.documentClient()).send(
      new ScanCommand({
        TableName: h.server.services.tableName,
        FilterExpression: 'sk = :case',
        ExpressionAttributeValues: { ':case': 'CASE' },
        ExclusiveStartKey: start,
      }),
    )
    count += page.Count ?? 0
    start = page.LastEvaluatedKey
  } while (start)
  return count
}

const submit = (headers: Record<string, string> = {}) =>
  h.request('POST', '/api/v1/petitions', { body: petition(), headers })

describe('submissions from one address', () => {
  it(`files at most ${KEYLESS_SUBMISSIONS_PER_MINUTE} keyless petitions sent at once; the rest get 429 and write nothing`, async () => {
    nextHour()
    const before = await caseItems()

    const answers = await Promise.all(
      Array.from({ length: KEYLESS_SUBMISSIONS_PER_MINUTE + 4 }, () => submit()),
    )

    const filed = answers.filter((r) => r.status === 201)
    const refused = answers.filter((r) => r.status === 429)
    expect([filed.length, refused.length]).toEqual([KEYLESS_SUBMISSIONS_PER_MINUTE, 4])
    expect(refused[0]!.body.type).toEqual(problemType('too_many_submissions'))
    expect(refused[0]!.body.status).toBe(429)
    const wait = Number(refused[0]!.headers.get('retry-after'))
    expect(wait).toBeGreaterThan(0)
    expect(wait).toBeLessThanOrEqual(60)
    expect(await caseItems()).toBe(before + KEYLESS_SUBMISSIONS_PER_MINUTE)

    // The next minute takes keyless petitions again.
    h.clock.now = new Date(h.clock.now.getTime() + 60_000)
    expect((await submit()).status).toBe(201)
  })

  it(`files at most ${SUBMISSIONS_PER_HOUR} an hour with keys; a replay is answered and not counted`, async () => {
    nextHour()
    const first = await submit({ 'idempotency-key': `limit-${crypto.randomUUID()}` })
    expect(first.status).toBe(201)
    const replayKey = `limit-replay-${crypto.randomUUID()}`
    const original = await submit({ 'idempotency-key': replayKey })
    for (let i = 0; i < 5; i++) {
      const replay = await submit({ 'idempotency-key': replayKey })
      expect(replay.status).toBe(201)
      expect(replay.body.trackingCode).toBe(original.body.trackingCode)
    }

    const rest = await Promise.all(
      Array.from({ length: SUBMISSIONS_PER_HOUR }, () =>
        submit({ 'idempotency-key': `limit-${crypto.randomUUID()}` }),
      ),
    )

    // Two were filed before, the replays counted nothing: SUBMISSIONS_PER_HOUR − 2 more go through.
    expect(rest.filter((r) => r.status === 201)).toHaveLength(SUBMISSIONS_PER_HOUR - 2)
    const refused = rest.filter((r) => r.status === 429)
    expect(refused).toHaveLength(2)
    expect(Number(refused[0]!.headers.get('retry-after'))).toBeGreaterThan(60)
    // A refused key is not remembered: the same key goes through in the next hour.
    nextHour()
    expect((await submit({ 'idempotency-key': `limit-${crypto.randomUUID()}` })).status).toBe(201)
  })

  it('tells a citizen on the web form when to come back, keeping what they typed', async () => {
    nextHour()
    const fields = {
      kind: 'recommendation',
      title: 'Kiến nghị lắp đèn chiếu sáng ngõ 12',
      content: 'Ngõ 12 tối, người dân đi lại khó khăn vào buổi tối.',
      topic: 'administration',
      'concerns.organization': 'Bộ Xây dựng',
      'petitioner.fullName': 'Trần Thị Bình',
      'petitioner.email': 'binh@example.vn',
    }
    const page = await getPage(h, '/submit')
    for (let i = 0; i < KEYLESS_SUBMISSIONS_PER_MINUTE; i++) {
      const filed = await postForm(h, '/submit', fields, page)
      expect(filed.status, /error-summary[\s\S]{0,600}/.exec(filed.html)?.[0]).toBe(201)
    }

    const refused = await postForm(h, '/submit', fields, page)

    expect(refused.status).toBe(429)
    expect(refused.html).toContain('Vui lòng thử lại sau 1 phút')
    expect(refused.html).toContain('Kiến nghị lắp đèn chiếu sáng ngõ 12')
  })
})
