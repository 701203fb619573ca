/**
 * Attachments end to end: upload slots (presigned), verification of what arrived (the type read
 * from the content, the real size), listing and short-lived download links for staff, and the
 * direct path the no-JavaScript forms use.
 *
 * Flow with a script or an API client:
 *   1. request slots: count ≤ 5 per case (atomic counter), declared size ≤ 10 MB, declared type
 *      one of PDF, JPEG, PNG, DOCX → a PUT URL per file, signed for that exact type and size;
 *   2. the client PUTs the bytes to `pending/<code>/<id>`;
 *   3. complete: the server reads the whole file (at most 10 MB): its size, the type its bytes
 *      say, and its structure (shared/domain/document-structure.ts: no PDF over HTML, no macros,
 *      no zip bomb); on any refusal it deletes the blob, gives the slot back and answers 422 naming
 *      the rule; otherwise it moves the blob to `cases/<code>/<id>` and marks the item ready.
 * Only ready attachments are listed. Pending ones that were never completed are reclaimed after
 * `ABANDON_AFTER_MS` (their URL expired long before; S3 also expires `pending/` by lifecycle).
 */

import type { BlobStore, PresignedUpload } from '../blobs/blob-store.js'
import {
  type AttachmentDeclaration,
  type AttachmentType,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS,
  MEDIA_TYPES,
  neutralFilename,
  sanitizeFilename,
  sniffBytes,
  typeOfMediaType,
} from '../domain/attachments.js'
import { caseNotFound } from '../domain/case.js'
import { checkDocumentStructure } from '../domain/document-structure.js'
import { DomainError } from '../domain/errors.js'
import { OPEN_STATUSES } from '../domain/lifecycle.js'
import type { ActingUser } from '../domain/policy.js'
import {
  attachmentIdentityRestricted,
  canAttachAsStaff,
  canOpenAttachment,
  canRevealIdentity,
} from '../domain/policy.js'
import type { Committee } from '../domain/routing.js'
import type { Language } from '../domain/vocabulary.js'
import { NO_SCANNER, type VirusScanner } from '../scanning/virus-scanner.js'
import {
  type AttachmentUploader,
  createAttachmentStore,
  type StoredAttachment,
} from '../store/attachments.js'
import type { StoredCase } from '../store/cases.js'
import { RULES, type Rule, violation } from './attachment-rules.js'
import type { Services } from './context.js'
import type { PetitionService } from './petitions.js'
import { staffCaseInScope } from './scope.js'

/** How long an upload URL works. */
export const UPLOAD_URL_SECONDS = 10 * 60
/** How long a download link works. */
export const LINK_SECONDS = 5 * 60
/** A pending upload not completed by then is abandoned; its slot can be taken again. */
export const ABANDON_AFTER_MS = 60 * 60 * 1000

/** What staff see of an attachment. */
export interface AttachmentView {
  readonly id: string
  /**
   * The listed name: the original (sanitised) filename, or for an identity-restricted document a
   * neutral one (`Tài liệu 2.pdf`) for everyone: the original comes only with the audited opening.
   */
  readonly name: string
  readonly type: AttachmentType
  readonly mediaType: string
  readonly size: number
  readonly uploadedAt: string
  readonly uploadedBy: { readonly kind: 'petitioner' | 'staff'; readonly role?: string }
  readonly identityRestricted: boolean
  /** Whether `attachmentLink` will give this user a link. */
  readonly canOpen: boolean
}

/** What the uploader gets back for a slot. */
export interface UploadSlot {
  readonly id: string
  readonly name: string
  readonly upload: PresignedUpload
}

/** One file posted through a form (no JavaScript). */
export interface FormFile {
  readonly name: string
  readonly mediaType: string
  readonly bytes: Uint8Array
  readonly contentOnly?: boolean
}

export interface AttachmentServiceDeps {
  readonly services: Services
  readonly petitions: Pick<PetitionService, 'openWithPin' | 'audit'>
  readonly blobs: BlobStore
  /**
   * Scans every document before it leaves `pending/` or is stored. Without one (or when it cannot
   * answer) documents are kept unscanned, each with a warning in the log.
   */
  readonly scanner?: VirusScanner
}

