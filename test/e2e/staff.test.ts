/**
 * The staff workspace in a real Chromium against the real local server: a citizen submits and
 * tracks; a reception officer registers a paper petition received last week; a committee head
 * accepts it (keyboard only), extends and resolves it; the petitioner reads the answer and rates
 * it; a supervisor opens the overdue list, a report (its charts and downloads), the rated case and a drill-down;
 * an admin adds a holiday and sees a time limit move. axe-core checks every page and state visited
 * (0 violations), a 360 px pass checks the pages fit a phone, and a context with JavaScript off
 * registers and triages a petition. Screenshots and each page's size go to test/e2e/screenshots/.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays, formatVietnamese, vietnamDate } from '../../shared/domain/dates.js'
import { axeViolations, chromiumMissing, openBrowser, PageSizes, type TestBrowser } from './browser.js'

const SCREENSHOTS = join(import.meta.dirname, 'screenshots')
const missing = chromiumMissing()
if (missing) console.warn(missing)

let baseUrl: string
let stop: (() => Promise<void>) | undefined
let dataDir: string
let browser: TestBrowser
let sizes: PageSizes
let shot = 0
const visited: string[] = []

/** Where the paper petition's code and PIN are kept between the steps of the story. */
const paper = { code: '', pin: '' }

beforeAll(async () => {
  if (missing) return
  await mkdir(SCREENSHOTS, { recursive: true })
  dataDir = await mkdtemp(join(tmpdir(), 'tiep-dan-e2e-staff-'))
  const { startLocalServer } = await import('../../local/server.js')
  const server = await startLocalServer({ port: 0, dataDir, seed: { petitions: 20 }, quiet: true })
  baseUrl = server.url.replace(/\/$/, '')
  stop = () => server.close()
  browser = await openBrowser({ javaScriptEnabled: true })
  sizes = new PageSizes(browser.page)
  // Seeding the demo organisation and starting Chromium take a while on a busy machine.
}, 300_000)

afterAll(async () => {
  if (missing) return
  await writeFile(join(SCREENSHOTS, 'page-sizes.json'), `${JSON.stringify(sizes?.pages ?? {}, null, 2)}\n`)
  await browser?.close()
  await stop?.()
  if (dataDir) await rm(dataDir, { recursive: true, force: true })
})

/**
 * After every navigation or form post: the page is accessible (axe: 0 violations), loaded its
 * assets without errors, and is photographed for the reviewer.
 */
async function check(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('load')
  await sizes.settle()
  const violations = await axeViolations(page)
  expect(violations, `${name}: ${JSON.stringify(violations, null, 1)}`).toEqual([])
  shot++
  await page.screenshot({
    path: join(SCREENSHOTS, `${String(shot).padStart(2, '0')}-${name}.png`),
    fullPage: true,
  })
  visited.push(name)
}

async function go(page: Page, path: string, name: string): Promise<void> {
  sizes.start(name)
  await page.goto(`${baseUrl}${path}`)
  await check(page, name)
}

/** Clicks and waits for the next page (a form post or a link), then checks it. */
async function submit(page: Page, selector: string, name: string): Promise<void> {
  sizes.start(name)
  await Promise.all([page.waitForNavigation(), page.click(selector)])
  await check(page, name)
}

async function signIn(page: Page, userId: string, name: string): Promise<void> {
  await go(page, '/staff/sign-in?lang=vi', `sign-in-${name}`)
  await page.check(`#user-${userId.replace(/[^A-Za-z0-9_-]/g, '-')}`)
  sizes.start(`home-${name}`)
  await Promise.all([page.waitForNavigation(), page.click('#sign-in-dev')])
  await check(page, `home-${name}`)
}

async function signOut(page: Page): Promise<void> {
  await Promise.all([page.waitForNavigation(), page.click('#sign-out')])
}

/** Presses Tab until the element matching `selector` has the focus (keyboard only, no clicks). */
async function tabTo(page: Page, selector: string, max = 200): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab')
    if (await page.evaluate((s) => (globalThis as any).document.activeElement?.matches(s) ?? false, selector))
      return
  }
  throw new Error(`Tab never reached ${selector}`)
}

