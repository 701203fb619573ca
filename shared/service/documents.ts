/**
 * Official documents of a case (docs/documents.md#issuing): the templates that apply to its last
 * decision, a preview, issuing (the next number of the committee's outgoing register, the DOCX
 * stored under its SHA-256, the issue recorded in the case's history with that hash), cancelling,
 * the case's list and a committee's register of a period.
 *
 * Issuing, in order, so that a refusal numbers nothing: the case in the user's scope (404), the
 * signer's right (403), the template (unknown_template 422), the case's decision
 * (template_not_applicable 409), an identical document already issued (document_already_issued
 * 409), the fields (document_field_missing 422: the first render, before any number is taken).
 * Then: render with number n (the last + 1), store the blob, claim n with one conditional PutItem;
 * on losing n to another issuer, delete that render's blob and try the number after the one lost.
 */
import { type BlobStore, readBlob } from '../blobs/blob-store.js'
import { type CaseRecord, caseNotFound, deadlinesOf, type NewEvent } from '../domain/case.js'
import { type LocalDate, vietnamDate } from '../domain/dates.js'
import {
  type AnyTemplate,
  composeDocument,
  contextFor,
  type DocumentModel,
  type DocumentSource,
  type HeaderStyle,
  type IssuingCommittee,
  numberSymbol,
  type RegisterEntry,
  renderDocx,
  templateById,
  templateFor,
  templatesFor,
  trackOf,
} from '../domain/documents/index.js'
import { DomainError } from '../domain/errors.js'
import type { Action } from '../domain/lifecycle.js'
import { type ActingUser, canRevealIdentity, fieldGrants } from '../domain/policy.js'
import type { Committee } from '../domain/routing.js'
import type { ActionInput } from '../domain/schemas.js'
import type { StoredCase } from '../store/cases.js'
import { createRegisterStore, type IssuedDocument } from '../store/register.js'
import type { Services } from './context.js'
import type { DossierDocument } from './dossier.js'
import { liveIssuedEvents, outgoingKey } from './petitioner-documents.js'
import type { PetitionService } from './petitions.js'
import { type DocumentView, documentRef, documentView, parseRef, readRegister } from './register-view.js'
import { staffCaseInScope } from './scope.js'
import type { PetitionerIdentity } from './views.js'

export { type DocumentView, documentRef, documentView, readRegister }

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
/** How long a document's download link works. */
export const DOCUMENT_LINK_SECONDS = 5 * 60
/** Attempts at a number before giving up (each lost attempt means another issuer took one). */
const CLAIM_ATTEMPTS = 200

/** The decision a document records: the case event and the action input it carried. */
export interface DocumentedDecision {
  readonly seq: number
  readonly action: Action
  readonly input: ActionInput
}

/**
 * The last decision of the case that produces documents, read back from its history. An internal
 * transfer (to another committee of the organisation) produces none: the case itself moves.
 */
export function documentedDecision(c: CaseRecord): DocumentedDecision | undefined {
  for (let i = c.history.length - 1; i >= 0; i--) {
    const e = c.history[i]!
    const d = e.data
    const at = (action: Action, input: ActionInput) => ({ seq: e.seq, action, input })
    switch (e.type) {
      case 'accepted':
        return at('accept', { action: 'accept' })
      case 'refused':
        return at('refuse', { action: 'refuse', reason: d.reason as never })
      case 'transferred':
        if (typeof d.toBody !== 'string') return undefined
        return at('transfer', { action: 'transfer', toBody: d.toBody })
      case 'guided':
        return at('guide', { action: 'guide', guidance: e.publicNote ?? '' })
      case 'extended':
        return at('extend', {
          action: 'extend',
          complexity: d.complexity as never,
          ...(typeof d.days === 'number' && d.days > 0 ? { days: d.days } : {}),
          reason: String(d.reason ?? ''),
        })
      case 'resolved':
        return at('resolve', {
          action: 'resolve',
          answer: c.answer?.text ?? '',
          outcome: (c.answer?.outcome ?? d.outcome) as never,
        })
    }
  }
  return undefined
}

