/** Managing staff and member accounts (admins). */
import { RuleViolation } from '../domain/errors.js'
import type { UserInput } from '../domain/schemas.js'
import type { Role } from '../domain/vocabulary.js'
import type { User } from '../store/users.js'
import type { Services } from './context.js'

/** Roles that only mean something inside a committee. */
const COMMITTEE_ROLES: readonly Role[] = ['committee_handler', 'committee_head', 'reception_officer']

export function createUserService(s: Services) {
  return {
    list: () => s.users.listUsers(),

    /** Creates or replaces an account. Refuses what would lock the organisation out of its own admin. */
    async put(id: string, input: UserInput, by: { id: string }): Promise<User> {
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
      const user: User = {
        id,
        displayName: input.displayName,
        email: input.email,
        memberships: input.memberships,
        active: input.active,
      }
      const isAdmin = user.active && user.memberships.some((m) => m.role === 'admin')
      if (id === by.id && !isAdmin)
        throw new RuleViolation(
          'self_lockout',
          'you cannot remove your own admin role or deactivate yourself',
          'memberships',
        )
      await s.users.putUser(user)
      s.logger.info('user saved', { userId: id, by: by.id, roles: user.memberships.map((m) => m.role) })
      return user
    },
  }
}
