/**
 * A real Chromium for the e2e tests: Debian's package (`apt-get install -y chromium`), driven by
 * playwright-core, with a fresh profile per launch. `--user-data-dir` must not be in `args`:
 * Playwright passes the profile itself and refuses it there.
 */
import { existsSync, readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
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
export async function openBrowser(
  options: { javaScriptEnabled?: boolean; viewport?: { width: number; height: number } } = {},
): Promise<TestBrowser> {
  const profile = await mkdtemp(join(tmpdir(), 'tiep-dan-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    javaScriptEnabled: options.javaScriptEnabled ?? false,
    ...(options.viewport ? { viewport: options.viewport } : {}),
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

/**
 * Whether this run is CI: any `CI` value but empty, `0` or `false` (CI services set `true`, `1` or
 * their own name). There a missing browser must fail the run, or a green run proves nothing.
 */
export function isCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env.CI?.trim().toLowerCase()
  return value !== undefined && value !== '' && value !== '0' && value !== 'false'
}

/**
 * Why the browser tests cannot run here, in one line with the fix, or undefined when they can.
 * In CI a missing Chromium throws (the test file fails), never a skip.
 */
export function chromiumMissing(
  env: NodeJS.ProcessEnv = process.env,
  exists: (path: string) => boolean = existsSync,
): string | undefined {
  const path = env.CHROMIUM_PATH ?? CHROMIUM_PATH
  if (exists(path)) return undefined
  const line = `Chromium not found at ${path}: install it with \`sudo apt-get install -y chromium\` (or set CHROMIUM_PATH)`
  if (isCi(env)) throw new Error(`${line}; the browser tests cannot be skipped in CI.`)
  return `${line}; browser tests skipped.`
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

export interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: string[]
}

/**
 * Runs axe-core in the page (WCAG 2.0–2.2 A and AA rules and axe's best practices) and returns the
 * violations. Evaluated through the DevTools protocol, so the pages' strict CSP stays as it is.
 * Needs JavaScript enabled in the context.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE)
  return page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run(
            ctx: unknown,
            opts: unknown,
          ): Promise<{
            violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[]
          }>
        }
      }
    ).axe
    const result = await axe.run((globalThis as unknown as { document: unknown }).document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      },
    })
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ')),
    }))
  })
}

/** Bytes of every response a page load fetched (document, stylesheets, icon), by page. */
export class PageSizes {
  readonly pages: Record<string, { document: number; total: number; requests: number }> = {}
  #current: string | undefined
  #pending: Promise<void>[] = []

  constructor(page: Page) {
    page.on('response', (response) => {
      const name = this.#current
      if (!name) return
      this.#pending.push(
        response
          .body()
          .then((body) => {
            this.pages[name] ??= { document: 0, total: 0, requests: 0 }
            const entry = this.pages[name]
            entry.total += body.length
            entry.requests += 1
            if (response.request().resourceType() === 'document') entry.document = body.length
          })
          .catch(() => undefined),
      )
    })
  }

  /** Everything fetched from now until `settle()` counts for `name` (the first visit is kept). */
  start(name: string): void {
    this.#current = this.pages[name] ? undefined : name
  }

  async settle(): Promise<void> {
    await Promise.all(this.#pending)
    this.#pending = []
    this.#current = undefined
  }
}
