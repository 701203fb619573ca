/**
 * Managing staff and member accounts (admins). Three rules hold for every caller (the API and the
 * admin pages): nobody changes their own roles; a membership that can reveal a denouncer's identity,
 * or admin (policy.ts `membershipNeedsSecondAdmin`), is only requested, and becomes a pending grant that a
 * different admin confirms (four eyes); every change of roles is an audited event, written in the
 * same conditional write as the change itself (store/users.ts).
 */
import { randomUUID } from 'node:crypto'
import { DomainError, RuleViolation } from '../domain/errors.js'
import type { ActingUser } from '../domain/policy.js'
import { canManageUsers, canReadRoleChanges, membershipNeedsSecondAdmin } from '../domain/policy.js'
import type { UserInput } from '../domain/schemas.js'
import type { Role } from '../domain/vocabulary.js'
import {
  AccountChanged,
  type Membership,
  type RoleChange,
  type RoleGrant,
  type User,
} from '../store/users.js'
import type { Services } from './context.js'

/** Roles that only mean something inside a committee. */
const COMMITTEE_ROLES: readonly Role[] = ['committee_handler', 'committee_head', 'reception_officer']

const keyOf = (m: Membership) => `${m.role}@${m.committeeId ?? ''}`
const sameMembership = (a: Membership) => (b: Membership) => keyOf(a) === keyOf(b)
const plain = (m: Membership): Membership => ({
  role: m.role,
  ...(m.committeeId ? { committeeId: m.committeeId } : {}),
})

/** What `put` answers: the account as saved, and the grants it now waits for. */
export interface SavedAccount {
  readonly user: User
  readonly pendingGrants: readonly RoleGrant[]
}

/** A pending grant with the account it is for (the admin page's list). */
export interface PendingGrant extends RoleGrant {
  readonly userId: string
  readonly displayName: string
}

function requireAdmin(user: ActingUser): void {
  if (!canManageUsers(user)) throw new DomainError('forbidden', 'only admins manage accounts', 403)
}