/** The committee's document settings, with the defaults of a Party body in Hà Nội. */
export function issuingCommittee(
  committee: Committee,
  committees: readonly Committee[],
  signerName: string,
): { style: HeaderStyle; committee: IssuingCommittee } {
  const settings = committee.documents ?? {}
  const parent = committees.find((x) => x.id === committee.parentId)
  return {
    style: settings.headerStyle ?? 'party',
    committee: {
      name: committee.name,
      ...(parent ? { superior: parent.name } : {}),
      place: settings.place ?? 'Hà Nội',
      issuerCode: settings.issuerCode ?? issuerCodeOf(committee.name),
      signer: {
        ...(settings.signerAuthority ? { authority: settings.signerAuthority } : {}),
        title: settings.signerTitle ?? 'BÍ THƯ',
        name: signerName,
      },
    },
  }
}

/** The initials of a body's name, as number/symbols write it: "Đảng ủy Bộ Tài chính" → `ĐUBTC`. */
export function issuerCodeOf(name: string): string {
  return name
    .split(/\s+/)
    .filter((w) => w !== '')
    .map((w) => w[0]!.toUpperCase().normalize('NFD').replace(/\p{M}/gu, ''))
    .join('')
}

/** Signing (issuing) documents of a case: the head of the case's own committee. */
export function canSignDocuments(user: ActingUser, c: { readonly committeeId: string }): boolean {
  return user.memberships.some((m) => m.role === 'committee_head' && m.committeeId === c.committeeId)
}

/** What the officer adds to a document that the case does not hold. */
export interface DocumentExtras {
  /** The body or person a document to someone other than the petitioner goes to. */
  readonly recipient?: string
  /** The handler's summary of a denunciation's content, for the accused. */
  readonly contentSummary?: string
}

/** The download name of a document: its number/symbol and the case, nothing personal. */
export function documentFilename(e: Pick<IssuedDocument, 'symbol' | 'caseCode'>): string {
  return `${e.symbol.replace(/\//g, '-')}_${e.caseCode}.docx`
}