const pendingKey = (code: string, id: string) => `pending/${code}/${id}`
const finalKey = (code: string, id: string) => `cases/${code}/${id}`

/**
 * Checks files posted through a form before anything is written: count, emptiness, size, the
 * type read from the bytes and the structure of the whole file. Returns the rule broken.
 */
export function checkFormFiles(
  files: readonly FormFile[],
  lang: Language,
): { ok: true; types: AttachmentType[] } | { ok: false; rule: Rule; message: string } {
  const fail = (rule: Rule) => ({ ok: false as const, rule, message: RULES[rule][lang] })
  if (files.length > MAX_ATTACHMENTS) return fail('too_many_attachments')
  const types: AttachmentType[] = []
  for (const f of files) {
    if (f.bytes.length === 0) return fail('empty_file')
    if (f.bytes.length > MAX_ATTACHMENT_BYTES) return fail('too_large')
    const type = sniffBytes(f.bytes)
    if (!type) return fail('type_not_allowed')
    const broken = checkDocumentStructure(type, f.bytes)
    if (broken) return fail(broken)
    types.push(type)
  }
  return { ok: true, types }
}

/**
 * The name a document is listed and linked under. An identity-restricted document stored before
 * names were neutralised still carries its original name: it is never shown either.
 */
export const listedName = (a: StoredAttachment): string =>
  a.identityRestricted && !a.originalNameSealed ? neutralFilename(a.type) : a.name

