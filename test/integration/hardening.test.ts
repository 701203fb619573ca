import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FREE_ATTEMPTS, MAX_SLOW_MS } from '../../shared/store/pin-guard.js'
import { CLIENT_FAILURES_PER_WINDOW } from '../../shared/store/rate-limits.js'
import { type Harness, petition, problemType, startHarness } from './harness.js'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => h.close())

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString()

describe('security headers', () => {
  it('sends a strict policy with every API response, problems included', async () => {
    for (const res of [
      await h.request('GET', '/api/v1/openapi.json'),
      await h.request('GET', '/api/v1/nothing-here'),
    ]) {
      expect(res.headers.get('content-security-policy')).toBe(
        "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
      )
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      expect(res.headers.get('x-frame-options')).toBe('DENY')
      expect(res.headers.get('referrer-policy')).toBe('no-referrer')
      expect(res.headers.get('strict-transport-security')).toContain('max-age=')
      expect(res.headers.get('cache-control')).toBe('no-store')
    }
  })

  it("keeps the pages' own policy: styles from this site only, no script at all", async () => {
    const res = await fetch(`${h.server.url}/submit`)
    const csp = res.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("default-src 'none'")
    expect(csp).toContain("style-src 'self'")
    expect(csp).not.toContain('script-src')
    expect(res.headers.get('x-frame-options')).toBe('DENY')
  })
})

describe('cross-site requests', () => {
  it('refuses a form post from another site, and accepts one from our own page', async () => {
    const body = form({ code: '0000-0000-0000', pin: '12345678' })
    const headers = { 'content-type': 'application/x-www-form-urlencoded' }

    const forged = await fetch(`${h.server.url}/track`, {
      method: 'POST',
      body,
      headers: { ...headers, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    })
    const bare = await fetch(`${h.server.url}/track`, { method: 'POST', body, headers })
    const own = await fetch(`${h.server.url}/track`, {
      method: 'POST',
      body,
      headers: { ...headers, origin: h.server.url, 'sec-fetch-site': 'same-origin' },
    })

    expect(forged.status).toBe(403)
    expect(bare.status).toBe(403)
    expect(own.status).toBe(404) // reached the page: the code is unknown
  })

  it('keeps CORS closed: no allow-origin header, preflights are not answered', async () => {
    const res = await fetch(`${h.server.url}/api/v1/petitions`, {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify(petition()),
    })
    const preflight = await fetch(`${h.server.url}/api/v1/petitions`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    })
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull()
  })
})

describe('PIN guessing from one client across many codes', () => {
  it(`stops a client after ${CLIENT_FAILURES_PER_WINDOW} wrong PINs in a window, whatever the codes, and lets it in after the window`, async () => {
    // A fresh window: earlier tests in this file missed PINs from the same address.
    h.clock.now = new Date(h.clock.now.getTime() + 16 * 60_000)
    const receipts = []
    for (let i = 0; i < 2; i++)
      receipts.push((await h.request('POST', '/api/v1/petitions', { body: petition() })).body)
    const { trackingCodeFromBytes } = await import('../../shared/domain/tracking-code.js')
    const { randomBytes } = await import('node:crypto')
    // Guesses spread over many codes (no per-code lock-out is ever reached).
    for (let i = 0; i < CLIENT_FAILURES_PER_WINDOW; i++) {
      const code = trackingCodeFromBytes(randomBytes(11))
      const res = await h.request('GET', `/api/v1/petitions/${code}`, {
        headers: { 'x-tracking-pin': '12345678' },
      })
      expect(res.status).toBe(404)
    }

    const blocked = await h.request('GET', `/api/v1/petitions/${receipts[0]!.trackingCode}`, {
      headers: { 'x-tracking-pin': receipts[0]!.pin },
    })
    expect(blocked.status).toBe(429)
    expect(blocked.body.type).toEqual(problemType('too_many_attempts'))

    h.clock.now = new Date(h.clock.now.getTime() + 16 * 60_000)
    const later = await h.request('GET', `/api/v1/petitions/${receipts[1]!.trackingCode}`, {
      headers: { 'x-tracking-pin': receipts[1]!.pin },
    })
    expect(later.status).toBe(200)
  })
})

describe('PIN guesses sent all at once', () => {
  const freshWindow = () => {
    h.clock.now = new Date(h.clock.now.getTime() + 16 * 60_000)
  }
  const guess = (code: string, pin: string) =>
    h.request('GET', `/api/v1/petitions/${code}`, { headers: { 'x-tracking-pin': pin } })
  const statuses = (responses: { status: number }[]) =>
    Object.fromEntries(
      [...new Set(responses.map((r) => r.status))].map((status) => [
        status,
        responses.filter((r) => r.status === status).length,
      ]),
    )

  it(`checks at most ${FREE_ATTEMPTS} of 20 simultaneous wrong PINs for one code; the rest wait`, async () => {
    freshWindow()
    const receipt = (await h.request('POST', '/api/v1/petitions', { body: petition() })).body
    const wrong = Array.from({ length: 20 }, (_, i) => `${20000000 + i}`)

    const answers = await Promise.all(wrong.map((pin) => guess(receipt.trackingCode, pin)))

    expect(statuses(answers)).toEqual({ 404: FREE_ATTEMPTS, 429: 20 - FREE_ATTEMPTS })
    const refused = answers.find((r) => r.status === 429)!
    expect(refused.body.type).toEqual(problemType('too_many_attempts'))
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
  })

  it(`checks at most ${CLIENT_FAILURES_PER_WINDOW} of 60 simultaneous wrong PINs from one client`, async () => {
    freshWindow()
    const { trackingCodeFromBytes } = await import('../../shared/domain/tracking-code.js')
    const { randomBytes } = await import('node:crypto')
    const codes = Array.from({ length: 60 }, () => trackingCodeFromBytes(randomBytes(11)))

    const answers = await Promise.all(codes.map((code) => guess(code, '12345678')))

    expect(statuses(answers)).toEqual({
      404: CLIENT_FAILURES_PER_WINDOW,
      429: 60 - CLIENT_FAILURES_PER_WINDOW,
    })
  })

  it("lets the rightful petitioner back in within minutes after a stranger's long burst", async () => {
    freshWindow()
    const receipt = (await h.request('POST', '/api/v1/petitions', { body: petition() })).body
    // A stranger keeps guessing for hours, trying whenever the code lets anyone try.
    let misses = 0
    for (let round = 0; round < 12; round++) {
      freshWindow()
      const answers = await Promise.all(
        Array.from({ length: 3 }, (_, i) => guess(receipt.trackingCode, `${30000000 + round * 3 + i}`)),
      )
      misses += answers.filter((r) => r.status === 404).length
    }
    expect(misses).toBeGreaterThan(FREE_ATTEMPTS)
    expect(misses).toBeLessThan(12 * 3)

    // Right after the stranger's last miss the code is slowed, never for longer than the cap.
    const now = await guess(receipt.trackingCode, receipt.pin)
    if (now.status === 429) {
      expect(Number(now.headers.get('retry-after'))).toBeLessThanOrEqual(MAX_SLOW_MS / 1000)
      h.clock.now = new Date(h.clock.now.getTime() + MAX_SLOW_MS)
    }
    const back = await guess(receipt.trackingCode, receipt.pin)
    expect(back.status).toBe(200)
    // The right PIN wipes the stranger's misses: the next wrong guess is a plain miss again.
    expect((await guess(receipt.trackingCode, '39999999')).status).toBe(404)
  })
})
