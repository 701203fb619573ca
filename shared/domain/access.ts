/**
 * Who may see what (object level). The transition table says who may act; this says who may
 * read. Committee roles reach their own committee and, for a head, the committees below it.
 */
import type { ActingUser } from './case.js'
import { ancestry, type Committee } from './routing.js'

const ORGANISATION_WIDE = ['supervisor', 'admin', 'reception_officer'] as const

function reachesCommittee(user: ActingUser, committeeId: string, committees: readonly Committee[]): boolean {
  const above = ancestry(committees, committeeId).map((c) => c.id)
  return user.memberships.some(
    (m) =>
      (ORGANISATION_WIDE as readonly string[]).includes(m.role) ||
      (m.role === 'committee_handler' && m.committeeId === committeeId) ||
      (m.role === 'committee_head' && m.committeeId !== undefined && above.includes(m.committeeId)),
  )
}

/** A case: its committee's staff (and heads above), organisation-wide roles, and the member who filed it. */
export function canReadCase(
  user: ActingUser,
  c: { committeeId: string; ownerId?: string },
  committees: readonly Committee[],
): boolean {
  return (
    reachesCommittee(user, c.committeeId, committees) || (c.ownerId !== undefined && c.ownerId === user.id)
  )
}

export function canReadQueue(
  user: ActingUser,
  committeeId: string,
  committees: readonly Committee[],
): boolean {
  return reachesCommittee(user, committeeId, committees)
}

export function canRecordIntake(user: ActingUser): boolean {
  return user.memberships.some((m) => m.role === 'reception_officer')
}

export function isStaff(user: ActingUser): boolean {
  return user.memberships.some((m) => m.role !== 'member')
}