export function createAttachmentService({
  services: s,
  petitions,
  blobs,
  scanner = NO_SCANNER,
}: AttachmentServiceDeps) {
  const store = createAttachmentStore(s.db, s.tableName)

  /**
   * The scanner's word on one document: `infected_file`, or nothing. A scanner that cannot answer
   * does not hold the document back (see docs/threat-model.md, 12.11): the warning says which
   * document went unscanned and why.
   */
  async function scan(
    bytes: Uint8Array,
    where: Record<string, string>,
  ): Promise<'infected_file' | undefined> {
    const result = await scanner.scan(bytes)
    if (result.verdict === 'infected') {
      s.logger.warn('attachment infected', { ...where, signature: result.signature })
      return 'infected_file'
    }
    if (result.verdict === 'unavailable')
      s.logger.warn('attachment not scanned', { ...where, reason: result.reason })
    return undefined
  }

  /** `checkFormFiles`, then the scanner, file by file: the rule broken by the first refused one. */
  async function screenFormFiles(
    files: readonly FormFile[],
    lang: Language,
    where: Record<string, string> = {},
  ): Promise<ReturnType<typeof checkFormFiles>> {
    const checked = checkFormFiles(files, lang)
    if (!checked.ok) return checked
    for (const f of files)
      if (await scan(f.bytes, { ...where, path: 'form' }))
        return { ok: false, rule: 'infected_file', message: RULES.infected_file[lang] }
    return checked
  }

  /** Gives back the slots of uploads abandoned long ago (their URLs expired long before). */
  async function reclaimAbandoned(code: string): Promise<void> {
    const now = s.now().toISOString()
    for (const a of await store.listAttachments(code)) {
      if (a.state !== 'pending' || a.abandonAfter > now) continue
      if (await store.markRefused(code, a.id, 'abandoned', now)) {
        await blobs.delete(a.blobKey)
        await store.release(code, a.id)
      }
    }
  }

  /** Takes the slots; the ordinal of the first id (see AttachmentStore.reserve). */
  async function reserve(code: string, ids: readonly string[], lang: Language): Promise<number> {
    if (ids.length > MAX_ATTACHMENTS) throw violation('too_many_attachments', lang, 'files')
    const first = await store.reserve(code, ids, MAX_ATTACHMENTS)
    if (first !== undefined) return first
    await reclaimAbandoned(code)
    const retried = await store.reserve(code, ids, MAX_ATTACHMENTS)
    if (retried === undefined) throw violation('too_many_attachments', lang, 'files')
    return retried
  }

  /**
   * The names a new document is kept under. A document that may identify a denouncer is listed
   * and linked under a neutral name; its original name is sealed like the identity itself.
   */
  async function namesOf(
    original: string,
    type: AttachmentType,
    restricted: boolean,
    ordinal: number,
  ): Promise<{ name: string; originalNameSealed?: string }> {
    const name = sanitizeFilename(original, type)
    if (!restricted) return { name }
    return { name: neutralFilename(type, ordinal), originalNameSealed: await s.sealer.seal(name) }
  }

  function assertOpen(c: StoredCase): void {
    if (!OPEN_STATUSES.includes(c.status))
      throw new DomainError('case_closed', 'this case is closed; documents are no longer accepted', 409)
  }

  async function createSlots(
    c: StoredCase,
    files: readonly AttachmentDeclaration[],
    uploader: AttachmentUploader,
    lang: Language,
  ): Promise<UploadSlot[]> {
    assertOpen(c)
    const declared = files.map((f, i) => {
      const type = typeOfMediaType(f.type)
      if (!type) throw violation('type_not_allowed', lang, `files.${i}.type`)
      return { ...f, attachmentType: type, id: crypto.randomUUID() }
    })
    const first = await reserve(
      c.code,
      declared.map((f) => f.id),
      lang,
    )
    const now = s.now()
    const slots: UploadSlot[] = []
    for (const [i, f] of declared.entries()) {
      const id = f.id
      const identityRestricted = attachmentIdentityRestricted(c.kind, f.contentOnly)
      const names = await namesOf(f.name, f.attachmentType, identityRestricted, first + i)
      const name = names.name
      const key = pendingKey(c.code, id)
      await store.create(c.code, {
        id,
        state: 'pending',
        ...names,
        type: f.attachmentType,
        size: f.size,
        createdAt: now.toISOString(),
        abandonAfter: new Date(now.getTime() + ABANDON_AFTER_MS).toISOString(),
        uploadedBy: uploader,
        identityRestricted,
        blobKey: key,
      })
      const upload = await blobs.presignPut(key, {
        contentType: MEDIA_TYPES[f.attachmentType],
        contentLength: f.size,
        expiresInSeconds: UPLOAD_URL_SECONDS,
      })
      slots.push({ id, name, upload })
    }
    return slots
  }

  /** Reads what arrived and decides its type; the rule broken otherwise. */
  async function inspect(
    key: string,
    declaredSize: number,
  ): Promise<{ type: AttachmentType; bytes: Uint8Array } | Rule | 'missing'> {
    const size = await blobs.size(key)
    if (size === undefined) return 'missing'
    if (size > MAX_ATTACHMENT_BYTES) return 'too_large'
    if (size !== declaredSize) return 'size_mismatch'
    // The whole file (at most 10 MB): its structure is read through, not only its first bytes.
    const bytes = await blobs.readRange(key, 0, size - 1)
    if (bytes.length !== size) return 'size_mismatch'
    const type = sniffBytes(bytes)
    return type ? { type, bytes } : 'type_not_allowed'
  }

  /** Verifies an upload and marks it ready (a second call answers with the ready item). */
  async function complete(c: StoredCase, id: string, lang: Language): Promise<StoredAttachment> {
    const item = await store.getAttachment(c.code, id)
    if (!item) throw new DomainError('attachment_not_found', 'no such attachment on this case', 404)
    if (item.state === 'ready') return item
    const found = await inspect(item.blobKey, item.size)
    if (found === 'missing')
      throw new DomainError('upload_missing', 'nothing has been uploaded for this attachment yet', 409)
    const rule: Rule | undefined =
      typeof found === 'string'
        ? found
        : found.type !== item.type
          ? 'type_mismatch'
          : (checkDocumentStructure(found.type, found.bytes) ??
            (await scan(found.bytes, { trackingCode: c.code, attachmentId: id })))
    if (rule) {
      // The file is refused: it does not stay anywhere, and the slot is free again.
      await blobs.delete(item.blobKey)
      if (await store.markRefused(c.code, id, rule, s.now().toISOString())) await store.release(c.code, id)
      s.logger.info('attachment refused', { trackingCode: c.code, attachmentId: id, rule })
      throw violation(rule, lang, 'file')
    }
    const key = finalKey(c.code, id)
    await blobs.move(item.blobKey, key)
    const uploadedAt = s.now().toISOString()
    const ready = { type: item.type, size: item.size, name: item.name, uploadedAt, blobKey: key }
    if (!(await store.markReady(c.code, id, ready)))
      throw new DomainError('attachment_not_found', 'no such attachment on this case', 404)
    return { ...item, ...ready, state: 'ready' }
  }

  function viewOf(
    c: StoredCase,
    a: StoredAttachment,
    user: ActingUser,
    committees: readonly Committee[],
  ): AttachmentView {
    const canOpen = canOpenAttachment(user, c, a, committees)
    return {
      id: a.id,
      name: listedName(a),
      type: a.type,
      mediaType: MEDIA_TYPES[a.type],
      size: a.size,
      uploadedAt: a.uploadedAt ?? a.createdAt,
      uploadedBy: { kind: a.uploadedBy.kind, ...(a.uploadedBy.role ? { role: a.uploadedBy.role } : {}) },
      identityRestricted: a.identityRestricted,
      canOpen,
    }
  }

  async function listed(stored: StoredCase, user: ActingUser, committees: readonly Committee[]) {
    return (await store.listAttachments(stored.code))
      .filter((a) => a.state === 'ready')
      .sort((a, b) => (a.uploadedAt ?? '').localeCompare(b.uploadedAt ?? '') || a.id.localeCompare(b.id))
      .map((a) => viewOf(stored, a, user, committees))
  }

  const staffCase = (user: ActingUser, rawCode: string) => staffCaseInScope(s, user, rawCode)

  async function staffUploader(user: ActingUser, rawCode: string) {
    const { stored, committees } = await staffCase(user, rawCode)
    if (!canAttachAsStaff(user, stored, committees))
      throw new DomainError(
        'not_allowed_for_role',
        'only the reception officer of the case adds documents',
        403,
      )
    return { stored, committees }
  }

  /** What the petitioner sees of their own document. */
  const petitionerView = (a: StoredAttachment) => ({
    id: a.id,
    name: listedName(a),
    type: a.type,
    size: a.size,
    uploadedAt: a.uploadedAt ?? a.createdAt,
  })

  async function storeFormFiles(
    c: StoredCase,
    files: readonly FormFile[],
    uploader: AttachmentUploader,
    lang: Language,
  ): Promise<StoredAttachment[]> {
    if (files.length === 0) return []
    assertOpen(c)
    const checked = await screenFormFiles(files, lang, { trackingCode: c.code })
    if (!checked.ok) throw violation(checked.rule, lang, 'attachments')
    const ids = files.map(() => crypto.randomUUID())
    const first = await reserve(c.code, ids, lang)
    const stored: StoredAttachment[] = []
    for (const [i, f] of files.entries()) {
      const type = checked.types[i]!
      const id = ids[i]!
      const key = finalKey(c.code, id)
      await blobs.put(key, f.bytes, MEDIA_TYPES[type])
      const at = s.now()
      const identityRestricted = attachmentIdentityRestricted(c.kind, f.contentOnly)
      const item: StoredAttachment = {
        id,
        state: 'ready',
        ...(await namesOf(f.name, type, identityRestricted, first + i)),
        type,
        size: f.bytes.length,
        createdAt: at.toISOString(),
        uploadedAt: at.toISOString(),
        abandonAfter: at.toISOString(),
        uploadedBy: uploader,
        identityRestricted,
        blobKey: key,
      }
      await store.create(c.code, item)
      stored.push(item)
    }
    return stored
  }

  return {
    /**
     * Files posted with the submit form, checked before the petition is written: count, size,
     * type, structure, and the virus scanner.
     */
    screenFormFiles: (files: readonly FormFile[], lang: Language) => screenFormFiles(files, lang),

    /** A petitioner (tracking code + PIN) asks for upload URLs. */
    async requestUploads(
      rawCode: string,
      pin: string,
      client: string,
      files: readonly AttachmentDeclaration[],
      lang: Language,
    ): Promise<UploadSlot[]> {
      const c = await petitions.openWithPin(rawCode, pin, client)
      return createSlots(c, files, { kind: 'petitioner' }, lang)
    },

    /** A petitioner confirms an upload; the server checks what arrived. */
    async completeUpload(rawCode: string, pin: string, client: string, id: string, lang: Language) {
      const c = await petitions.openWithPin(rawCode, pin, client)
      return petitionerView(await complete(c, id, lang))
    },

    /** The petitioner's own documents (names and sizes only). */
    async listForPetitioner(rawCode: string, pin: string, client: string) {
      const c = await petitions.openWithPin(rawCode, pin, client)
      return (await store.listAttachments(c.code))
        .filter((a) => a.state === 'ready' && a.uploadedBy.kind === 'petitioner')
        .map(petitionerView)
    },

    /** Files posted with the tracking form (no JavaScript), after the PIN check. */
    async attachWithPin(
      rawCode: string,
      pin: string,
      client: string,
      files: readonly FormFile[],
      lang: Language,
    ) {
      const c = await petitions.openWithPin(rawCode, pin, client)
      return storeFormFiles(c, files, { kind: 'petitioner' }, lang)
    },

    /**
     * Files posted with the submit form (no JavaScript), right after the petition was stored under
     * `code`. The caller screened them with `screenFormFiles` before submitting; they are screened
     * again here, as every stored document is.
     */
    async attachAtSubmission(code: string, files: readonly FormFile[], lang: Language) {
      const c = await s.cases.getCase(code)
      if (!c) caseNotFound()
      return storeFormFiles(c, files, { kind: 'petitioner' }, lang)
    },

    /** A reception officer asks for upload URLs on a case at their desk. */
    async requestStaffUploads(
      user: ActingUser,
      rawCode: string,
      files: readonly AttachmentDeclaration[],
      lang: Language,
    ): Promise<UploadSlot[]> {
      const { stored: c } = await staffUploader(user, rawCode)
      return createSlots(c, files, { kind: 'staff', id: user.id, role: 'reception_officer' }, lang)
    },

    async completeStaffUpload(user: ActingUser, rawCode: string, id: string, lang: Language) {
      const { stored, committees } = await staffUploader(user, rawCode)
      return viewOf(stored, await complete(stored, id, lang), user, committees)
    },

    /**
     * The verified attachments of a case the user reaches (404 otherwise, like the case itself).
     * For the staff pages: one row per document, newest last.
     */
    async listAttachments(user: ActingUser, rawCode: string): Promise<AttachmentView[]> {
      const { stored, committees } = await staffCase(user, rawCode)
      return listed(stored, user, committees)
    },

    /** The same rows for a case the caller has already read and found in the user's scope. */
    async listAttachmentsOf(user: ActingUser, stored: StoredCase): Promise<AttachmentView[]> {
      return listed(stored, user, (await s.settings.getCommittees()).value)
    },

    /**
     * A short-lived download link (5 minutes) and the document's original name. Outside the case's
     * scope: 404. A denouncer's restricted document: only for those who may reveal the identity,
     * the opening recorded in the case's history before its original name is unsealed; the link
     * itself names it neutrally (a URL ends up in access logs and browser histories).
     */
    async attachmentLink(user: ActingUser, rawCode: string, id: string) {
      const { stored, committees } = await staffCase(user, rawCode)
      const a = await store.getAttachment(stored.code, id)
      if (a?.state !== 'ready')
        throw new DomainError('attachment_not_found', 'no such attachment on this case', 404)
      if (!canOpenAttachment(user, stored, a, committees))
        throw new DomainError(
          'identity_restricted',
          'this document may identify the denouncer; only the head of the resolving committee or a supervisor may open it',
          403,
        )
      if (a.identityRestricted) {
        const role =
          canRevealIdentity(user, stored) && user.memberships.some((m) => m.role === 'supervisor')
            ? 'supervisor'
            : 'committee_head'
        await petitions.audit(stored.code, {
          at: s.now().toISOString(),
          type: 'identity_document_opened',
          actor: { kind: 'staff', id: user.id, role },
          public: false,
          data: { attachmentId: a.id },
        })
        s.logger.info('identity-restricted document opened', { trackingCode: stored.code, userId: user.id })
      }
      const url = await blobs.presignGet(a.blobKey, {
        filename: listedName(a),
        contentType: MEDIA_TYPES[a.type],
        expiresInSeconds: LINK_SECONDS,
      })
      const name = a.originalNameSealed ? await s.sealer.open(a.originalNameSealed) : a.name
      return { url, name, expiresAt: new Date(s.now().getTime() + LINK_SECONDS * 1000).toISOString() }
    },
  }
}

export type AttachmentService = ReturnType<typeof createAttachmentService>
