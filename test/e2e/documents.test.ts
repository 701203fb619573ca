/**
 * Official documents in a real Chromium against the real local server (docs/documents.md): a
 * complaint filed online; the head of the committee accepts it, previews the acceptance notice,
 * confirms and issues it (it takes number 1 of the register); the petitioner opens the tracking page
 * with the code and the PIN and downloads the notice, a DOCX that names the case. axe-core checks
 * every page visited (0 violations); screenshots go to test/e2e/screenshots/.
 */
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axeViolations, chromiumMissing, openBrowser, type TestBrowser } from './browser.js'

const SCREENSHOTS = join(import.meta.dirname, 'screenshots')
const missing = chromiumMissing()
if (missing) console.warn(missing)

let baseUrl: string
let stop: (() => Promise<void>) | undefined
let dataDir: string
let browser: TestBrowser
const filed = { code: '', pin: '' }

beforeAll(async () => {
  if (missing) return
  await mkdir(SCREENSHOTS, { recursive: true })
  dataDir = await mkdtemp(join(tmpdir(), 'tiep-dan-e2e-documents-'))
  const { startLocalServer } = await import('../../local/server.js')
  const server = await startLocalServer({ port: 0, dataDir, seed: { petitions: 0 }, quiet: true })
  baseUrl = server.url.replace(/\/$/, '')
  stop = () => server.close()
  browser = await openBrowser({ javaScriptEnabled: true })
}, 300_000)

afterAll(async () => {
  if (missing) return
  await browser?.close()
  await stop?.()
  if (dataDir) await rm(dataDir, { recursive: true, force: true })
})

async function check(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('load')
  const violations = await axeViolations(page)
  expect(violations, `${name}: ${JSON.stringify(violations, null, 1)}`).toEqual([])
  await page.screenshot({ path: join(SCREENSHOTS, `documents-${name}.png`), fullPage: true })
}

async function submit(page: Page, selector: string, name: string): Promise<void> {
  await Promise.all([page.waitForNavigation(), page.click(selector)])
  await check(page, name)
}

describe.skipIf(missing)('official documents in Chromium', { timeout: 240_000 }, () => {
  it('accept → preview → issue → the petitioner downloads the notice', async () => {
    const res = await fetch(`${baseUrl}/api/v1/petitions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        kind: 'complaint',
        title: 'Khiếu nại việc chậm chi trả phụ cấp',
        content: 'Đơn vị chưa chi trả phụ cấp công vụ cho tôi dù đã có quyết định. Đề nghị xem xét.',
        petitioner: { fullName: 'Phạm Thị Lan', address: 'Số 12 phố Hàng Bài, Hà Nội', phone: '0912000111' },
        concerns: { organization: 'Bộ Tài chính' },
        topic: 'policy',
      }),
    })
    expect(res.status).toBe(201)
    const receipt = (await res.json()) as { trackingCode: string; pin: string }
    filed.code = receipt.trackingCode
    filed.pin = receipt.pin

    const { page } = browser
    await page.goto(`${baseUrl}/staff/sign-in?lang=vi`)
    await page.check('#user-btc-truong')
    await Promise.all([page.waitForNavigation(), page.click('#sign-in-dev')])
    await page.goto(`${baseUrl}/staff/cases/${filed.code}`)
    await check(page, 'case')
    await submit(page, '#action-accept button[type="submit"]', 'case-accepted')
    expect(await page.textContent('[data-testid="case-status"]')).toBe('Đã thụ lý')

    await submit(page, '[data-template="complaint.acceptance"] a', 'preview')
    const preview = (await page.textContent('[data-testid="document-preview"]'))!
    expect(preview).toContain('THÔNG BÁO')
    expect(preview).toContain('Phạm Thị Lan')
    // Without the confirmation nothing is issued.
    await submit(page, '#issue-document button[type="submit"]', 'preview-unconfirmed')
    expect(await page.locator('#issue-document .has-error').count()).toBe(1)
    await page.check('#f-confirm')
    await submit(page, '#issue-document button[type="submit"]', 'issued')
    expect(await page.textContent('[data-testid="document-notice"]')).toContain('1-TB/')
    expect(await page.locator('[data-testid="issued-documents"] li').count()).toBe(1)
    await Promise.all([page.waitForNavigation(), page.click('#sign-out')])

    await page.goto(`${baseUrl}/track?lang=vi`)
    await page.fill('#f-code', filed.code)
    await page.fill('#f-pin', filed.pin)
    await submit(page, '#track-button', 'tracking')
    expect(await page.textContent('[data-testid="tracked-documents"]')).toContain('1-TB/')
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid="tracked-documents"] button[type="submit"]'),
    ])
    expect(download.suggestedFilename()).toMatch(/^1-TB-.*\.docx$/)
    const bytes = new Uint8Array(await readFile((await download.path())!))
    const xml = strFromU8(unzipSync(bytes)['word/document.xml']!)
    expect(xml).toContain('Phạm Thị Lan')
    expect(xml).toContain(filed.code.replaceAll('-', '').slice(0, 4))
  })
})
