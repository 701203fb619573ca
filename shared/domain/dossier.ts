/**
 * The case dossier for the archive (docs/documents.md#the-case-dossier): what goes into the file of
 * a finished case, in which order, how long the archive keeps it, and the manifest that lets anyone
 * check the file later without the system. Pure: the service (shared/service/dossier.ts) gathers
 * the bytes and zips them.
 *
 * A dossier is complete (`full`) for those who may reveal the petitioner's identity; for anyone
 * else (a head above the committee) the pieces that carry it are left out and counted, never named.
 */
import { createHash } from 'node:crypto'
import * as z from 'zod'
import type { CaseEvent } from './case.js'
import { type LocalDate, vietnamDate, yearOf } from './dates.js'
import { FINAL_STATUSES, type Status, TRANSITIONS } from './lifecycle.js'
import { KINDS, type Kind } from './vocabulary.js'

/** How long the archive keeps a file: a number of years, or for good. */
export type Retention = { readonly years: number } | { readonly permanent: true }

export const retentionSchema = z.union([
  z.object({ years: z.number().int().min(1).max(100) }).strict(),
  z.object({ permanent: z.literal(true) }).strict(),
])

/** The retention of a case's file by its kind: an organisation setting (CONFIG / RETENTION). */
export type RetentionSettings = Readonly<Record<Kind, Retention>>

export const retentionSettingsSchema = z
  .object(Object.fromEntries(KINDS.map((k) => [k, retentionSchema])) as Record<Kind, typeof retentionSchema>)
  .strict()

/**
 * Defaults, after the retention schedule for common records of Circular 10/2022/TT-BNV *(confirm)*:
 * files of complaints and denunciations 15 years, of recommendations and feedback 10 years. An
 * organisation whose archive keeps serious cases for good sets `permanent` here.
 */
export const DEFAULT_RETENTION: RetentionSettings = {
  complaint: { years: 15 },
  denunciation: { years: 15 },
  recommendation: { years: 10 },
  feedback: { years: 10 },
}

export const RETENTION_BASIS = 'Thông tư 10/2022/TT-BNV (confirm)'

/** Only a case whose handling has ended has a file for the archive. */
export function dossierReady(status: Status): boolean {
  return FINAL_STATUSES.includes(status)
}

const STEP_EVENTS = new Set(TRANSITIONS.map((t) => t.event))

/**
 * The day the case's handling ended: the date (in Vietnam) of its last lifecycle step. Records made
 * afterwards (an audited opening, the dossier's own export) do not move it.
 */
export function endedOn(c: {
  readonly receivedAt: string
  readonly history: readonly Pick<CaseEvent, 'type' | 'at'>[]
}): LocalDate {
  const last = c.history.findLast((e) => STEP_EVENTS.has(e.type))
  return vietnamDate(last?.at ?? c.receivedAt)
}

/**
 * The last day the archive must keep the file: the period counts in whole years from the year after
 * the one in which the case ended (an archive counts years from 1 January), so a case ended on
 * 2026-03-05 with 10 years is kept to 2036-12-31.
 */
export function retentionUntil(retention: Retention, endedOn: LocalDate): LocalDate | undefined {
  if ('permanent' in retention) return undefined
  return `${yearOf(endedOn) + retention.years}-12-31`
}

export type DossierFileRole = 'index' | 'history' | 'petition' | 'document' | 'attachment'

/** One file of the dossier as the manifest lists it. */
export interface ManifestFile {
  readonly path: string
  readonly role: DossierFileRole
  readonly bytes: number
  readonly sha256: string
  /** The history event the file belongs to (a document's issue, an attachment's upload), if any. */
  readonly eventSeq?: number
}

export interface DossierManifest {
  readonly format: 'tiepdan-dossier/1'
  readonly trackingCode: string
  readonly kind: Kind
  readonly status: Status
  readonly endedOn: LocalDate
  /** `full`: every piece; `content`: the pieces that carry the petitioner's identity left out. */
  readonly scope: 'full' | 'content'
  /** How many pieces `content` left out (never which). */
  readonly withheld: number
  readonly retention: Retention & { readonly until?: LocalDate; readonly basis: string }
  readonly history: { readonly events: number; readonly lastHash: string; readonly intact: boolean }
  readonly files: readonly ManifestFile[]
}

export const MANIFEST_PATH = 'manifest.json'

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')

/** A manifest entry for one file's bytes. */
export function manifestFile(
  path: string,
  role: DossierFileRole,
  bytes: Uint8Array,
  eventSeq?: number,
): ManifestFile {
  return { path, role, bytes: bytes.length, sha256: sha256Hex(bytes), ...(eventSeq ? { eventSeq } : {}) }
}

export interface DossierCheck {
  readonly ok: boolean
  /** Files listed whose bytes are missing or differ, files present but not listed. */
  readonly problems: readonly string[]
}

/**
 * Checks a dossier's files against its manifest (what an archivist does years later): every listed
 * file is there with its size and SHA-256, nothing is there that is not listed, and the history
 * file's last event carries the hash the manifest names.
 */
export function verifyDossier(files: Readonly<Record<string, Uint8Array>>): DossierCheck {
  const raw = files[MANIFEST_PATH]
  if (!raw) return { ok: false, problems: [`${MANIFEST_PATH}: missing`] }
  const manifest = JSON.parse(new TextDecoder().decode(raw)) as DossierManifest
  const problems: string[] = []
  const listed = new Set<string>([MANIFEST_PATH])
  for (const f of manifest.files) {
    listed.add(f.path)
    const bytes = files[f.path]
    if (!bytes) problems.push(`${f.path}: missing`)
    else if (bytes.length !== f.bytes || sha256Hex(bytes) !== f.sha256) problems.push(`${f.path}: altered`)
  }
  for (const path of Object.keys(files))
    if (!listed.has(path) && !path.endsWith('/')) problems.push(`${path}: not in the manifest`)
  const history = manifest.files.find((f) => f.role === 'history')
  const events = history && files[history.path]
  if (events) {
    const parsed = JSON.parse(new TextDecoder().decode(events)) as CaseEvent[]
    if ((parsed.at(-1)?.hash ?? '') !== manifest.history.lastHash)
      problems.push(`${history.path}: last hash differs from the manifest`)
  } else problems.push('history: missing')
  return { ok: problems.length === 0, problems }
}

/** A file name safe in any archive tool: ASCII letters, digits, dot, dash; Vietnamese letters folded. */
export function archiveName(name: string): string {
  const folded = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'))
  const safe = folded.replace(/[^A-Za-z0-9.-]+/g, '-').replace(/-+/g, '-')
  return safe.replace(/^[-.]+|-+$/g, '').slice(0, 80) || 'tep'
}
