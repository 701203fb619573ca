/**
 * A citizen, in a real Chromium with JavaScript off, against the real local server: submits a
 * recommendation in Vietnamese, keeps the code and PIN from the receipt, tracks the petition, and
 * reads it again in English.
 *
 * Set `E2E_BASE_URL` to run against a server that is already up (a deployed stage) instead of
 * starting the local one.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openBrowser, type TestBrowser } from './browser.js'

/** The signature `local/server.ts` provides. */
type StartLocalServer = (opts: {
  port: number
  dataDir: string
  seed?: boolean
  sweep?: boolean
  quiet?: boolean
}) => Promise<{ url: string; close(): Promise<void> }>

// A variable specifier, so that this file type-checks before local/server.ts exists.
const LOCAL_SERVER_MODULE = '../../local/server.js'

const TITLE = 'Kiến nghị sửa chữa đường liên thôn Đông Hòa – Tây Sơn'
const CONTENT = [
  'Kính gửi Đảng ủy Khối,',
  'Đoạn đường liên thôn dài khoảng 800 m bị sụt lún, ổ gà sâu, mùa mưa ngập nước, học sinh đi lại rất nguy hiểm.',
  'Đề nghị xem xét bố trí kinh phí sửa chữa trước mùa mưa bão năm nay.',
].join('\n')

let baseUrl: string
let stopServer: (() => Promise<void>) | undefined
let dataDir: string | undefined
let browser: TestBrowser

beforeAll(async () => {
  if (process.env.E2E_BASE_URL) {
    baseUrl = process.env.E2E_BASE_URL.replace(/\/$/, '')
  } else {
    dataDir = await mkdtemp(join(tmpdir(), 'tiep-dan-e2e-'))
    const { startLocalServer } = (await import(LOCAL_SERVER_MODULE)) as { startLocalServer: StartLocalServer }
    const server = await startLocalServer({ port: 0, dataDir, seed: true, sweep: false, quiet: true })
    baseUrl = server.url.replace(/\/$/, '')
    stopServer = () => server.close()
  }
  browser = await openBrowser()
})

afterAll(async () => {
  await browser?.close()
  await stopServer?.()
  if (dataDir) await rm(dataDir, { recursive: true, force: true })
})

describe('a citizen without JavaScript', () => {
  it('submits a recommendation, tracks it with the code and PIN from the receipt, and reads it in English', async () => {
    const { page } = browser

    // Submit, in Vietnamese.
    await page.goto(`${baseUrl}/submit?lang=vi`)
    expect(await page.getAttribute('html', 'lang')).toBe('vi')
    await page.check('#f-kind-recommendation')
    await page.fill('#f-title', TITLE)
    await page.fill('#f-content', CONTENT)
    await page.fill('#f-petitioner-fullName', 'Nguyễn Thị Hương')
    await page.fill('#f-petitioner-address', 'Thôn Đông Hòa, xã Yên Thường, Hà Nội')
    await page.fill('#f-petitioner-phone', '0912345678')
    await page.fill('#f-concerns-organization', 'Ủy ban nhân dân xã Yên Thường')
    const [submitted] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/submit'),
      page.click('#submit-button'),
    ])
    await page.waitForSelector('#tracking-code')

    // The receipt is the POST's own response: 201, no redirect, the PIN in no address.
    expect(submitted.status()).toBe(201)
    expect(new URL(page.url()).pathname).toBe('/submit')
    const code = (await page.textContent('#tracking-code'))?.trim() ?? ''
    const pin = (await page.textContent('#pin'))?.trim() ?? ''
    expect(code).not.toBe('')
    expect(pin).not.toBe('')
    expect(page.url()).not.toContain(pin)
    expect(await page.textContent('#pin-warning')).toContain('chỉ hiển thị một lần')
    expect(await page.textContent('[data-testid="kind"]')).toBe('Kiến nghị')

    // Track it, from the link on the receipt: the code is filled in, the PIN is typed.
    await page.click('#receipt-track')
    expect(await page.inputValue('#f-code')).toBe(code)
    await page.fill('#f-pin', pin)
    await page.click('#track-button')
    await page.waitForSelector('[data-testid="status"]')

    expect(page.url()).not.toContain(pin)
    expect(await page.textContent('h1')).toContain(code)
    expect(await page.textContent('[data-testid="title"]')).toBe(TITLE)
    expect(await page.textContent('[data-testid="status"]')).toBe('Đã tiếp nhận')
    const deadlines = page.locator('[data-testid="deadlines"] > li')
    expect(await deadlines.count()).toBeGreaterThan(0)
    expect(await deadlines.first().textContent()).toMatch(/Hạn: \d{2}\/\d{2}\/\d{4}/)
    expect(await page.textContent('[data-testid="timeline"]')).toContain('Đã gửi đơn')

    // Switch to English: the switch keeps the code; the PIN is typed again.
    await page.click('#lang-switch')
    expect(await page.getAttribute('html', 'lang')).toBe('en')
    expect(await page.inputValue('#f-code')).toBe(code)
    await page.fill('#f-pin', pin)
    await page.click('#track-button')
    await page.waitForSelector('[data-testid="status"]')

    expect(await page.textContent('[data-testid="status"]')).toBe('Received')
    expect(await page.textContent('[data-testid="kind"]')).toBe('Recommendation')
    expect(await page.textContent('main')).toContain('Time limits')
    expect(await deadlines.first().textContent()).toMatch(/Due: \d{2}\/\d{2}\/\d{4}/)
    expect(await page.textContent('#nav-track')).toBe('Track a petition')

    // The language sticks (cookie) and the stylesheet loaded under the CSP without complaint.
    await page.goto(`${baseUrl}/`)
    expect(await page.getAttribute('html', 'lang')).toBe('en')
    expect(browser.failedResources).toEqual([])
    expect(browser.consoleErrors).toEqual([])
  })

  it('gives one answer for an unknown code and a wrong PIN', async () => {
    const { page } = browser
    await page.goto(`${baseUrl}/track?lang=vi`)
    await page.fill('#f-code', 'ZZZZ-ZZZZ-ZZZZ')
    await page.fill('#f-pin', '000000')
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/track'),
      page.click('#track-button'),
    ])

    expect(response.status()).toBe(404)
    expect(await page.textContent('#error-summary')).toContain('Không tìm thấy đơn, hoặc mã PIN không đúng.')
    expect(await page.inputValue('#f-pin')).toBe('')
  })
})
