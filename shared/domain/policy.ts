/**
 * The one policy module: may this actor do this on this resource, and which fields may they see.
 * Every route and page asks here; the lifecycle's "who may" column (lifecycle.ts) is applied
 * through `rolesOnCase`, which only grants committee roles inside the object scope decided here.
 *
 * Object scope (docs/domain.md#scope; docs/architecture.md#roles):
 *   committee_handler  cases of their committee
 *   committee_head     cases of their committee and of every committee below it
 *   supervisor         every case (reading, chasing, auditing), never the identity unless revealed
 *   reception_officer  the cases they registered, and the intake queue of their committee
 *   member             the petitions they submitted (the citizen's view of them)
 *   admin              no case at all: users, committees, rules, calendars
 */
import { ancestry, type Committee } from './routing.js'
import type { Kind, Role } from './vocabulary.js'

/** The staff user asking: who they are and the roles they hold, each on a committee. */
export interface ActingUser {
  readonly id: string
  readonly memberships: readonly { readonly role: Role; readonly committeeId?: string }[]
}

/** What the policy reads of a case (a `CaseRecord` is one): where it is, whose it is, what kind. */
export interface CaseScope {
  readonly committeeId: string
  readonly ownerId?: string
  readonly kind: Kind
  readonly history: readonly { readonly type: string; readonly actor: { readonly id?: string } }[]
}

export const CAPABILITIES = [
  'case.read',
  'case.reveal_identity',
  'case.verify_history',
  'queue.read',
  'intake.record',
  'users.manage',
  'committees.read',
] as const
export type Capability = (typeof CAPABILITIES)[number]

function memberships(user: ActingUser, role: Role) {
  return user.memberships.filter((m) => m.role === role)
}

function has(user: ActingUser, role: Role): boolean {
  return user.memberships.some((m) => m.role === role)
}

/** The committee and all committees above it. */
function chainUp(committees: readonly Committee[], committeeId: string): string[] {
  return ancestry(committees, committeeId).map((c) => c.id)
}

function registeredBy(c: CaseScope, userId: string): boolean {
  const first = c.history[0]
  return first?.type === 'submitted' && first.actor.id === userId
}

/** Committee roles that reach this committee: handlers of it, heads of it or of a committee above it. */
export function committeeRolesFor(
  user: ActingUser,
  committeeId: string,
  committees: readonly Committee[],
): Set<Role> {
  const roles = new Set<Role>()
  const above = chainUp(committees, committeeId)
  for (const m of memberships(user, 'committee_handler'))
    if (m.committeeId === committeeId) roles.add('committee_handler')
  for (const m of memberships(user, 'committee_head'))
    if (m.committeeId && above.includes(m.committeeId)) roles.add('committee_head')
  return roles
}

/** Whether the user's staff roles reach this case (members reach their own petitions elsewhere). */
export function staffReachesCase(user: ActingUser, c: CaseScope, committees: readonly Committee[]): boolean {
  if (has(user, 'supervisor')) return true
  if (committeeRolesFor(user, c.committeeId, committees).size > 0) return true
  if (memberships(user, 'reception_officer').some((m) => m.committeeId === c.committeeId)) return true
  return has(user, 'reception_officer') && registeredBy(c, user.id)
}

/** A member reading a petition they submitted (they get the petitioner's view, not the file). */
export function ownsCase(user: ActingUser, c: Pick<CaseScope, 'ownerId'>): boolean {
  return c.ownerId !== undefined && c.ownerId === user.id && has(user, 'member')
}

/**
 * Whether an account may own a petition recorded at the desk: an active member account, holding
 * the member role and no staff role (a staff account owning a petition would read it as its
 * petitioner while working the cases, and an officer could give a petition to a colleague).
 */
export function mayOwnPetition(account: {
  readonly active: boolean
  readonly memberships: readonly { readonly role: Role }[]
}): boolean {
  return (
    account.active && account.memberships.length > 0 && account.memberships.every((m) => m.role === 'member')
  )
}

export function canReadQueue(
  user: ActingUser,
  committeeId: string,
  committees: readonly Committee[],
): boolean {
  if (has(user, 'supervisor')) return true
  if (committeeRolesFor(user, committeeId, committees).size > 0) return true
  return memberships(user, 'reception_officer').some((m) => m.committeeId === committeeId)
}

/** A reception officer of a committee (the desk belongs somewhere). */
export function canRecordIntake(user: ActingUser): boolean {
  return memberships(user, 'reception_officer').some((m) => m.committeeId !== undefined)
}

export function canManageUsers(user: ActingUser): boolean {
  return has(user, 'admin')
}

/** Reading the committee tree: every signed-in staff member and member (names are public). */
export function canReadCommittees(user: ActingUser): boolean {
  return user.memberships.length > 0
}

/** Running the tamper check of a case's history: supervisors, and heads over the case. */
export function canVerifyHistory(user: ActingUser, c: CaseScope, committees: readonly Committee[]): boolean {
  return has(user, 'supervisor') || committeeRolesFor(user, c.committeeId, committees).has('committee_head')
}

/**
 * Taking a finished case's dossier for the archive (shared/service/dossier.ts): as for the tamper
 * check, supervisors and heads over the case. Whether it is complete (with the petitioner's
 * identity) is `canRevealIdentity`'s to say.
 */
export function canTakeDossier(user: ActingUser, c: CaseScope, committees: readonly Committee[]): boolean {
  return canVerifyHistory(user, c, committees)
}

/**
 * Revealing a denouncer's identity (Law 25/2018 Arts. 8, 9, 47): only the head of the resolving
 * committee itself (not a head above it) and supervisors, with a reason, recorded in the history.
 */
