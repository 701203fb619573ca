/**
 * Staff and member accounts. An account's pending role grants and its audited role changes live on
 * the account's own item, so each change of roles is one conditional write that also records it:
 * no change without its audit event, no read-modify-write race.
 *
 * Access patterns:
 *   getUser(id)                 GetItem     USERS / USER#<id>
 *   listUsers()                 Query       USERS, sk begins_with USER#  (one organisation: hundreds of users)
 *   putUser(user)               PutItem     (seeding and tests: no audit event)
 *   saveAccount(…)              UpdateItem  USERS / USER#<id>, conditional on the revision read
 *   decideGrant(…)              UpdateItem  USERS / USER#<id>, conditional on the grant being pending,
 *                                           the account active and (to confirm) another requester
 */
import type { Role } from '../domain/vocabulary.js'
import { type Db, isConditionalCheckFailed } from './client.js'
import { decodeItem } from './table.js'

export interface Membership {
  readonly role: Role
  readonly committeeId?: string
}

/** A membership asked for by one admin that another must confirm (four eyes). */
export interface RoleGrant {
  readonly id: string
  readonly membership: Membership
  readonly requestedBy: string
  readonly requestedAt: string
  readonly status: 'pending' | 'confirmed' | 'refused'
  readonly decidedBy?: string
  readonly decidedAt?: string
}

/** One audited change of an account's roles. */
export interface RoleChange {
  readonly at: string
  readonly userId: string
  readonly by: string
  /** direct: saved at once; requested: a grant asked for; confirmed / refused: a grant decided. */
  readonly type: 'direct' | 'requested' | 'confirmed' | 'refused'
  readonly added: readonly Membership[]
  readonly removed: readonly Membership[]
  readonly grantId?: string
}

export interface User {
  readonly id: string
  readonly displayName: string
  readonly email?: string
  readonly memberships: readonly Membership[]
  readonly active: boolean
  /** Bumped by every saveAccount and decideGrant: the condition of the next write. */
  readonly rev?: number
  readonly grants?: Readonly<Record<string, RoleGrant>>
  readonly roleChanges?: readonly RoleChange[]
}

/** The account changed since it was read (another admin's write): read it again. */
export class AccountChanged extends Error {}

export function createUserStore(db: Db, tableName: string) {
  const key = (id: string) => ({ pk: 'USERS', sk: `USER#${id}` })
  return {
    async getUser(id: string): Promise<User | undefined> {
      const out = await db.get({ TableName: tableName, Key: key(id) })
      if (!out.Item) return undefined
      return decodeItem<User>(out.Item)
    },
    async listUsers(): Promise<User[]> {
      const users: User[] = []
      let start: Record<string, unknown> | undefined
      do {
        const out = await db.query({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': 'USERS', ':prefix': 'USER#' },
          ExclusiveStartKey: start,
        })
        for (const item of out.Items ?? []) users.push(decodeItem<User>(item))
        start = out.LastEvaluatedKey
      } while (start)
      return users
    },
    async putUser(user: User): Promise<void> {
      await db.put({ TableName: tableName, Item: { ...key(user.id), ...user } })
    },

    /**
     * Writes an account's fields, its new pending grants and the audit events of the change in one
     * conditional write on the revision read (`undefined`: the account must not exist yet, or was
     * never revised). Throws AccountChanged when another write came first.
     */
    async saveAccount(
      user: Pick<User, 'id' | 'displayName' | 'email' | 'memberships' | 'active'>,
      readRev: number | undefined,
      exists: boolean,
      grants: Readonly<Record<string, RoleGrant>>,
      changes: readonly RoleChange[],
    ): Promise<void> {
      const values: Record<string, unknown> = {
        ':id': user.id,
        ':d': user.displayName,
        ':m': user.memberships,
        ':a': user.active,
        ':g': grants,
        ':c': changes,
        ':none': [],
        ':one': 1,
      }
      const sets = [
        'id = :id',
        'displayName = :d',
        'memberships = :m',
        'active = :a',
        'grants = :g',
        'roleChanges = list_append(if_not_exists(roleChanges, :none), :c)',
        'rev = if_not_exists(rev, :zero) + :one',
      ]
      values[':zero'] = 0
      if (user.email !== undefined) {
        sets.push('email = :e')
        values[':e'] = user.email
      }
      let condition: string
      if (!exists) condition = 'attribute_not_exists(pk)'
      else if (readRev === undefined) condition = 'attribute_exists(pk) AND attribute_not_exists(rev)'
      else {
        condition = 'rev = :rev'
        values[':rev'] = readRev
      }
      try {
        await db.update({
          TableName: tableName,
          Key: key(user.id),
          UpdateExpression: `SET ${sets.join(', ')}${user.email === undefined ? ' REMOVE email' : ''}`,
          ConditionExpression: condition,
          ExpressionAttributeValues: values,
        })
      } catch (error) {
        if (isConditionalCheckFailed(error)) throw new AccountChanged()
        throw error
      }
    },

    /**
     * Confirms (adds the membership) or refuses a pending grant, recording the event, in one
     * conditional write: the grant must still be pending, the account active, and a confirmation
     * must come from someone other than the requester. Returns false when the condition failed
     * (the caller reads the account to say why).
     */
    async decideGrant(
      userId: string,
      grantId: string,
      decision: 'confirmed' | 'refused',
      by: string,
      at: string,
      change: RoleChange,
    ): Promise<boolean> {
      const names: Record<string, string> = { '#g': grantId, '#st': 'status' }
      const values: Record<string, unknown> = {
        ':pending': 'pending',
        ':decision': decision,
        ':by': by,
        ':at': at,
        ':c': [change],
        ':true': true,
        ':one': 1,
      }
      const sets = [
        'grants.#g.#st = :decision',
        'grants.#g.decidedBy = :by',
        'grants.#g.decidedAt = :at',
        'roleChanges = list_append(roleChanges, :c)',
        'rev = rev + :one',
      ]
      let condition = 'active = :true AND grants.#g.#st = :pending'
      if (decision === 'confirmed') {
        sets.push('memberships = list_append(memberships, :m)')
        values[':m'] = change.added
        condition += ' AND grants.#g.requestedBy <> :by'
      }
      try {
        await db.update({
          TableName: tableName,
          Key: key(userId),
          UpdateExpression: `SET ${sets.join(', ')}`,
          ConditionExpression: condition,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        })
        return true
      } catch (error) {
        if (isConditionalCheckFailed(error)) return false
        throw error
      }
    },
  }
}

export type UserStore = ReturnType<typeof createUserStore>
