/**
 * docs/integrating.md against the running system: every `sh test` block of the guide, in order, as
 * one bash script (`set -euo pipefail`, so any failed `curl -f` or `test` fails it) against a local
 * server with the demo organisation. The guide's examples cannot drift from what the API does.
 */
import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Harness, startHarness } from './harness.js'

const run = promisify(execFile)
const guide = readFileSync(new URL('../../docs/integrating.md', import.meta.url), 'utf8')
const blocks = [...guide.matchAll(/^```sh test\n([\s\S]*?)^```$/gm)].map((m) => m[1]!)

let h: Harness
beforeAll(async () => {
  h = await startHarness({ petitions: 3 })
})
afterAll(async () => h?.close())

describe('docs/integrating.md', () => {
  it('has runnable examples for each section, in both languages', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(7)
    for (const heading of guide.match(/^## .*$/gm) ?? []) expect(heading).toMatch(/ \/ /)
  })

  it('runs every example against the local server', async () => {
    // The harness's contract check wraps globalThis.fetch; curl talks to the server directly.
    const script = ['set -euo pipefail', ...blocks.map((b, i) => `echo "--- example ${i + 1}"\n${b}`)].join(
      '\n',
    )
    const { stdout } = await run('bash', ['-c', script], {
      env: { ...process.env, BASE: h.server.url },
      timeout: 60_000,
    }).catch((error: { stdout?: string; stderr?: string; message: string }) => {
      throw new Error(`${error.message}\n${error.stdout ?? ''}\n${error.stderr ?? ''}`)
    })
    expect(stdout).toContain(`--- example ${blocks.length}`)
  }, 90_000)
})
