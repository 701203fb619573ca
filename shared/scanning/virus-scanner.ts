/**
 * The virus-scanner port: what a document's bytes are before it leaves `pending/` or is stored.
 * ClamAV where it is installed (shared/scanning/clamav.ts); elsewhere no scanner, which says
 * `unavailable` and the upload goes on with a warning in the log (docs/threat-model.md, 12.11).
 */

export type ScanResult =
  | { readonly verdict: 'clean' }
  /** `signature`: the scanner's name for what it found (e.g. `Eicar-Signature`); never shown to the uploader. */
  | { readonly verdict: 'infected'; readonly signature: string }
  /** No scanner, or it could not answer (down, timed out, over its size limit): why. */
  | { readonly verdict: 'unavailable'; readonly reason: string }

export interface VirusScanner {
  scan(bytes: Uint8Array): Promise<ScanResult>
}

/** Where no scanner is configured or found. */
export const NO_SCANNER: VirusScanner = {
  scan: async () => ({ verdict: 'unavailable', reason: 'no virus scanner configured' }),
}

/**
 * Which scanner, as one setting (`VIRUS_SCANNER`):
 * - unset or `none`: no scanner;
 * - `clamd:<path>`: clamd's local socket (Debian's clamav-daemon: `clamd:/run/clamav/clamd.ctl`);
 * - `clamd:tcp://<host>:<port>`: clamd over TCP (a scanner service in the VPC);
 * - `clamdscan` or `clamscan` (or a path to one): the command, fed the bytes on stdin;
 * - `auto` (one machine): Debian's clamd socket if it is there, else `clamdscan`/`clamscan` on the
 *   PATH, else none.
 */
export type ScannerSetting =
  | { readonly kind: 'none' }
  | { readonly kind: 'auto' }
  | { readonly kind: 'clamd'; readonly path: string }
  | { readonly kind: 'clamd'; readonly host: string; readonly port: number }
  | { readonly kind: 'command'; readonly command: string }

export function parseScannerSetting(value: string | undefined): ScannerSetting {
  const v = value?.trim() ?? ''
  if (v === '' || v === 'none') return { kind: 'none' }
  if (v === 'auto') return { kind: 'auto' }
  if (v.startsWith('clamd:')) {
    const target = v.slice('clamd:'.length)
    const tcp = /^tcp:\/\/([^:/]+):(\d{1,5})$/.exec(target)
    if (tcp) return { kind: 'clamd', host: tcp[1]!, port: Number(tcp[2]) }
    if (target.startsWith('/')) return { kind: 'clamd', path: target }
  }
  if (/(^|\/)clamd?scan$/.test(v)) return { kind: 'command', command: v }
  throw new Error(
    `VIRUS_SCANNER: expected none, auto, clamd:<socket path>, clamd:tcp://<host>:<port>, clamdscan or clamscan, not '${v}'`,
  )
}