/** Where a render waits for its number: `pending/<code>/<sha256>`. */
const stagedKey = (blobKey: string) => blobKey.replace(/^(cases|outgoing)\//, 'pending/')

export interface DocumentServiceDeps {
  readonly services: Services
  readonly petitions: PetitionService
  readonly blobs: BlobStore
}

export function createDocumentService({ services: s, petitions, blobs }: DocumentServiceDeps) {
  const register = createRegisterStore(s.db, s.tableName)

  const staffCase = (user: ActingUser, rawCode: string) => staffCaseInScope(s, user, rawCode)

  /** The templates of the case's last decision, each with whether it was issued for it already. */
  function occasionTemplates(c: CaseRecord) {
    const decision = documentedDecision(c)
    if (!decision) return { decision, templates: [] as readonly AnyTemplate[] }
    return {
      decision,
      templates: templatesFor({ action: decision.action, track: trackOf(c), kind: c.kind }),
    }
  }

  /** Whether the case's history records this template issued (and not cancelled) for the decision. */
  function issuedFor(c: CaseRecord, templateId: string, decisionSeq: number): boolean {
    return liveIssuedEvents(c.history).some(
      (e) => e.data.templateId === templateId && e.data.decisionSeq === decisionSeq,
    )
  }

  /** The source of a document: the case, its decision, the committee, the deadline, the extras. */
  async function sourceOf(a: {
    c: StoredCase
    committees: readonly Committee[]
    decision: DocumentedDecision
    user: ActingUser
    extras: DocumentExtras
    petitioner: PetitionerIdentity | undefined
    today: LocalDate
  }): Promise<DocumentSource> {
    const { c, committees, decision, extras, petitioner, today } = a
    const committee = committees.find((x) => x.id === c.committeeId)
    if (!committee) caseNotFound()
    const [ctx, signerName] = await Promise.all([s.deadlineContext(), userName(a.user)])
    const resolution = deadlinesOf(c, ctx, today).find((d) => d.clock === 'resolution')
    return {
      case: c,
      decision: decision.input,
      ...issuingCommittee(committee, committees, signerName),
      draftOn: today,
      ...(resolution ? { deadline: { dueDate: resolution.dueDate, basis: resolution.basis } } : {}),
      ...(extras.contentSummary?.trim() ? { contentSummary: extras.contentSummary.trim() } : {}),
      ...(extras.recipient?.trim() ? { recipient: { name: extras.recipient.trim() } } : {}),
      ...(petitioner ? { petitioner } : {}),
    }
  }

  async function identityOf(code: string): Promise<PetitionerIdentity | undefined> {
    const content = await s.cases.getContent(code)
    if (!content?.petitionerSealed) return undefined
    return JSON.parse(await s.sealer.open(content.petitionerSealed)) as PetitionerIdentity
  }

  /** The template, checked against the case's last decision (unknown 422, not applicable 409). */
  function decisionTemplate(c: StoredCase, templateId: string) {
    const template = templateById(templateId)
    const decision = documentedDecision(c)
    if (!decision)
      throw new DomainError('template_not_applicable', 'the case has no decision a document records', 409, {
        templateId,
        caseStatus: c.status,
      })
    templateFor(templateId, {
      action: decision.action,
      track: trackOf(c),
      kind: c.kind,
      addressee: template.addressee,
    })
    return { template, decision }
  }

  /** Checks made before anything is numbered; returns the template and the decision. */
  function checkIssue(user: ActingUser, c: StoredCase, templateId: string) {
    if (!canSignDocuments(user, c))
      throw new DomainError(
        'not_allowed_for_role',
        "only the head of the case's committee signs and issues its documents",
        403,
      )
    const { template, decision } = decisionTemplate(c, templateId)
    if (issuedFor(c, templateId, decision.seq))
      throw new DomainError(
        'document_already_issued',
        `a '${templateId}' document was already issued for this decision; cancel it to issue another`,
        409,
        { templateId },
      )
    return { template, decision }
  }

  /**
   * A short-lived link to an entry's file. An entry whose file is still staged (the move after the
   * claim did not happen) is repaired first: the entry exists, so the staged file is its own.
   */
  async function fileLink(entry: IssuedDocument): Promise<string> {
    if ((await blobs.size(entry.blobKey)) === undefined)
      await blobs.move(stagedKey(entry.blobKey), entry.blobKey)
    return blobs.presignGet(entry.blobKey, {
      filename: documentFilename(entry),
      contentType: DOCX_TYPE,
      expiresInSeconds: DOCUMENT_LINK_SECONDS,
    })
  }

  async function userName(user: ActingUser): Promise<string> {
    return (await s.users.getUser(user.id))?.displayName ?? user.id
  }

  return {
    register,

    /** The case's last decision and its templates, each marked issued when it already is. */
    async applicable(user: ActingUser, rawCode: string) {
      return this.applicableOf(user, (await staffCase(user, rawCode)).stored)
    },

    /** The same for a case the caller has already read and found in the user's scope (no read). */
    applicableOf(user: ActingUser, stored: StoredCase) {
      const { decision, templates } = occasionTemplates(stored)
      return {
        decision,
        canIssue: canSignDocuments(user, stored),
        templates: templates.map((t) => ({
          template: t,
          issued: decision ? issuedFor(stored, t.id, decision.seq) : false,
        })),
      }
    },

    /**
     * The draft of a document (no number, today's date) for the preview. The petitioner's name
     * appears only to a user whose grants show the identity; otherwise a neutral placeholder.
     */
    async preview(
      user: ActingUser,
      rawCode: string,
      templateId: string,
      extras: DocumentExtras = {},
    ): Promise<DocumentModel> {
      const { stored, committees } = await staffCase(user, rawCode)
      const { template, decision } = decisionTemplate(stored, templateId)
      let petitioner: PetitionerIdentity | undefined
      if (template.addressee === 'petitioner' && !stored.anonymous)
        petitioner = fieldGrants(user, stored, committees).identity
          ? await identityOf(stored.code)
          : { fullName: '(danh tính được bảo vệ / identity protected)' }
      const today = vietnamDate(s.now())
      const source = await sourceOf({ c: stored, committees, decision, user, extras, petitioner, today })
      return composeDocument(template, contextFor(source, template.addressee))
    },

    /**
     * Issues a document: numbered in the committee's register for the year, stored, and recorded
     * in the case's history with its SHA-256. Any refusal leaves the register untouched.
     */
    async issue(user: ActingUser, rawCode: string, templateId: string, extras: DocumentExtras = {}) {
      const { stored, committees } = await staffCase(user, rawCode)
      const { template, decision } = checkIssue(user, stored, templateId)
      const petitioner = template.addressee === 'petitioner' ? await identityOf(stored.code) : undefined
      const now = s.now()
      const today = vietnamDate(now)
      const year = Number(today.slice(0, 4))
      const source = await sourceOf({ c: stored, committees, decision, user, extras, petitioner, today })
      const render = async (number: number) => {
        const entry: RegisterEntry = { number, issuedOn: today }
        const model = composeDocument(
          template,
          contextFor({ ...source, register: entry }, template.addressee),
        )
        return { model, file: await renderDocx(model) }
      }
      // Fields missing → 422 here, before any number is taken.
      const context = contextFor(source, template.addressee)
      composeDocument(template, context)
      const recipientName = 'recipient' in context ? context.recipient.name : undefined

      const committeeId = stored.committeeId
      let number = (await register.lastNumber(committeeId, year)) + 1
      let issued: IssuedDocument | undefined
      for (let attempt = 1; attempt <= CLAIM_ATTEMPTS; attempt++) {
        const { model, file } = await render(number)
        // The petitioner's documents under outgoing/ (the public function may read them after the PIN
        // check); every other document under cases/, read by staff only.
        const blobKey =
          template.addressee === 'petitioner'
            ? outgoingKey(stored.code, file.sha256)
            : `cases/${stored.code}/${file.sha256}`
        // Staged where a lost attempt may be deleted (and abandoned ones expire); cases/ is never deleted.
        const staged = stagedKey(blobKey)
        await blobs.put(staged, file.bytes, DOCX_TYPE)
        const entry: IssuedDocument = {
          committeeId,
          year,
          number,
          symbol: numberSymbol(source.style, template.type, source.committee.issuerCode, number),
          templateId,
          caseCode: stored.code,
          addressee: template.addressee,
          ...(recipientName ? { recipientName } : {}),
          summary: model.title?.subject ?? model.header.letterSubject ?? template.name.vi,
          issuedOn: today,
          issuedAt: now.toISOString(),
          issuedBy: { id: user.id, role: 'committee_head' },
          decisionSeq: decision.seq,
          sha256: file.sha256,
          blobKey,
          size: file.bytes.length,
          status: 'issued',
        }
        if (await register.claim(entry)) {
          await blobs.move(staged, blobKey)
          issued = entry
          break
        }
        await blobs.delete(staged)
        // `number` is taken, so the one after it has its predecessor: still gap-free.
        number = Math.max(number + 1, (await register.lastNumber(committeeId, year)) + 1)
      }
      if (!issued) throw new DomainError('register_busy', 'the register is busy; try again', 409)
      const event: NewEvent = {
        at: now.toISOString(),
        type: 'document_issued',
        actor: { kind: 'staff', id: user.id, role: 'committee_head' },
        public: false,
        data: {
          templateId,
          decisionSeq: decision.seq,
          committeeId,
          year,
          number: issued.number,
          symbol: issued.symbol,
          addressee: issued.addressee,
          sha256: issued.sha256,
        },
      }
      await petitions.audit(stored.code, event)
      s.logger.info('document issued', { trackingCode: stored.code, templateId, symbol: issued.symbol })
      return documentView(issued)
    },

    /** Cancels an issued document: its number stays in the register, marked cancelled. */
    async cancel(user: ActingUser, rawCode: string, ref: string, reason: string) {
      const { stored } = await staffCase(user, rawCode)
      if (!canSignDocuments(user, stored))
        throw new DomainError(
          'not_allowed_for_role',
          "only the head of the case's committee cancels its documents",
          403,
        )
      const key = parseRef(ref)
      const entry = await register.getEntry(key.committeeId, key.year, key.number)
      if (!entry || entry.caseCode !== stored.code)
        throw new DomainError('document_not_found', 'no such document on this case', 404)
      const at = s.now().toISOString()
      if (!(await register.cancel(key.committeeId, key.year, key.number, { at, by: user.id, reason })))
        throw new DomainError('document_already_cancelled', 'this document is already cancelled', 409)
      await petitions.audit(stored.code, {
        at,
        type: 'document_cancelled',
        actor: { kind: 'staff', id: user.id, role: 'committee_head' },
        public: false,
        data: {
          symbol: entry.symbol,
          committeeId: entry.committeeId,
          year: entry.year,
          number: entry.number,
          reason,
        },
      })
      return documentView({ ...entry, status: 'cancelled', cancelled: { at, by: user.id, reason } })
    },

    /** The documents issued on a case the user reaches, in the order issued. */
    async listForCase(user: ActingUser, rawCode: string): Promise<DocumentView[]> {
      return this.listForCaseOf((await staffCase(user, rawCode)).stored)
    },

    /**
     * The same for a case the caller has already read and found in the user's scope: one Query,
     * none for a case whose history has issued nothing.
     */
    async listForCaseOf(stored: StoredCase): Promise<DocumentView[]> {
      if (!stored.history.some((e) => e.type === 'document_issued')) return []
      return (await register.listForCase(stored.code)).map(documentView)
    },

    /** A committee's register of a period (readRegister). */
    registerOf: (user: ActingUser, committeeId: string, from: LocalDate, to: LocalDate) =>
      readRegister(s, user, committeeId, from, to),

    /**
     * A short-lived link to an issued document's file. A document to a denouncer names them: only
     * those who may reveal the identity open it, and the opening is recorded in the history.
     */
    async link(user: ActingUser, rawCode: string, ref: string) {
      const { stored } = await staffCase(user, rawCode)
      const key = parseRef(ref)
      const entry = await register.getEntry(key.committeeId, key.year, key.number)
      if (!entry || entry.caseCode !== stored.code)
        throw new DomainError('document_not_found', 'no such document on this case', 404)
      if (stored.kind === 'denunciation' && entry.addressee === 'petitioner') {
        if (!canRevealIdentity(user, stored))
          throw new DomainError(
            'identity_restricted',
            'this document names the denouncer; only the head of the resolving committee or a supervisor may open it',
            403,
          )
        await petitions.audit(stored.code, {
          at: s.now().toISOString(),
          type: 'identity_document_opened',
          actor: {
            kind: 'staff',
            id: user.id,
            role: canSignDocuments(user, stored) ? 'committee_head' : 'supervisor',
          },
          public: false,
          data: { document: entry.symbol },
        })
      }
      return fileLink(entry)
    },
  }
}

export type DocumentService = ReturnType<typeof createDocumentService>

/**
 * A case's issued documents as its archive dossier takes them (shared/service/dossier.ts): every
 * one in the order issued, a cancelled one marked so, each beside the history event that issued it.
 * A document to the petitioner carries their name and address.
 */
export function dossierDocuments(s: Services, blobs: BlobStore) {
  const register = createRegisterStore(s.db, s.tableName)
  return async (c: StoredCase): Promise<DossierDocument[]> =>
    Promise.all(
      (await register.listForCase(c.code)).map(async (e) => {
        const bytes = await readBlob(blobs, e.blobKey)
        if (!bytes) throw new Error(`document ${e.symbol} of ${c.code} has no stored file`)
        const issuedBy = c.history.find((ev) => ev.type === 'document_issued' && ev.data.sha256 === e.sha256)
        return {
          fileName: documentFilename(e),
          title: `${e.symbol} ${e.summary}${e.status === 'cancelled' ? ' (đã hủy)' : ''}`,
          bytes,
          ...(issuedBy ? { eventSeq: issuedBy.seq } : {}),
          carriesIdentity: e.addressee === 'petitioner',
        }
      }),
    )
}
