/**
 * Paging cursors are signed and bound to the query they came from (shared/store/cursor.ts): a
 * forged, edited, truncated or foreign cursor is a 400 problem+json naming the field, never a 500
 * and never a page of another list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Harness, petition, problemType, startHarness } from './harness.js'

let h: Harness
let bngCursor: string
beforeAll(async () => {
  h = await startHarness()
  for (let i = 0; i < 3; i++)
    expect(
      (
        await h.request('POST', '/api/v1/petitions', {
          body: petition({ concerns: { organization: 'Bộ Ngoại giao' } }),
        })
      ).status,
    ).toBe(201)
  const first = await h.request('GET', '/api/v1/committees/bng/queue?limit=1', { as: 'giamsat' })
  expect(first.status).toBe(200)
  bngCursor = first.body.cursor
  expect(bngCursor).toEqual(expect.any(String))
})
afterAll(async () => h.close())

function expectBadCursor(res: { status: number; headers: Headers; body: any }) {
  expect(res.status, JSON.stringify(res.body)).toBe(400)
  expect(res.headers.get('content-type')).toContain('application/problem+json')
  expect(res.body.type).toEqual(problemType('invalid_cursor'))
  expect(res.body.field).toBe('cursor')
}

const unsigned = (key: Record<string, string>) => Buffer.from(JSON.stringify(key)).toString('base64url')

describe('paging cursors', () => {
  it('opens the next page of the list it came from', async () => {
    const next = await h.request('GET', `/api/v1/committees/bng/queue?limit=1&cursor=${bngCursor}`, {
      as: 'giamsat',
    })
    expect(next.status).toBe(200)
    expect(next.body.items).toHaveLength(1)
  })

  it("refuses one committee's cursor on another committee's queue, and on another list", async () => {
    expectBadCursor(
      await h.request('GET', `/api/v1/committees/btc/queue?cursor=${bngCursor}`, { as: 'giamsat' }),
    )
    expectBadCursor(
      await h.request('GET', `/api/v1/accountability-requests?committeeId=bng&cursor=${bngCursor}`, {
        as: 'giamsat',
      }),
    )
  })

  it('refuses an edited, truncated or unsigned cursor, even one naming real key attributes', async () => {
    const [payload, tag] = bngCursor.split('.') as [string, string]
    const key = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, string>
    const moved = Buffer.from(JSON.stringify({ ...key, queueSk: '0' })).toString('base64url')
    for (const cursor of [
      `${moved}.${tag}`,
      payload,
      `${payload}.`,
      `${payload}.${tag.slice(0, -2)}`,
      unsigned(key),
      unsigned({ pk: 'CASE#X', sk: 'CASE' }),
      `${unsigned({ pk: 'USERS', sk: 'USER#admin' })}.${tag}`,
      '%%%',
    ])
      expectBadCursor(
        await h.request('GET', `/api/v1/committees/bng/queue?cursor=${encodeURIComponent(cursor)}`, {
          as: 'giamsat',
        }),
      )
  })
})
