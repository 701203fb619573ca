/**
 * A 201 means the case is durably stored: the local server (`local/main.ts`, dynalite on disk) is
 * killed with SIGKILL in the middle of a submission load and started again on the same data
 * folder; every submission that was answered 201 is there and readable with its PIN, and the
 * server takes new submissions.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { petition } from '../integration/harness.js'
import { httpRequest, inLanes, sleep } from './helpers.js'

const ROOT = resolve(import.meta.dirname, '../..')
let dataDir: string
let child: ChildProcess | undefined

async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((ok) => probe.listen(0, '127.0.0.1', ok))
  const { port } = probe.address() as { port: number }
  await new Promise<void>((ok) => probe.close(() => ok()))
  return port
}

/** `npm start` itself (node + tsx on local/main.ts), on the given port and data folder. */
async function startServer(port: number): Promise<{ url: string; process: ChildProcess }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'local/main.ts'], {
    cwd: ROOT,
    // The load comes from one address: without SUBMISSION_LIMITS=off it would be refused (12.6).
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      SUBMISSION_LIMITS: 'off',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  proc.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString()
  })
  child = proc
  const url = `http://127.0.0.1:${port}`
  for (let i = 0; i < 600; i++) {
    if (proc.exitCode !== null) throw new Error(`server exited (${proc.exitCode}): ${stderr.slice(-2000)}`)
    try {
      const res = await httpRequest(`${url}/api/v1/openapi.json`)
      if (res.status === 200) return { url, process: proc }
    } catch {
      // not listening yet
    }
    await sleep(250)
  }
  throw new Error(`server did not start: ${stderr.slice(-2000)}`)
}

function killHard(proc: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (proc.exitCode !== null || proc.signalCode !== null) return done()
    proc.once('exit', () => done())
    proc.kill('SIGKILL')
  })
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'tiep-dan-crash-'))
})
afterAll(async () => {
  if (child) await killHard(child)
  await rm(dataDir, { recursive: true, force: true })
})

it('keeps every acknowledged submission through a SIGKILL in the middle of the load', async () => {
  const port = await freePort()
  const first = await startServer(port)

  const acknowledged: { code: string; pin: string }[] = []
  let failed = 0
  let killed = false
  const KILL_AFTER = 40
  let sent = 0
  // 12 clients submit continuously; the server is killed once 40 receipts are in.
  const load = inLanes(
    Array.from({ length: 12 }, (_, i) => i),
    12,
    async (lane) => {
      while (!killed) {
        const n = sent++
        try {
          const res = await httpRequest(`${first.url}/api/v1/petitions`, {
            method: 'POST',
            body: petition({ title: `Đơn ${n} của luồng ${lane}` }),
            headers: n % 2 ? { 'idempotency-key': `crash-${n}-${crypto.randomUUID()}` } : {},
          })
          if (res.status === 201) acknowledged.push({ code: res.body.trackingCode, pin: res.body.pin })
          else failed++
        } catch {
          failed++ // the connection died with the server: not acknowledged
        }
      }
    },
  )
  while (acknowledged.length < KILL_AFTER) await sleep(20)
  killed = true
  await killHard(first.process)
  await load
  expect(first.process.signalCode).toBe('SIGKILL')
  expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER)

  const second = await startServer(port)
  const reads = await inLanes(acknowledged, 6, ({ code, pin }) =>
    httpRequest(`${second.url}/api/v1/petitions/${code}`, { headers: { 'x-tracking-pin': pin } }),
  )
  const missing = reads
    .map((r, i) => ({ status: r.status, code: acknowledged[i]!.code }))
    .filter((r) => r.status !== 200)
  expect(missing).toEqual([])
  for (const [i, r] of reads.entries()) expect(r.body.trackingCode).toBe(acknowledged[i]!.code)

  // The restarted server is whole: it takes and serves a new submission.
  const fresh = await httpRequest(`${second.url}/api/v1/petitions`, { method: 'POST', body: petition() })
  expect(fresh.status).toBe(201)
  const again = await httpRequest(`${second.url}/api/v1/petitions/${fresh.body.trackingCode}`, {
    headers: { 'x-tracking-pin': fresh.body.pin },
  })
  expect(again.status).toBe(200)
  await killHard(second.process)
  console.info(
    `killed after ${acknowledged.length} receipts (${failed} requests cut off); all readable after restart`,
  )
}, 600_000)
