/**
 * Wires the staff pages (web/staff/) to the services, the way the public function wires the citizen
 * pages: the pages render, the services decide.
 */
import type { TokenVerifier } from '../../shared/http/auth.js'
import { createAccountabilityService } from '../../shared/service/accountability.js'
import { createAdminService } from '../../shared/service/admin.js'
import type { AttachmentService } from '../../shared/service/attachments.js'
import type { Services } from '../../shared/service/context.js'
import type { DocumentService } from '../../shared/service/documents.js'
import type { DossierService } from '../../shared/service/dossier.js'
import type { PetitionService } from '../../shared/service/petitions.js'
import { createReceptionService } from '../../shared/service/reception.js'
import { createReportAuditService } from '../../shared/service/report-audit.js'
import { createReportService } from '../../shared/service/reports.js'
import { createUserService } from '../../shared/service/users.js'
import { createWorkspaceService } from '../../shared/service/workspace.js'
import { staffPages } from '../../web/staff/app.js'
import type { SignInProvider } from '../../web/staff/sign-in.js'
import type { StaffPageDeps } from '../../web/staff/types.js'

export interface StaffPagesOptions {
  readonly services: Services
  readonly petitions: PetitionService
  readonly verifier: TokenVerifier
  /** The public site's origin (SITE_URL), read per request (the local server learns its port late). */
  readonly siteUrl: () => string
  /** Undefined: sign-in is not configured (the page says so). */
  readonly signIn?: SignInProvider
  /** The case's attachments: listed on the case page, opened through a page route. None when absent. */
  readonly attachments?: Pick<AttachmentService, 'listAttachmentsOf' | 'attachmentLink'>
  /** The archive dossier of a finished case. None when absent. */
  readonly dossiers?: Pick<DossierService, 'exportDossier'>
  /** Official documents and the outgoing register. None when absent (no blob store). */
  readonly documents?: DocumentService
}

export function staffPageDeps(o: StaffPagesOptions): StaffPageDeps {
  const s = o.services
  const reports = createReportService(s)
  return {
    organizationName: s.organizationName,
    siteUrl: o.siteUrl,
    now: s.now,
    logger: s.logger,
    verifier: o.verifier,
    signIn: o.signIn,
    users: s.users,
    settings: s.settings,
    petitions: o.petitions,
    workspace: createWorkspaceService(s, reports),
    reports,
    audit: createReportAuditService(s),
    accountability: createAccountabilityService(s),
    reception: createReceptionService(s),
    admin: createAdminService(s),
    accounts: createUserService(s),
    attachments: o.attachments,
    dossiers: o.dossiers,
    documents: o.documents,
  }
}

export function buildStaffPages(o: StaffPagesOptions) {
  return staffPages(staffPageDeps(o))
}
