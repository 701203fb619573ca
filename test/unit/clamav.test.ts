import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { clamdScanner, commandScanner, parseClamReply } from '../../shared/scanning/clamav.js'
import { NO_SCANNER, parseScannerSetting } from '../../shared/scanning/virus-scanner.js'
import { pdf } from '../fixtures/documents.js'
import { EICAR, type FakeClamd, startFakeClamd } from '../fixtures/fake-clamd.js'

const bytes = (s: string) => new TextEncoder().encode(s)

describe('the ClamAV adapter over clamd’s socket (INSTREAM)', () => {
  let clamd: FakeClamd
  beforeAll(async () => {
    clamd = await startFakeClamd()
  })
  afterAll(() => clamd?.close())

  it('reports the EICAR test file as infected, with the signature’s name', async () => {
    const result = await clamdScanner({ path: clamd.path }).scan(bytes(EICAR))
    expect(result).toEqual({ verdict: 'infected', signature: 'Eicar-Signature' })
  })

  it('reports a clean document as clean', async () => {
    expect(await clamdScanner({ path: clamd.path }).scan(pdf())).toEqual({ verdict: 'clean' })
  })

  it('sends a large document in chunks that clamd puts back together byte for byte', async () => {
    const large = new Uint8Array(300_000).map((_, i) => (i * 7) & 0xff)
    large.set(bytes(EICAR), 250_000)
    const before = clamd.received.length
    expect((await clamdScanner({ path: clamd.path }).scan(large)).verdict).toBe('infected')
    expect(Buffer.from(clamd.received[before]!).equals(Buffer.from(large))).toBe(true)
  })

  it('is unavailable, never clean, when clamd hangs up or is not there', async () => {
    const dead = await startFakeClamd('hang-up')
    try {
      expect((await clamdScanner({ path: dead.path }).scan(pdf())).verdict).toBe('unavailable')
    } finally {
      await dead.close()
    }
    const missing = await clamdScanner({ path: join(tmpdir(), 'no-clamd-here.ctl') }).scan(pdf())
    expect(missing.verdict).toBe('unavailable')
  })
})

describe('the ClamAV adapter over the command line', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fake-clamscan-'))
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  /** A stand-in `clamscan` that behaves as the real one on stdin: exit 0 OK, 1 FOUND, 2 error. */
  async function fakeCommand(name: string, script: string): Promise<string> {
    const path = join(dir, name)
    await writeFile(path, `#!/bin/sh\n${script}\n`)
    await chmod(path, 0o755)
    return path
  }

  it('reads clamscan’s verdict on stdin and its exit code', async () => {
    const command = await fakeCommand(
      'clamscan',
      `[ "$*" = "--no-summary --stdout -" ] || exit 2
if grep -q 'EICAR-STANDARD-ANTIVIRUS-TEST-FILE'; then echo 'stdin: Eicar-Test-Signature FOUND'; exit 1; fi
echo 'stdin: OK'`,
    )
    expect(await commandScanner(command).scan(bytes(EICAR))).toEqual({
      verdict: 'infected',
      signature: 'Eicar-Test-Signature',
    })
    expect(await commandScanner(command).scan(pdf())).toEqual({ verdict: 'clean' })
  })

  it('is unavailable when the command fails or is missing', async () => {
    const broken = await fakeCommand(
      'clamdscan',
      `cat >/dev/null; echo 'ERROR: Could not connect to clamd'; exit 2`,
    )
    expect((await commandScanner(broken).scan(pdf())).verdict).toBe('unavailable')
    expect((await commandScanner(join(dir, 'none', 'clamscan')).scan(pdf())).verdict).toBe('unavailable')
  })
})

describe('choosing the scanner', () => {
  it('reads the setting', () => {
    expect(parseScannerSetting(undefined)).toEqual({ kind: 'none' })
    expect(parseScannerSetting('clamd:/run/clamav/clamd.ctl')).toEqual({
      kind: 'clamd',
      path: '/run/clamav/clamd.ctl',
    })
    expect(parseScannerSetting('clamd:tcp://clamav.internal:3310')).toEqual({
      kind: 'clamd',
      host: 'clamav.internal',
      port: 3310,
    })
    expect(parseScannerSetting('/usr/bin/clamdscan')).toEqual({
      kind: 'command',
      command: '/usr/bin/clamdscan',
    })
    expect(() => parseScannerSetting('rm -rf /')).toThrow(/VIRUS_SCANNER/)
  })

  it('without a scanner, says unavailable', async () => {
    expect((await NO_SCANNER.scan(pdf())).verdict).toBe('unavailable')
  })

  it('reads the replies clamd and clamdscan give', () => {
    expect(parseClamReply('stream: OK\0')).toEqual({ verdict: 'clean' })
    expect(parseClamReply('stream: Win.Test.EICAR_HDB-1 FOUND\0')).toEqual({
      verdict: 'infected',
      signature: 'Win.Test.EICAR_HDB-1',
    })
    expect(parseClamReply('INSTREAM size limit exceeded. ERROR\0').verdict).toBe('unavailable')
  })
})