export function canRevealIdentity(user: ActingUser, c: CaseScope): boolean {
  if (has(user, 'supervisor')) return true
  return memberships(user, 'committee_head').some((m) => m.committeeId === c.committeeId)
}

/**
 * Whether holding this one membership lets its holder reveal some denouncer's identity: asked of
 * `canRevealIdentity` itself (a holder of only this membership, a denunciation in the membership's
 * own committee), so a role the reveal rule comes to admit is caught here too. Granting such a
 * membership needs a second administrator (shared/service/users.ts).
 */
export function membershipCanRevealIdentity(m: {
  readonly role: Role
  readonly committeeId?: string
}): boolean {
  const holder: ActingUser = { id: '', memberships: [m] }
  const probe: CaseScope = { committeeId: m.committeeId ?? '', kind: 'denunciation', history: [] }
  return canRevealIdentity(holder, probe)
}

/**
 * Whether granting this membership needs a second administrator (four eyes): one that can reveal a
 * denouncer's identity, and admin itself, since an admin grants roles (one admin could otherwise make
 * an account they control admin and have it ask for what they may not ask for themselves).
 */
export function membershipNeedsSecondAdmin(m: {
  readonly role: Role
  readonly committeeId?: string
}): boolean {
  return m.role === 'admin' || membershipCanRevealIdentity(m)
}

/** The audited log of role changes: supervisors (who oversee the organisation) and admins. */
export function canReadRoleChanges(user: ActingUser): boolean {
  return has(user, 'supervisor') || has(user, 'admin')
}

export interface FieldGrants {
  /** The petitioner's name, ID number, address, phone, e-mail. */
  readonly identity: boolean
  /** Staff notes, internal reasons, the history's actors. */
  readonly internal: boolean
}

/**
 * What a user with access to the case sees. A denouncer's identity is never shown in the
 * ordinary view (only through the audited reveal); other petitioners' identity is shown to the
 * staff who handle the case and to the officer who registered it.
 */
export function fieldGrants(user: ActingUser, c: CaseScope, committees: readonly Committee[]): FieldGrants {
  const staff = staffReachesCase(user, c, committees)
  if (!staff) return { identity: false, internal: false }
  if (c.kind === 'denunciation') return { identity: false, internal: true }
  // Only the committee that handles the case: a head above reads the file, not who filed it.
  const handles = user.memberships.some(
    (m) => (m.role === 'committee_handler' || m.role === 'committee_head') && m.committeeId === c.committeeId,
  )
  const registered =
    has(user, 'reception_officer') &&
    (registeredBy(c, user.id) ||
      memberships(user, 'reception_officer').some((m) => m.committeeId === c.committeeId))
  return { identity: handles || registered, internal: true }
}

/**
 * Roles the user may act with on this case (the lifecycle's "who may" column applies to these):
 * committee roles only in the case's own committee (a head above reads but does not act for the
 * committee below), the reception officer only on cases in their scope.
 */
export function actingRoles(user: ActingUser, c: CaseScope, committees: readonly Committee[]): Role[] {
  const roles = new Set<Role>()
  for (const m of user.memberships) {
    if ((m.role === 'committee_handler' || m.role === 'committee_head') && m.committeeId === c.committeeId)
      roles.add(m.role)
  }
  if (
    has(user, 'reception_officer') &&
    staffReachesCase({ ...user, memberships: memberships(user, 'reception_officer') }, c, committees)
  )
    roles.add('reception_officer')
  return [...roles]
}

/** Editing the organisation's configuration (committees, routing, deadlines, calendar): admins. */
export function canManageConfiguration(user: ActingUser): boolean {
  return has(user, 'admin')
}

/**
 * Roles the user may act with from above the case's committee (a `chase`, đôn đốc): supervisors
 * on every case, heads of a committee above the case's committee (not of the committee itself).
 */
export function overseeingRoles(user: ActingUser, c: CaseScope, committees: readonly Committee[]): Role[] {
  const roles: Role[] = []
  if (has(user, 'supervisor')) roles.push('supervisor')
  const above = chainUp(committees, c.committeeId).filter((id) => id !== c.committeeId)
  if (memberships(user, 'committee_head').some((m) => m.committeeId && above.includes(m.committeeId)))
    roles.push('committee_head')
  return roles
}

/**
 * A denouncer's documents (Law 25/2018 Arts. 8, 9: name, address, handwriting or other identifying
 * data): every document attached to a denunciation is identity-restricted unless its uploader (the
 * denouncer, or the officer who scanned it at the desk) marked it content-only. Documents of other
 * kinds are part of the file, open to everyone the case is open to.
 */
export function attachmentIdentityRestricted(
  kind: CaseScope['kind'],
  contentOnly: boolean | undefined,
): boolean {
  return kind === 'denunciation' && contentOnly !== true
}

/**
 * Opening an attachment (and seeing its original filename): anyone the case is open to, and for an
 * identity-restricted one only those who may reveal the identity (each opening is audited).
 */
export function canOpenAttachment(
  user: ActingUser,
  c: CaseScope,
  attachment: { readonly identityRestricted: boolean },
  committees: readonly Committee[],
): boolean {
  if (!staffReachesCase(user, c, committees)) return false
  return !attachment.identityRestricted || canRevealIdentity(user, c)
}

/** Adding documents to a case as staff: the reception officer whose desk reaches it. */
export function canAttachAsStaff(user: ActingUser, c: CaseScope, committees: readonly Committee[]): boolean {
  return actingRoles(user, c, committees).includes('reception_officer')
}
