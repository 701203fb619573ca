/**
 * The contract between the staff pages and whatever serves them (the staff function, the local
 * server, a unit test's fakes). The pages render; these deps decide. Each member is the narrow
 * slice of a service that the pages call, so a test fakes only what its section uses.
 */
import type { Logger } from '@aws-lambda-powertools/logger'
import type { TokenVerifier } from '../../shared/http/auth.js'
import type { AccountabilityService } from '../../shared/service/accountability.js'
import type { AdminService } from '../../shared/service/admin.js'
import type { AttachmentService } from '../../shared/service/attachments.js'
import type { DocumentService } from '../../shared/service/documents.js'
import type { DossierService } from '../../shared/service/dossier.js'
import type { PetitionService } from '../../shared/service/petitions.js'
import type { ReceptionService } from '../../shared/service/reception.js'
import type { ReportAuditService } from '../../shared/service/report-audit.js'
import type { createReportService } from '../../shared/service/reports.js'
import type { createUserService } from '../../shared/service/users.js'
import type { WorkspaceService } from '../../shared/service/workspace.js'
import type { SettingsStore } from '../../shared/store/settings.js'
import type { User } from '../../shared/store/users.js'
import type { Lang } from '../types.js'
import type { SignInProvider } from './sign-in.js'

export interface StaffPageDeps {
  readonly organizationName: { vi: string; en: string }
  /** The public site's origin (SITE_URL): every public address a page shows starts with it. */
  readonly siteUrl: () => string
  readonly now: () => Date
  readonly logger: Pick<Logger, 'warn' | 'error'>
  readonly verifier: TokenVerifier
  /** Undefined: sign-in is not configured (the page says so). */
  readonly signIn?: SignInProvider
  readonly users: { getUser(id: string): Promise<User | undefined>; listUsers(): Promise<User[]> }
  readonly settings: Pick<
    SettingsStore,
    'getCommittees' | 'getRoutingRules' | 'getDeadlineSettings' | 'getCalendarOverrides' | 'getRetention'
  >
  readonly petitions: Pick<
    PetitionService,
    'getCasePage' | 'applyAction' | 'revealIdentity' | 'showIdentity' | 'recordIntake'
  >
  /** The queue, the reception desk's triage and the supervisor's dashboard. */
  readonly workspace: WorkspaceService
  readonly reports: Pick<ReturnType<typeof createReportService>, 'report'>
  readonly audit: Pick<
    ReportAuditService,
    'onTimeTrend' | 'backlog' | 'listSamples' | 'getSample' | 'drawSample' | 'recordFinding'
  >
  readonly accountability: Pick<AccountabilityService, 'list' | 'require' | 'get' | 'act'>
  readonly reception: Pick<ReceptionService, 'list' | 'summary' | 'record'>
  readonly admin: Pick<
    AdminService,
    | 'saveCommittee'
    | 'saveRoutingRule'
    | 'deleteRoutingRule'
    | 'saveDeadlineSettings'
    | 'saveRetentionSettings'
    | 'addCalendarDay'
    | 'removeCalendarDay'
    | 'recordHolidayNotice'
  >
  readonly accounts: Pick<
    ReturnType<typeof createUserService>,
    'list' | 'put' | 'pendingGrants' | 'decide' | 'roleChanges'
  >
  /** The case's attachments: listed on the case page, opened through a page route. None when absent. */
  readonly attachments?: Pick<AttachmentService, 'listAttachmentsOf' | 'attachmentLink'>
  /** The archive dossier of a finished case (a page route answers with its link). None when absent. */
  readonly dossiers?: Pick<DossierService, 'exportDossier'>
  /** Official documents and the outgoing register (docs/documents.md). None when absent. */
  readonly documents?: Pick<
    DocumentService,
    | 'applicable'
    | 'applicableOf'
    | 'preview'
    | 'issue'
    | 'cancel'
    | 'listForCase'
    | 'listForCaseOf'
    | 'registerOf'
    | 'link'
  >
}

/** What every staff route finds on its context: set once per request by the app's middleware. */
export type StaffEnv = {
  Variables: {
    /** The signed-in, active user (absent on the open pages: sign-in, assets). */
    user: User
    /** The page's language: `?lang=`, the cookie, or the language a posted form was rendered in. */
    lang: Lang
  }
}
