import { randomBytes } from 'node:crypto'
import { request as httpRequest } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { trackingCodeFromBytes } from '../../shared/domain/tracking-code.js'
import { CLIENT_FAILURES_PER_WINDOW } from '../../shared/store/rate-limits.js'
import { type Harness, petition, problemType, startHarness } from './harness.js'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => h.close())

/** Every request claims another address, as a guesser on one machine can write in any header. */
let claimed = 0
function claimedAddress() {
  claimed++
  return claimed % 2
    ? { 'cloudfront-viewer-address': `198.51.${claimed >> 8}.${claimed & 0xff}:${40000 + claimed}` }
    : { 'cloudfront-viewer-address': `2001:db8:${claimed.toString(16)}::1:443` }
}
const headersClaiming = (extra: Record<string, string>) => ({
  ...claimedAddress(),
  'x-forwarded-for': `203.0.113.${claimed & 0xff}`,
  ...extra,
})

/** A lookup from another socket address of this machine (127.0.0.2): another client to the server. */
function lookupFrom(localAddress: string, code: string, pin: string): Promise<number> {
  const url = new URL(`/api/v1/petitions/${code}`, h.server.url)
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: url.port,
        path: url.pathname,
        localAddress,
        headers: { 'x-tracking-pin': pin },
      },
      (res) => {
        res.resume()
        res.on('end', () => resolve(res.statusCode ?? 0))
      },
    )
    req.on('error', reject)
    req.end()
  })
}

describe('the client a per-client limit counts (local server)', () => {
  it(`stops a guesser after ${CLIENT_FAILURES_PER_WINDOW} wrong PINs however many addresses its headers claim, and only that socket`, async () => {
    const receipt = (await h.request('POST', '/api/v1/petitions', { body: petition() })).body
    for (let i = 0; i < CLIENT_FAILURES_PER_WINDOW; i++) {
      const code = trackingCodeFromBytes(randomBytes(11))
      const miss = await h.request('GET', `/api/v1/petitions/${code}`, {
        headers: headersClaiming({ 'x-tracking-pin': '12345678' }),
      })
      expect(miss.status).toBe(404)
    }

    // A fresh claimed address buys nothing: the right PIN is refused, through the API and the page.
    const api = await h.request('GET', `/api/v1/petitions/${receipt.trackingCode}`, {
      headers: headersClaiming({ 'x-tracking-pin': receipt.pin }),
    })
    expect(api.status).toBe(429)
    expect(api.body.type).toEqual(problemType('too_many_attempts'))
    const page = await fetch(new URL('/track', h.server.url), {
      method: 'POST',
      headers: headersClaiming({
        'content-type': 'application/x-www-form-urlencoded',
        origin: new URL(h.server.url).origin,
        'sec-fetch-site': 'same-origin',
      }),
      body: new URLSearchParams({ code: receipt.trackingCode, pin: receipt.pin }).toString(),
    })
    expect(page.status).toBe(429)

    // Another socket is another client, with a budget of its own.
    expect(await lookupFrom('127.0.0.2', receipt.trackingCode, receipt.pin)).toBe(200)
  })
})
