/**
 * The case dossier for the archive (docs/documents.md#the-case-dossier): one ZIP per finished case
 * with the petition, the documents the case produced, the attachments, a table of contents in the
 * order of the case's events, the history itself and a manifest of every file's SHA-256 with the
 * history chain's last hash. Heads over the case and supervisors may take it; a head above the
 * committee gets it without the pieces that carry the petitioner's identity.
 *
 * The ZIP is stored beside the case's files (immutable, named by the case version it was built at)
 * and handed out as a short-lived link: a dossier with its attachments is larger than a Lambda
 * response may be.
 */
import { zipSync } from 'fflate'
import { type BlobStore, readBlob } from '../blobs/blob-store.js'
import { caseNotFound } from '../domain/case.js'
import { formatInstant, formatVietnamese } from '../domain/dates.js'
import type { PetitionerIdentity } from '../domain/documents/context.js'
import { KIND_NAMES } from '../domain/documents/context.js'
import {
  archiveName,
  type DossierManifest,
  dossierReady,
  endedOn,
  MANIFEST_PATH,
  type ManifestFile,
  manifestFile,
  RETENTION_BASIS,
  retentionUntil,
  sha256Hex,
} from '../domain/dossier.js'
import { DomainError } from '../domain/errors.js'
import { type ActingUser, canRevealIdentity, canTakeDossier, staffReachesCase } from '../domain/policy.js'
import { formatTrackingCode, normalizeTrackingCode } from '../domain/tracking-code.js'
import { createAttachmentStore, type StoredAttachment } from '../store/attachments.js'
import type { StoredCase } from '../store/cases.js'
import { verifyCaseHistory } from '../store/history.js'
import { listedName } from './attachments.js'
import type { Services } from './context.js'
import { renderDossierIndex } from './dossier-index.js'
import type { PetitionService } from './petitions.js'

/** How long a dossier link works. */
export const DOSSIER_LINK_SECONDS = 5 * 60

/** A document the case produced (an issued notice, decision, slip), as the dossier takes it. */
export interface DossierDocument {
  /** The file's name in the dossier, without folder (e.g. `12-TB-DUK-thong-bao-thu-ly.docx`). */
  readonly fileName: string
  /** What the table of contents says of it (number/symbol and title). */
  readonly title: string
  readonly bytes: Uint8Array
  /** The history event that issued it. */
  readonly eventSeq?: number
  /** Addressed to the petitioner and so carrying their name and address. */
  readonly carriesIdentity: boolean
}

export interface DossierServiceDeps {
  readonly services: Services
  readonly petitions: Pick<PetitionService, 'audit'>
  readonly blobs: BlobStore
  /** The case's documents (the outgoing register); none where the register is not wired in. */
  readonly documents?: (c: StoredCase) => Promise<readonly DossierDocument[]>
}

/** One row of the table of contents. */
export interface DossierIndexRow {
  readonly seq?: number
  readonly at?: string
  readonly event?: string
  readonly file?: { readonly path: string; readonly title: string }
}

export interface DossierLink {
  readonly url: string
  readonly expiresAt: string
  readonly fileName: string
  readonly sha256: string
  readonly bytes: number
  readonly scope: DossierManifest['scope']
  readonly withheld: number
  readonly files: number
}

const encoder = new TextEncoder()
const json = (value: unknown) => encoder.encode(`${JSON.stringify(value, null, 2)}\n`)