describe.skipIf(missing)('the staff workspace in Chromium', { timeout: 240_000 }, () => {
  it('a citizen submits a petition online and tracks it', async () => {
    const { page } = browser
    await go(page, '/submit?lang=vi', 'citizen-submit')
    await page.check('#f-kind-feedback')
    await page.fill('#f-title', 'Phản ánh về giờ tiếp công dân')
    await page.fill(
      '#f-content',
      'Đề nghị công bố rõ lịch tiếp công dân định kỳ trên trang thông tin điện tử.',
    )
    await page.fill('#f-petitioner-fullName', 'Trần Văn Bình')
    await page.fill('#f-petitioner-phone', '0987654321')
    await submit(page, '#submit-button', 'citizen-receipt')
    const code = (await page.textContent('#tracking-code'))!.trim()
    const pin = (await page.textContent('#pin'))!.trim()
    await go(page, '/track?lang=vi', 'citizen-track')
    await page.fill('#f-code', code)
    await page.fill('#f-pin', pin)
    await submit(page, '#track-button', 'citizen-tracking')
    expect(await page.textContent('[data-testid="status"]')).toBe('Đã tiếp nhận')
  })

  it('a reception officer registers a paper petition received last week, then sees it in triage', async () => {
    const { page } = browser
    await signIn(page, 'tiepdan', 'reception')
    expect(new URL(page.url()).pathname).toBe('/staff/reception')
    const lastWeek = addDays(vietnamDate(new Date()), -7)

    // A first try with the content missing: the summary names it and the form keeps what was typed.
    await page.selectOption('#f-channel', 'post')
    await page.fill('#f-receivedAt', formatVietnamese(lastWeek))
    await page.selectOption('#f-kind', 'complaint')
    await page.fill('#f-title', 'Khiếu nại việc chậm chi trả phụ cấp công vụ')
    await page.fill('#f-petitioner-fullName', 'Phạm Thị Lan')
    await page.fill('#f-petitioner-address', 'Số 12 phố Hàng Bài, Hà Nội')
    await page.fill('#f-petitioner-phone', '0912000111')
    await page.fill('#f-concerns-organization', 'Bộ Tài chính')
    await page.selectOption('#f-topic', 'policy')
    await submit(page, '#register', 'reception-errors')
    expect(await page.textContent('#error-summary')).toContain('')
    expect(await page.locator('#error-summary a[href="#f-content"]').count()).toBe(1)
    expect(await page.evaluate(() => (globalThis as any).document.activeElement?.id)).toBe('error-summary')
    expect(await page.inputValue('#f-title')).toBe('Khiếu nại việc chậm chi trả phụ cấp công vụ')

    await page.fill(
      '#f-content',
      'Từ tháng 7 đến nay đơn vị chưa chi trả phụ cấp công vụ cho tôi dù đã có quyết định. Đề nghị xem xét, giải quyết.',
    )
    await submit(page, '#register', 'reception-receipt')
    paper.code = (await page.textContent('[data-testid="tracking-code"]'))!.trim()
    paper.pin = (await page.textContent('[data-testid="pin"]'))!.trim()
    expect(paper.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/)
    expect(await page.textContent('main')).toContain(formatVietnamese(lastWeek).slice(0, 5))
    expect(await page.textContent('main')).toContain('Bộ Tài chính')

    await go(page, '/staff/reception/triage', 'triage')
    await go(page, '/staff/reception/register', 'reception-register')
    expect(await page.locator('form').count()).toBeGreaterThan(0)
    await signOut(page)
  })

  it('a committee head accepts it with the keyboard alone, then extends and resolves it', async () => {
    const { page } = browser
    // Keyboard only: sign in, open the case from the queue, accept.
    await go(page, '/staff/sign-in?lang=vi', 'sign-in-keyboard')
    await tabTo(page, 'input[name="userId"]')
    // Arrow keys move through the radio group to the head of the Ministry of Finance's committee.
    for (let i = 0; i < 60; i++) {
      const id = await page.evaluate(() => (globalThis as any).document.activeElement?.value)
      if (id === 'btc.truong') break
      await page.keyboard.press('ArrowDown')
    }
    await tabTo(page, '#sign-in-dev')
    sizes.start('queue')
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')])
    await check(page, 'queue')
    expect(await page.textContent('[data-testid="signed-in-as"]')).toContain('Nguyễn Thị Mai')
    await tabTo(page, `a[href="/staff/cases/${paper.code}"]`)
    sizes.start('case')
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')])
    await check(page, 'case')
    // The petitioner's details are opened only when asked for: the button shows them.
    expect(await page.$('[data-testid="petitioner-name"]')).toBeNull()
    await tabTo(page, '[data-testid="identity-hidden"] button[type="submit"]')
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')])
    expect(await page.textContent('[data-testid="petitioner-name"]')).toBe('Phạm Thị Lan')
    expect(await page.textContent('#action-accept .consequence')).toContain(paper.code)
    await tabTo(page, '#action-accept button[type="submit"]')
    sizes.start('case-accepted')
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')])
    await check(page, 'case-accepted')
    expect(await page.textContent('[data-testid="case-status"]')).toBe('Đã thụ lý')

    // Extend: the resolution clock moves.
    const before = await page.textContent('[data-clock="resolution"]')
    await page.selectOption('#f-extend-complexity', 'complex')
    await page.fill('#f-extend-reason', 'Cần xác minh tại nhiều đơn vị có liên quan.')
    await submit(page, '#action-extend button[type="submit"]', 'case-extended')
    expect(await page.textContent('[data-testid="notice"]')).toContain('Gia hạn')
    expect(await page.textContent('[data-clock="resolution"]')).not.toBe(before)

    // Resolve: a missing answer first (per-field error), then the answer.
    await page.selectOption('#f-resolve-outcome', 'upheld')
    await submit(page, '#action-resolve button[type="submit"]', 'case-resolve-error')
    expect(await page.locator('#error-summary a[href="#f-resolve-answer"]').count()).toBe(1)
    await page.selectOption('#f-resolve-outcome', 'upheld')
    await page.fill(
      '#f-resolve-answer',
      'Khiếu nại đúng. Đơn vị sẽ chi trả đầy đủ phụ cấp công vụ trong tháng này.',
    )
    await submit(page, '#action-resolve button[type="submit"]', 'case-resolved')
    expect(await page.textContent('[data-testid="case-status"]')).toBe('Đã giải quyết')
    expect(await page.textContent('[data-testid="staff-timeline"]')).toContain('Nguyễn Thị Mai')
    await signOut(page)
  })

  it('the petitioner reads the answer', async () => {
    const { page } = browser
    await go(page, '/track?lang=vi', 'petitioner-track')
    await page.fill('#f-code', paper.code)
    await page.fill('#f-pin', paper.pin)
    await submit(page, '#track-button', 'petitioner-answer')
    expect(await page.textContent('#answer')).toContain('chi trả đầy đủ')
  })

  it('the petitioner rates the answer', async () => {
    const { page } = browser
    // The answer page of the previous step carries the rating form (/track/rate).
    expect(await page.locator('form#rate-form[action="/track/rate"]').count()).toBe(1)
    await page.check('#f-rate-score-4')
    await page.fill('#f-rate-comment', 'Trả lời rõ ràng, cảm ơn cán bộ.')
    await submit(page, '#rate-button', 'petitioner-rated')
    expect(await page.locator('#rate-form').count()).toBe(0)
    expect(await page.textContent('[data-testid="rating"]')).toContain('Trả lời rõ ràng, cảm ơn cán bộ.')
  })

  it('a supervisor opens the overdue list, a report and a drill-down', async () => {
    const { page } = browser
    await signIn(page, 'giamsat', 'supervisor')
    expect(new URL(page.url()).pathname).toBe('/staff/dashboard')
    expect(await page.locator('[data-testid="ranking"] tbody tr').count()).toBeGreaterThan(10)
    expect(Number(await page.textContent('[data-testid="figure-overdue"]'))).toBeGreaterThan(0)
    await submit(page, '[data-testid="ranking"] a[href*="/staff/reports"]', 'report')
    expect(await page.textContent('[data-testid="report"]')).toMatch(/\d{2}\/\d{2}\/\d{4}/)
    // The report's charts are drawn inline (no image fetched with a token) and it offers downloads.
    expect(await page.locator('[data-testid="report-charts"] svg[role="img"]').count()).toBe(2)
    expect(
      await page.locator('[data-testid="report-exports"] a[href^="/staff/reports/export."]').count(),
    ).toBe(2)
    // An audit sample drawn from the report, then its page with a finding form per case.
    await submit(page, '#draw-sample', 'audit-sample')
    expect(await page.locator('[data-testid="sample-cases"]').count()).toBe(1)
    // The case the petitioner rated shows the rating to the supervisor.
    await go(page, `/staff/cases/${paper.code}`, 'case-rated')
    expect(await page.textContent('[data-testid="rating"]')).toContain('4/5')
    await go(page, '/staff/dashboard', 'dashboard')
    await submit(page, 'a.drill-down', 'drill-down')
    expect(page.url()).toContain('due=overdue')
    const rows = page.locator('[data-testid="queue"] tbody tr')
    expect(await rows.count()).toBeGreaterThan(0)
    expect(
      await page
        .locator(
          '[data-testid="queue"] [data-urgency="overdue"], [data-testid="queue"] [data-urgency="very_overdue"]',
        )
        .count(),
    ).toBe(await rows.count())
    await submit(page, '[data-testid="queue"] a.code-link', 'drill-down-case')
    // A supervisor reads a case and may chase the committee (đôn đốc) or reveal a denouncer's
    // identity with a reason, but never takes the committee's actions.
    expect(await page.locator('form.action-form[data-action="chase"]').count()).toBe(1)
    expect(await page.locator('form.action-form[data-action]:not([data-action="chase"])').count()).toBe(0)
    // The owed accountability reports on the dashboard, and the form requiring one.
    await go(page, '/staff/dashboard', 'dashboard-owed')
    expect(await page.locator('[data-testid="owed-reports"]').count()).toBe(1)
    const owed = page.locator('[data-testid="owed-reports"] a[href^="/staff/accountability/"]')
    if ((await owed.count()) > 0)
      await submit(
        page,
        '[data-testid="owed-reports"] a[href^="/staff/accountability/"]',
        'accountability-request',
      )
    await go(page, '/staff/accountability/new', 'accountability-new')
    await page.selectOption('#f-committeeId', 'btc')
    await page.fill('#f-year', '')
    await submit(page, '#require-report', 'accountability-errors')
    expect(await page.locator('#f-year[aria-invalid="true"]').count()).toBe(1)
    await signOut(page)
  })

  it('an admin adds a holiday and sees a time limit move', async () => {
    const { page } = browser
    await signIn(page, 'admin', 'admin')
    const year = Number(vietnamDate(new Date()).slice(0, 4)) + 1
    // 10 working days from Monday 2 March next year (no holiday in sight).
    const monday = (() => {
      let d = `${year}-03-02`
      while (new Date(`${d}T12:00:00Z`).getUTCDay() !== 1) d = addDays(d, 1)
      return d
    })()
    await go(
      page,
      `/staff/admin/calendar?year=${year}&start=${formatVietnamese(monday)}&days=10`,
      'calendar-before',
    )
    const before = await page.textContent('[data-testid="preview-result"]')
    await page.fill('#f-date', formatVietnamese(addDays(monday, 2)))
    await page.fill('#f-name', 'Nghỉ bù theo thông báo của Chính phủ')
    await page.selectOption('#f-type', 'off')
    await submit(page, '#save-day', 'calendar-saved')
    expect(await page.textContent('[data-testid="overrides"]')).toContain(
      formatVietnamese(addDays(monday, 2)),
    )
    await go(
      page,
      `/staff/admin/calendar?year=${year}&start=${formatVietnamese(monday)}&days=10`,
      'calendar-after',
    )
    const after = await page.textContent('[data-testid="preview-result"]')
    expect(after).not.toBe(before)
    await go(
      page,
      '/staff/admin/routing?testKind=complaint&testTopic=policy&testSubmitter=citizen&testOrganization=B%E1%BB%99+T%C3%A0i+ch%C3%ADnh',
      'routing-test',
    )
    expect(await page.textContent('[data-testid="routing-result"]')).toContain('Tài chính')
    await go(page, '/staff/admin/users', 'users')
    await go(page, '/staff/admin/committees', 'committees')
    await go(page, '/staff/admin/deadlines', 'deadlines')
    await go(page, '/staff/queue?lang=en', 'forbidden-en')
    await signOut(page)
  })

  it('every page fits a 360 px wide screen', async () => {
    const narrow = await openBrowser({ javaScriptEnabled: true, viewport: { width: 360, height: 740 } })
    try {
      const { page } = narrow
      await page.goto(`${baseUrl}/staff/sign-in?lang=vi`)
      await page.check('#user-btc-truong')
      await Promise.all([page.waitForNavigation(), page.click('#sign-in-dev')])
      for (const path of [
        '/staff/queue',
        `/staff/cases/${paper.code}`,
        '/staff/reports?committee=btc&period=year',
      ]) {
        await page.goto(`${baseUrl}${path}`)
        const width = await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth)
        expect(width, path).toBeLessThanOrEqual(360)
        expect(await axeViolations(page), path).toEqual([])
        await page.screenshot({ path: join(SCREENSHOTS, `360-${path.split('/')[2]}.png`), fullPage: true })
      }
    } finally {
      await narrow.close()
    }
  })

  it('works with JavaScript turned off: a reception officer registers and re-routes a petition', async () => {
    const noJs = await openBrowser({ javaScriptEnabled: false })
    try {
      const { page } = noJs
      await page.goto(`${baseUrl}/staff/queue`)
      // Not signed in: to the sign-in page, which brings you back afterwards.
      expect(new URL(page.url()).pathname).toBe('/staff/sign-in')
      await page.check('#user-tiepdan')
      await Promise.all([page.waitForNavigation(), page.click('#sign-in-dev')])
      expect(new URL(page.url()).pathname).toBe('/staff/queue')
      await page.goto(`${baseUrl}/staff/reception`)
      await page.selectOption('#f-channel', 'in_person')
      await page.selectOption('#f-kind', 'recommendation')
      await page.fill('#f-title', 'Kiến nghị bố trí chỗ để xe cho người đến tiếp công dân')
      await page.fill('#f-content', 'Đề nghị bố trí chỗ để xe máy có mái che tại trụ sở tiếp công dân.')
      await page.fill('#f-petitioner-fullName', 'Lê Văn Tâm')
      await page.selectOption('#f-committeeId', 'vanphong')
      await Promise.all([page.waitForNavigation(), page.click('#register')])
      const code = (await page.textContent('[data-testid="tracking-code"]'))!.trim()
      await page.screenshot({ path: join(SCREENSHOTS, 'nojs-receipt.png'), fullPage: true })
      await page.goto(`${baseUrl}/staff/reception/triage`)
      const section = page.locator(`section[data-code="${code}"]`)
      await section.locator('select').selectOption('btc')
      await Promise.all([page.waitForNavigation(), section.locator('button').click()])
      expect(await page.textContent('[data-testid="notice"]')).toContain('Đã chuyển')
      expect(await page.locator(`section[data-code="${code}"]`).count()).toBe(0)
      await page.screenshot({ path: join(SCREENSHOTS, 'nojs-triage.png'), fullPage: true })
      expect(noJs.failedResources).toEqual([])
    } finally {
      await noJs.close()
    }
  })
})
