/**
 * The browser tests skip only on a developer's machine without Chromium: in CI a missing browser
 * fails the run, whatever spelling of `CI` the service uses.
 */
import { describe, expect, it } from 'vitest'
import { chromiumMissing, isCi } from '../e2e/browser.js'

const absent = () => false
const present = () => true

describe('the browser-test guard', () => {
  it.each(['true', 'TRUE', '1', 'yes', 'github-actions'])(
    'fails in CI (CI=%s) when Chromium is missing',
    (ci) => {
      expect(isCi({ CI: ci })).toBe(true)
      expect(() => chromiumMissing({ CI: ci, CHROMIUM_PATH: '/nowhere/chromium' }, absent)).toThrow(
        /\/nowhere\/chromium.*cannot be skipped in CI/,
      )
    },
  )

  it.each([undefined, '', '0', 'false'])('skips outside CI (CI=%s) with the fix in one line', (ci) => {
    const env = ci === undefined ? {} : { CI: ci }
    expect(isCi(env)).toBe(false)
    expect(chromiumMissing({ ...env, CHROMIUM_PATH: '/nowhere/chromium' }, absent)).toMatch(
      /^Chromium not found at \/nowhere\/chromium: install it with .*apt-get install -y chromium.*skipped\.$/,
    )
  })

  it('runs when Chromium is there, in CI or not', () => {
    expect(chromiumMissing({ CI: 'true' }, present)).toBeUndefined()
    expect(chromiumMissing({}, present)).toBeUndefined()
  })
})