/** The petition as the archive reads it; the petitioner's identity only in a full dossier. */
function petitionText(
  c: StoredCase,
  content: { content: string; concerns?: { organization?: string; person?: string } } | undefined,
  petitioner: PetitionerIdentity | 'withheld' | undefined,
): string {
  const lines = [
    `Mã hồ sơ: ${formatTrackingCode(c.code)}`,
    `Loại đơn: ${KIND_NAMES[c.kind]}`,
    `Ngày nhận: ${formatVietnamese(c.receivedOn)}`,
    `Tiêu đề: ${c.title}`,
  ]
  if (petitioner === 'withheld') lines.push('Người gửi: (không có trong bản hồ sơ này)')
  else if (petitioner)
    lines.push(
      `Người gửi: ${petitioner.fullName}`,
      ...(petitioner.address ? [`Địa chỉ: ${petitioner.address}`] : []),
      ...(petitioner.idNumber ? [`Số định danh: ${petitioner.idNumber}`] : []),
      ...(petitioner.phone ? [`Điện thoại: ${petitioner.phone}`] : []),
      ...(petitioner.email ? [`Thư điện tử: ${petitioner.email}`] : []),
    )
  else lines.push('Người gửi: không ghi tên')
  if (content?.concerns?.organization)
    lines.push(`Cơ quan, tổ chức bị phản ánh: ${content.concerns.organization}`)
  if (content?.concerns?.person) lines.push(`Người bị phản ánh: ${content.concerns.person}`)
  lines.push('', 'Nội dung:', content?.content ?? '')
  return `${lines.join('\n')}\n`
}

/** The event an attachment belongs to: the last one at or before its upload. */
function eventOfUpload(c: StoredCase, a: StoredAttachment): number | undefined {
  const at = a.uploadedAt ?? a.createdAt
  let seq: number | undefined
  for (const e of c.history) if (e.at <= at) seq = e.seq
  return seq ?? c.history[0]?.seq
}

