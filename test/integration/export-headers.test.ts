/**
 * The staff pages' report downloads carry the security headers of every other response: on one
 * machine they are mounted on the export app with its middleware, as in AWS.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Harness, startHarness } from './harness.js'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => h.close())

const EXPECTED = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
}

describe('report downloads on the staff pages', () => {
  it.each([
    ['/staff/reports/export.csv?committeeId=btc&period=year&year=2026', 'giamsat', 200],
    ['/staff/reports/export.xlsx?committeeId=btc&period=year&year=2026', 'giamsat', 200],
    ['/staff/reports/export.csv?committeeId=btc&period=year&year=2026', 'btc.canbo', 403],
    ['/staff/reports/export.xlsx?committeeId=btc&period=year&year=2026', undefined, 303],
  ] as const)('%s as %s → %i with the security headers', async (path, as, status) => {
    const res = await fetch(h.server.url + path, {
      redirect: 'manual',
      headers: as ? { cookie: `__Host-staff-session=${await h.tokenFor(as)}` } : {},
    })
    expect(res.status).toBe(status)
    for (const [name, value] of Object.entries(EXPECTED)) expect(res.headers.get(name), name).toBe(value)
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/)
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'")
    expect(res.headers.get('x-correlation-id')).toMatch(/^[\w.:-]{8,}$/)
  })
})
