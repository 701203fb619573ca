/**
 * A real Chromium for the e2e tests: Debian's package (`apt-get install -y chromium`), driven by
 * playwright-core, with a fresh profile per launch. `--user-data-dir` must not be in `args`:
 * Playwright passes the profile itself and refuses it there.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type BrowserContext, chromium, type Page } from 'playwright-core'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export interface TestBrowser {
  context: BrowserContext
  page: Page
  /** Console errors the pages produced (a CSP violation shows up here). */
  consoleErrors: string[]
  /** Sub-resources (stylesheet, icon…) that failed, as `status url`; pages themselves are left out. */
  failedResources: string[]
  close(): Promise<void>
}

/**
 * Launch Chromium with a fresh profile. JavaScript is off by default: the citizen pages must work
 * without it, so the tests prove they do.
 */
export async function openBrowser(options: { javaScriptEnabled?: boolean } = {}): Promise<TestBrowser> {
  const profile = await mkdtemp(join(tmpdir(), 'tiep-dan-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    javaScriptEnabled: options.javaScriptEnabled ?? false,
  })
  const page = context.pages()[0] ?? (await context.newPage())
  const consoleErrors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text())
  })
  const failedResources: string[] = []
  page.on('response', (response) => {
    if (response.status() >= 400 && response.request().resourceType() !== 'document')
      failedResources.push(`${response.status()} ${response.url()}`)
  })
  return {
    context,
    page,
    consoleErrors,
    failedResources,
    async close() {
      await context.close()
      await rm(profile, { recursive: true, force: true })
    },
  }
}