export function createDossierService({ services: s, petitions, blobs, documents }: DossierServiceDeps) {
  const attachments = createAttachmentStore(s.db, s.tableName)

  /** The case, if the user may take its dossier: heads over its committee and supervisors. */
  async function authorised(user: ActingUser, rawCode: string) {
    const code = normalizeTrackingCode(rawCode)
    if (!code) caseNotFound()
    const [stored, committees] = await Promise.all([s.cases.getCase(code), s.settings.getCommittees()])
    if (!stored || !staffReachesCase(user, stored, committees.value)) caseNotFound()
    if (!canTakeDossier(user, stored, committees.value))
      throw new DomainError(
        'dossier_not_allowed',
        'only the head of the committee (or of one above it) and supervisors take a case dossier',
        403,
      )
    if (!dossierReady(stored.status))
      throw new DomainError(
        'case_not_finished',
        'a dossier is made only once the case has been finished',
        409,
      )
    return stored
  }

  /**
   * Builds the dossier of a finished case, stores it and returns a link. The export is recorded in
   * the case's history first (so a full dossier, with the petitioner's identity, is never handed
   * out unrecorded), and the dossier contains that record.
   */
  async function exportDossier(
    user: ActingUser,
    rawCode: string,
    options: { eventName?: (type: string) => string } = {},
  ): Promise<DossierLink> {
    const found = await authorised(user, rawCode)
    const scope = canRevealIdentity(user, found) ? 'full' : 'content'
    const role = user.memberships.some((m) => m.role === 'supervisor') ? 'supervisor' : 'committee_head'
    const stored = await petitions.audit(found.code, {
      at: s.now().toISOString(),
      type: 'dossier_exported',
      actor: { kind: 'staff', id: user.id, role },
      public: false,
      data: { scope },
    })
    const [content, listed, produced, retentionSettings] = await Promise.all([
      s.cases.getContent(stored.code),
      attachments.listAttachments(stored.code),
      documents ? documents(stored) : Promise.resolve([]),
      s.settings.getRetention(),
    ])
    const full = scope === 'full'
    let withheld = 0
    const files: Record<string, Uint8Array> = {}
    const listedFiles: ManifestFile[] = []
    const rows: DossierIndexRow[] = []
    const add = (
      path: string,
      role: ManifestFile['role'],
      bytes: Uint8Array,
      title: string,
      eventSeq?: number,
    ) => {
      files[path] = bytes
      listedFiles.push(manifestFile(path, role, bytes, eventSeq))
      rows.push({ seq: eventSeq, file: { path, title } })
    }

    let petitioner: PetitionerIdentity | 'withheld' | undefined
    if (content?.petitionerSealed) {
      if (full) petitioner = JSON.parse(await s.sealer.open(content.petitionerSealed)) as PetitionerIdentity
      else {
        petitioner = 'withheld'
        withheld++
      }
    }
    add('01-don.txt', 'petition', encoder.encode(petitionText(stored, content, petitioner)), 'Đơn', 1)

    for (const d of produced) {
      if (d.carriesIdentity && !full) {
        withheld++
        continue
      }
      add(`van-ban/${archiveName(d.fileName)}`, 'document', d.bytes, d.title, d.eventSeq)
    }

    const ready = listed
      .filter((a) => a.state === 'ready')
      .sort(
        (a, b) =>
          (a.uploadedAt ?? '').localeCompare(b.uploadedAt ?? '') ||
          a.createdAt.localeCompare(b.createdAt) ||
          a.id.localeCompare(b.id),
      )
    let n = 0
    for (const a of ready) {
      if (a.identityRestricted && !full) {
        withheld++
        continue
      }
      n++
      const bytes = await readBlob(blobs, a.blobKey)
      if (!bytes) throw new Error(`attachment ${a.id} of ${stored.code} has no stored file`)
      const name = listedName(a)
      const path = `tai-lieu/${String(n).padStart(2, '0')}-${archiveName(name)}`
      add(path, 'attachment', bytes, name, eventOfUpload(stored, a))
    }

    add('lich-su.json', 'history', json(stored.history), 'Lịch sử xử lý (chuỗi băm)')

    const check = verifyCaseHistory(stored)
    const finishedOn = endedOn(stored)
    const retention = retentionSettings.value[stored.kind]
    const until = retentionUntil(retention, finishedOn)
    const eventName = options.eventName ?? ((type: string) => type)
    const index = renderDossierIndex({
      code: formatTrackingCode(stored.code),
      kind: KIND_NAMES[stored.kind],
      title: stored.title,
      scope,
      withheld,
      retention:
        'permanent' in retention
          ? 'vĩnh viễn'
          : `${retention.years} năm, đến hết ngày ${formatVietnamese(until!)}`,
      events: stored.history.map((e) => ({ seq: e.seq, at: formatInstant(e.at), name: eventName(e.type) })),
      files: rows,
    })
    const indexBytes = encoder.encode(index)
    files['00-muc-luc.html'] = indexBytes
    listedFiles.unshift(manifestFile('00-muc-luc.html', 'index', indexBytes))

    const manifest: DossierManifest = {
      format: 'tiepdan-dossier/1',
      trackingCode: formatTrackingCode(stored.code),
      kind: stored.kind,
      status: stored.status,
      endedOn: finishedOn,
      scope,
      withheld,
      retention: { ...retention, ...(until ? { until } : {}), basis: RETENTION_BASIS },
      history: {
        events: stored.history.length,
        lastHash: stored.history.at(-1)?.hash ?? '',
        intact: check.intact,
      },
      files: listedFiles,
    }
    files[MANIFEST_PATH] = json(manifest)

    // The same case version and scope always give the same bytes (fixed times, sorted entries).
    const mtime = new Date(stored.history.at(-1)?.at ?? stored.receivedAt)
    const zip = zipSync(
      Object.fromEntries(
        Object.keys(files)
          .sort()
          .map((path) => [path, [files[path]!, { mtime }]]),
      ),
      { level: 6 },
    )
    const key = `cases/${stored.code}/dossier-${stored.version}-${scope}`
    await blobs.put(key, zip, 'application/zip')
    const fileName = `ho-so-${stored.code}.zip`
    const url = await blobs.presignGet(key, {
      filename: fileName,
      contentType: 'application/zip',
      expiresInSeconds: DOSSIER_LINK_SECONDS,
    })
    s.logger.info('dossier exported', { trackingCode: stored.code, userId: user.id, scope, withheld })
    return {
      url,
      expiresAt: new Date(s.now().getTime() + DOSSIER_LINK_SECONDS * 1000).toISOString(),
      fileName,
      sha256: sha256Hex(zip),
      bytes: zip.length,
      scope,
      withheld,
      files: Object.keys(files).length,
    }
  }

  return { exportDossier }
}

export type DossierService = ReturnType<typeof createDossierService>