export function createUserService(s: Services) {
  const now = () => s.now().toISOString()

  return {
    list: () => s.users.listUsers(),

    /**
     * Creates or replaces an account. Memberships that can reveal a denouncer's identity and that
     * the account does not hold yet are not saved: each becomes a pending grant for another admin.
     * Refuses changing one's own roles and what would lock the organisation out of its own admin.
     */
    async put(id: string, input: UserInput, by: ActingUser): Promise<SavedAccount> {
      requireAdmin(by)
      const committees = (await s.settings.getCommittees()).value
      input.memberships.forEach((m, i) => {
        if (COMMITTEE_ROLES.includes(m.role) && !m.committeeId)
          throw new RuleViolation(
            'committee_required',
            `${m.role} needs a committeeId`,
            `memberships.${i}.committeeId`,
          )
        if (m.committeeId && !committees.some((c) => c.id === m.committeeId))
          throw new RuleViolation(
            'unknown_committee',
            `there is no committee '${m.committeeId}'`,
            `memberships.${i}.committeeId`,
          )
      })
      const current = await s.users.getUser(id)
      const held = current?.memberships ?? []
      const wanted = input.memberships
        .map(plain)
        .filter((m, i, all) => all.findIndex(sameMembership(m)) === i)
      const added = wanted.filter((m) => !held.some(sameMembership(m)))
      const removed = held.filter((m) => !wanted.some(sameMembership(m))).map(plain)
      if (id === by.id && (added.length > 0 || removed.length > 0))
        throw new DomainError('own_roles', 'nobody may change their own roles; ask another admin', 403, {
          field: 'memberships',
        })
      if (id === by.id && input.active === false)
        throw new RuleViolation('self_lockout', 'you cannot deactivate yourself', 'active')

      const pendingAlready = Object.values(current?.grants ?? {}).filter((g) => g.status === 'pending')
      const requested = added.filter(membershipNeedsSecondAdmin)
      const direct = added.filter((m) => !membershipNeedsSecondAdmin(m))
      const at = now()
      const newGrants: RoleGrant[] = requested
        .filter((m) => !pendingAlready.some((g) => sameMembership(g.membership)(m)))
        .map((membership) => ({
          id: randomUUID(),
          membership,
          requestedBy: by.id,
          requestedAt: at,
          status: 'pending' as const,
        }))
      const memberships = [...held.filter((m) => wanted.some(sameMembership(m))), ...direct]
      const changes: RoleChange[] = []
      if (direct.length > 0 || removed.length > 0)
        changes.push({ at, userId: id, by: by.id, type: 'direct', added: direct, removed })
      for (const g of newGrants)
        changes.push({
          at,
          userId: id,
          by: by.id,
          type: 'requested',
          added: [g.membership],
          removed: [],
          grantId: g.id,
        })
      const user: User = {
        id,
        displayName: input.displayName,
        ...(input.email ? { email: input.email } : {}),
        memberships,
        active: input.active,
      }
      const grants = { ...(current?.grants ?? {}), ...Object.fromEntries(newGrants.map((g) => [g.id, g])) }
      try {
        await s.users.saveAccount(user, current?.rev, current !== undefined, grants, changes)
      } catch (error) {
        if (error instanceof AccountChanged)
          throw new DomainError('account_changed', 'the account was changed meanwhile; read it again', 409)
        throw error
      }
      s.logger.info('user saved', {
        userId: id,
        by: by.id,
        roles: memberships.map((m) => m.role),
        requested: newGrants.map((g) => g.membership.role),
      })
      return {
        user: { ...user, grants },
        pendingGrants: Object.values(grants).filter((g) => g.status === 'pending'),
      }
    },

    /** Every grant still waiting for a second admin, oldest first. */
    async pendingGrants(by: ActingUser): Promise<PendingGrant[]> {
      requireAdmin(by)
      const users = await s.users.listUsers()
      return users
        .flatMap((u) =>
          Object.values(u.grants ?? {})
            .filter((g) => g.status === 'pending')
            .map((g) => ({ ...g, userId: u.id, displayName: u.displayName })),
        )
        .sort((a, b) => a.requestedAt.localeCompare(b.requestedAt))
    },

    /**
     * Confirms or refuses a pending grant, as one conditional write. Nobody decides a grant of
     * their own account; nobody confirms a grant they asked for.
     */
    async decide(userId: string, grantId: string, decision: 'confirmed' | 'refused', by: ActingUser) {
      requireAdmin(by)
      const account = await s.users.getUser(userId)
      const grant = account?.grants?.[grantId]
      if (!account || !grant) throw new DomainError('grant_not_found', 'there is no such role grant', 404)
      if (userId === by.id)
        throw new DomainError('own_roles', 'nobody may decide a grant of their own roles', 403)
      if (decision === 'confirmed' && grant.requestedBy === by.id)
        throw new DomainError('four_eyes', 'another admin must confirm a grant you asked for', 403)
      const at = now()
      const change: RoleChange = {
        at,
        userId,
        by: by.id,
        type: decision,
        added: decision === 'confirmed' ? [plain(grant.membership)] : [],
        removed: [],
        grantId,
      }
      if (await s.users.decideGrant(userId, grantId, decision, by.id, at, change)) {
        s.logger.info('role grant decided', { userId, grantId, decision, by: by.id })
        return { ...grant, status: decision, decidedBy: by.id, decidedAt: at }
      }
      // The condition failed: say why from what is stored now.
      const now_ = await s.users.getUser(userId)
      const stored = now_?.grants?.[grantId]
      if (!now_?.active) throw new DomainError('account_gone', 'the account was removed or deactivated', 409)
      if (stored && stored.status !== 'pending')
        throw new DomainError('grant_decided', `the grant was already ${stored.status}`, 409)
      throw new DomainError('four_eyes', 'another admin must confirm a grant you asked for', 403)
    },

    /** The audited role changes of every account, newest first: for supervisors and admins. */
    async roleChanges(by: ActingUser): Promise<RoleChange[]> {
      if (!canReadRoleChanges(by))
        throw new DomainError('forbidden', 'only supervisors and admins read the role changes', 403)
      const users = await s.users.listUsers()
      return users.flatMap((u) => u.roleChanges ?? []).sort((a, b) => b.at.localeCompare(a.at))
    },
  }
}

export type UserService = ReturnType<typeof createUserService>
