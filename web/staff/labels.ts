/** A user's roles and their names, for the pages (the sign-in page among them: kept light). */
import { ROLES, type Role } from '../../shared/domain/vocabulary.js'
import type { User } from '../../shared/store/users.js'
import { t } from '../i18n.js'
import type { Lang } from '../types.js'

export function rolesOf(user: User): Role[] {
  return [...new Set(user.memberships.map((m) => m.role))]
}

/** A role's name in `lang`; an unknown role (a record older than the vocabulary) by its id. */
export function roleLabel(lang: Lang, role: string): string {
  return isRole(role) ? t(lang, `staff.role.${role}`) : role
}

const isRole = (role: string): role is Role => (ROLES as readonly string[]).includes(role)
