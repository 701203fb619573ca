/**
 * Signing out ends the session (issue 12 finding 7): after `POST /staff/sign-out` the same token
 * opens neither the staff pages (cookie), the staff API nor the export function (Bearer), while
 * the user's other sessions go on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Harness, startHarness } from './harness.js'

let h: Harness

beforeAll(async () => {
  h = await startHarness({ now: '2026-11-26T03:00:00Z' })
})
afterAll(async () => h?.close())

const SESSION = /__Host-staff-session=([^;]*)/

/** Signs in through the staff sign-in form, as a browser does; the session cookie's token. */
async function signIn(userId: string): Promise<string> {
  const res = await fetch(`${h.server.url}/staff/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: h.server.url },
    body: new URLSearchParams({ userId, return: '/staff' }).toString(),
  })
  expect(res.status).toBe(303)
  const token = SESSION.exec(res.headers.get('set-cookie') ?? '')?.[1]
  expect(token).toBeTruthy()
  return token!
}

async function signOut(token: string) {
  return fetch(`${h.server.url}/staff/sign-out`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      cookie: `__Host-staff-session=${token}`,
      'content-type': 'application/x-www-form-urlencoded',
      origin: h.server.url,
    },
    body: '',
  })
}

const page = (path: string, token: string) =>
  fetch(h.server.url + path, { redirect: 'manual', headers: { cookie: `__Host-staff-session=${token}` } })

const api = (path: string, token: string) =>
  fetch(h.server.url + path, { headers: { authorization: `Bearer ${token}` } })

describe('signing out', () => {
  it('ends the session: the same token opens neither the pages nor the API afterwards', async () => {
    // Arrange: a signed-in handler whose token works everywhere it should.
    const token = await signIn('btc.canbo')
    expect((await page('/staff/queue', token)).status).toBe(200)
    expect((await api('/api/v1/committees/btc/queue', token)).status).toBe(200)
    expect((await api('/api/v1/me/petitions', token)).status).not.toBe(401)

    // Act
    const out = await signOut(token)

    // Assert: the browser is signed out, and the token it held is dead wherever it is shown.
    expect(out.status).toBe(303)
    expect(out.headers.get('location')).toBe('/staff/sign-in?reason=signed_out')
    expect(out.headers.get('set-cookie')).toMatch(/__Host-staff-session=;/)
    const queue = await page('/staff/queue', token)
    expect(queue.status).toBe(303)
    expect(queue.headers.get('location')).toMatch(/^\/staff\/sign-in\?reason=expired/)
    expect((await page('/staff', token)).headers.get('location')).toMatch(/^\/staff\/sign-in/)
    expect((await api('/api/v1/committees/btc/queue', token)).status).toBe(401)
    expect((await api('/api/v1/me/petitions', token)).status).toBe(401)
  })

  it('ends the session for the export function too (its own Lambda, the same verifier)', async () => {
    const token = await signIn('giamsat')
    const query = 'committeeId=dukhoi&from=2026-10-01&to=2026-11-26&format=csv'
    expect((await api(`/api/v1/reports/export?${query}`, token)).status).toBe(200)

    await signOut(token)

    expect((await api(`/api/v1/reports/export?${query}`, token)).status).toBe(401)
    expect(
      (await api('/api/v1/reports?committeeId=dukhoi&from=2026-10-01&to=2026-11-26', token)).status,
    ).toBe(401)
  })

  it("ends only that session: the same user's other sign-in goes on", async () => {
    const phone = await signIn('btc.truong')
    const desk = await signIn('btc.truong')

    await signOut(phone)

    expect((await api('/api/v1/committees/btc/queue', phone)).status).toBe(401)
    expect((await api('/api/v1/committees/btc/queue', desk)).status).toBe(200)
    expect((await page('/staff/queue', desk)).status).toBe(200)
  })

  it('signs out a browser whose token is already dead or forged, without an error', async () => {
    const expired = await h.server.identity.issue('btc.canbo', -300)

    for (const token of [expired, 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.c2ln']) {
      const out = await signOut(token)
      expect(out.status).toBe(303)
      expect(out.headers.get('location')).toBe('/staff/sign-in?reason=signed_out')
    }
  })
})
