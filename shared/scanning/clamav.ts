/**
 * ClamAV behind the virus-scanner port: clamd over its socket (the INSTREAM command: the bytes
 * in length-prefixed chunks, one reply line), or the `clamdscan` / `clamscan` command reading
 * stdin. Any failure to get an answer is `unavailable`, never `clean`.
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createConnection } from 'node:net'
import { delimiter, join } from 'node:path'
import { NO_SCANNER, type ScannerSetting, type ScanResult, type VirusScanner } from './virus-scanner.js'

/** Bytes per INSTREAM chunk: far below clamd's StreamMaxLength (25 MB by default). */
const CHUNK_BYTES = 64 * 1024
export const SCAN_TIMEOUT_MS = 30_000
/** Where Debian's clamav-daemon listens. */
export const DEBIAN_CLAMD_SOCKET = '/run/clamav/clamd.ctl'

/** What clamd or clamdscan says about one stream: `stream: OK`, `stream: <name> FOUND`, `… ERROR`. */
export function parseClamReply(reply: string): ScanResult {
  const line = reply.replace(/\0/g, '').trim()
  const found = /^[^:]*:\s*(.+?)\s+FOUND$/m.exec(line)
  if (found) return { verdict: 'infected', signature: found[1]! }
  if (/^[^:]*:\s*OK$/m.test(line)) return { verdict: 'clean' }
  return { verdict: 'unavailable', reason: `clamav: ${line.slice(0, 200) || 'no answer'}` }
}

export function clamdScanner(
  target: { path: string } | { host: string; port: number },
  timeoutMs = SCAN_TIMEOUT_MS,
): VirusScanner {
  return {
    scan: (bytes) =>
      new Promise<ScanResult>((resolve) => {
        const socket =
          'path' in target ? createConnection(target.path) : createConnection(target.port, target.host)
        const replies: Buffer[] = []
        let settled = false
        const done = (result: ScanResult) => {
          if (settled) return
          settled = true
          socket.destroy()
          resolve(result)
        }
        socket.setTimeout(timeoutMs, () => done({ verdict: 'unavailable', reason: 'clamd: timed out' }))
        socket.on('error', (e) => done({ verdict: 'unavailable', reason: `clamd: ${e.message}` }))
        socket.on('data', (d) => replies.push(d))
        socket.on('end', () => done(parseClamReply(Buffer.concat(replies).toString('utf8'))))
        socket.on('connect', () => {
          // `z` prefix: the command and its reply end with NUL.
          socket.write('zINSTREAM\0')
          for (let at = 0; at < bytes.length; at += CHUNK_BYTES) {
            const chunk = bytes.subarray(at, Math.min(bytes.length, at + CHUNK_BYTES))
            const length = Buffer.alloc(4)
            length.writeUInt32BE(chunk.length)
            socket.write(length)
            socket.write(chunk)
          }
          socket.write(Buffer.alloc(4)) // a zero-length chunk ends the stream
        })
      }),
  }
}

/** `clamdscan -` or `clamscan -`: exit 0 clean, 1 found, anything else an error. */
export function commandScanner(command: string, timeoutMs = SCAN_TIMEOUT_MS): VirusScanner {
  return {
    scan: (bytes) =>
      new Promise<ScanResult>((resolve) => {
        const child = spawn(command, ['--no-summary', '--stdout', '-'], {
          stdio: ['pipe', 'pipe', 'pipe'],
          timeout: timeoutMs,
        })
        const out: Buffer[] = []
        child.stdout.on('data', (d: Buffer) => out.push(d))
        child.on('error', (e) => resolve({ verdict: 'unavailable', reason: `${command}: ${e.message}` }))
        child.on('close', (code) => {
          const reply = Buffer.concat(out).toString('utf8')
          if (code === 0 || code === 1) resolve(parseClamReply(reply))
          else resolve({ verdict: 'unavailable', reason: `${command}: exit ${code}: ${reply.slice(0, 200)}` })
        })
        child.stdin.on('error', () => {}) // the close handler reports the failure
        child.stdin.end(bytes)
      }),
  }
}

function onPath(command: string, pathVariable: string): string | undefined {
  return pathVariable
    .split(delimiter)
    .filter(Boolean)
    .map((dir) => join(dir, command))
    .find((p) => existsSync(p))
}

/**
 * The scanner a setting names; `auto` looks for Debian's clamd socket, then the commands on
 * `searchPath` (the caller's PATH).
 */
export function createVirusScanner(setting: ScannerSetting, searchPath = ''): VirusScanner {
  switch (setting.kind) {
    case 'none':
      return NO_SCANNER
    case 'clamd':
      return clamdScanner('path' in setting ? { path: setting.path } : setting)
    case 'command':
      return commandScanner(setting.command)
    case 'auto': {
      if (existsSync(DEBIAN_CLAMD_SOCKET)) return clamdScanner({ path: DEBIAN_CLAMD_SOCKET })
      const command = onPath('clamdscan', searchPath) ?? onPath('clamscan', searchPath)
      return command ? commandScanner(command) : NO_SCANNER
    }
  }
}
