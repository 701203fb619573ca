/**
 * The case dossier for the archive (docs/documents.md#dossier): once a case is finished, one ZIP
 * with its issued documents, the attachments the user may export, a table of contents in the
 * order of the case's events, and a manifest giving each file's SHA-256, the history chain's last
 * hash and the retention period of the case's kind. Heads (of the committee or above) and
 * supervisors download it. The ZIP's times are the case's last event, so the same dossier is the
 * same bytes.
 */
import { createHash } from 'node:crypto'
import { strToU8, zipSync } from 'fflate'
import type { BlobStore } from '../blobs/blob-store.js'
import { MEDIA_TYPES } from '../domain/attachments.js'
import { vietnamDate } from '../domain/dates.js'
import { DomainError } from '../domain/errors.js'
import { OPEN_STATUSES } from '../domain/lifecycle.js'
import { type ActingUser, canOpenAttachment, canVerifyHistory } from '../domain/policy.js'
import type { Kind } from '../domain/vocabulary.js'
import { createAttachmentStore } from '../store/attachments.js'
import { createRegisterStore } from '../store/register.js'
import type { Services } from './context.js'
import { documentFilename } from './documents.js'
import { staffCaseInScope } from './scope.js'

export interface DossierFile {
  readonly path: string
  readonly sha256: string
  readonly size: number
}

export interface DossierManifest {
  readonly trackingCode: string
  readonly kind: Kind
  readonly status: string
  readonly closedOn: string
  readonly retentionYears: number
  readonly keepUntil: string
  readonly historyEvents: number
  readonly historyLastHash: string
  readonly files: readonly DossierFile[]
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

async function readBlob(blobs: BlobStore, key: string): Promise<Uint8Array> {
  const size = await blobs.size(key)
  if (size === undefined) throw new Error(`blob ${key} is missing`)
  return size === 0 ? new Uint8Array() : blobs.readRange(key, 0, size - 1)
}

export function createDossierService(deps: { services: Services; blobs: BlobStore }) {
  const { services: s, blobs } = deps
  const register = createRegisterStore(s.db, s.tableName)
  const attachments = createAttachmentStore(s.db, s.tableName)

  return {
    /** The dossier's ZIP bytes and its manifest. */
    async build(user: ActingUser, rawCode: string) {
      const { stored: c, committees } = await staffCaseInScope(s, user, rawCode)
      if (!canVerifyHistory(user, c, committees))
        throw new DomainError('not_allowed_for_role', 'only heads and supervisors download a dossier', 403)
      if (OPEN_STATUSES.includes(c.status))
        throw new DomainError('case_not_finished', 'the dossier is made once the case is finished', 409, {
          caseStatus: c.status,
        })
      const files: Record<string, Uint8Array> = {}
      const toc: string[] = []
      const docs = await register.listForCase(c.code)
      const issued = new Map(docs.map((d) => [d.symbol, d]))
      for (const d of docs) files[`van-ban/${documentFilename(d)}`] = await readBlob(blobs, d.blobKey)
      const ready = (await attachments.listAttachments(c.code)).filter(
        (a) => a.state === 'ready' && canOpenAttachment(user, c, a, committees) && !a.identityRestricted,
      )
      for (const a of ready) files[`tai-lieu/${a.id}-${a.name}`] = await readBlob(blobs, a.blobKey)

      for (const e of c.history) {
        const doc = e.type === 'document_issued' ? issued.get(String(e.data.symbol)) : undefined
        toc.push(
          `${e.seq}. ${vietnamDate(e.at)} ${e.type}${doc ? ` – ${doc.symbol}: van-ban/${documentFilename(doc)}` : ''}`,
        )
      }
      for (const a of ready) toc.push(`tài liệu: tai-lieu/${a.id}-${a.name} (${MEDIA_TYPES[a.type]})`)
      const last = c.history.at(-1)!
      const closedOn = vietnamDate(last.at)
      const years = (await s.settings.getRetentionSettings()).value[c.kind]
      files['muc-luc.txt'] = strToU8(`Mục lục hồ sơ ${c.code}\n\n${toc.join('\n')}\n`)
      const manifest: DossierManifest = {
        trackingCode: c.code,
        kind: c.kind,
        status: c.status,
        closedOn,
        retentionYears: years,
        keepUntil: `${Number(closedOn.slice(0, 4)) + years}${closedOn.slice(4)}`,
        historyEvents: c.history.length,
        historyLastHash: last.hash,
        files: Object.entries(files).map(([path, bytes]) => ({
          path,
          sha256: sha256(bytes),
          size: bytes.length,
        })),
      }
      files['manifest.json'] = strToU8(`${JSON.stringify(manifest, null, 2)}\n`)
      const mtime = new Date(`${closedOn}T12:00:00Z`)
      const zip = zipSync(Object.fromEntries(Object.entries(files).map(([n, b]) => [n, [b, { mtime }]])), {
        level: 6,
      })
      return { zip, manifest, filename: `ho-so-${c.code}.zip` }
    },
  }
}

export type DossierService = ReturnType<typeof createDossierService>
