import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { urgencyOf } from '../../shared/domain/watch.js'
import { parseVietnameseDate } from '../../web/staff/http.js'
import { navFor } from '../../web/staff/layout.js'
import { safeReturnPath, tokenLifetime } from '../../web/staff/session.js'
import { readPkceCookie, startCognitoSignIn } from '../../web/staff/sign-in.js'

describe('the queue badges', () => {
  const today = '2026-11-26'
  it('says overdue the day after the time limit, and very overdue once the watch climbed its last rung', () => {
    expect(urgencyOf('2026-11-25', 1, today)).toBe('overdue')
    expect(urgencyOf('2026-11-25', 3, today)).toBe('very_overdue')
  })
  it('says due soon within three days, on track beyond, nothing without a clock', () => {
    expect(urgencyOf('2026-11-26', 0, today)).toBe('due_soon')
    expect(urgencyOf('2026-11-29', 0, today)).toBe('due_soon')
    expect(urgencyOf('2026-11-30', 0, today)).toBe('on_track')
    expect(urgencyOf(undefined, 0, today)).toBe('none')
  })
})

describe('dates as staff type them', () => {
  it('reads dd/mm/yyyy (and d/m/yyyy) as the ISO date, and leaves anything else for the schema to refuse', () => {
    expect(parseVietnameseDate('19/11/2026')).toBe('2026-11-19')
    expect(parseVietnameseDate(' 1/2/2027 ')).toBe('2027-02-01')
    expect(parseVietnameseDate('2026-11-19')).toBe('2026-11-19')
    expect(parseVietnameseDate('hôm qua')).toBe('hôm qua')
  })
})

describe('where sign-in may lead back to', () => {
  it('keeps paths of the workspace and refuses everything else', () => {
    expect(safeReturnPath('/staff/queue?kind=complaint')).toBe('/staff/queue?kind=complaint')
    for (const bad of [
      'https://evil.example/staff',
      '//evil.example/staff',
      '/submit',
      '/staff\\@evil',
      undefined,
    ])
      expect(safeReturnPath(bad)).toBe('/staff')
  })
})

describe('the session cookie', () => {
  it('lives as long as the token', () => {
    const payload = Buffer.from(JSON.stringify({ exp: 1_000_600 })).toString('base64url')
    expect(tokenLifetime(`x.${payload}.y`, 1_000_000_000)).toBe(600)
    expect(tokenLifetime('not-a-jwt', 0)).toBe(3600)
  })
})

describe('the Cognito sign-in', () => {
  it('sends an S256 challenge of the verifier it keeps, and a fresh state each time', () => {
    const p = {
      kind: 'cognito' as const,
      domain: 'https://x.auth.example/',
      clientId: 'c',
      redirectUri: 'https://s/staff/auth/callback',
    }
    const a = startCognitoSignIn(p, '/staff/queue', 'vi')
    const b = startCognitoSignIn(p, '/staff/queue', 'vi')
    const kept = readPkceCookie(a.cookie)!
    const url = new URL(a.url)
    expect(url.origin + url.pathname).toBe('https://x.auth.example/oauth2/authorize')
    expect(url.searchParams.get('code_challenge')).toBe(
      createHash('sha256').update(kept.v).digest('base64url'),
    )
    expect(url.searchParams.get('state')).toBe(kept.s)
    expect(readPkceCookie(b.cookie)!.s).not.toBe(kept.s)
    expect(readPkceCookie('{"v":1}')).toBeUndefined()
  })
})

describe('the workspace navigation', () => {
  it('opens the sections each role works in', () => {
    expect(navFor(['committee_handler'])).toEqual(['queue'])
    expect(navFor(['reception_officer'])).toEqual(['queue', 'reception', 'triage'])
    expect(navFor(['supervisor'])).toEqual(['queue', 'dashboard', 'reports'])
    expect(navFor(['admin'])).toEqual(['admin'])
  })
})
