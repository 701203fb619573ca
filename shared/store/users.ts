/**
 * Staff and member accounts.
 *
 * Access patterns:
 *   getUser(id)     GetItem  USERS / USER#<id>
 *   listUsers()     Query    USERS, sk begins_with USER#  (one organisation: hundreds of users)
 *   putUser(user)   PutItem
 */
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb'
import type { Role } from '../domain/vocabulary.js'
import type { Db } from './client.js'

export interface User {
  readonly id: string
  readonly displayName: string
  readonly email?: string
  readonly memberships: readonly { readonly role: Role; readonly committeeId?: string }[]
  readonly active: boolean
}

export function createUserStore(db: Db, tableName: string) {
  return {
    async getUser(id: string): Promise<User | undefined> {
      const out = await db.send(
        new GetCommand({ TableName: tableName, Key: { pk: 'USERS', sk: `USER#${id}` } }),
      )
      if (!out.Item) return undefined
      const { pk: _pk, sk: _sk, ...user } = out.Item
      return user as User
    },
    async listUsers(): Promise<User[]> {
      const users: User[] = []
      let start: Record<string, unknown> | undefined
      do {
        const out = await db.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
            ExpressionAttributeValues: { ':pk': 'USERS', ':prefix': 'USER#' },
            ExclusiveStartKey: start,
          }),
        )
        for (const { pk: _pk, sk: _sk, ...user } of out.Items ?? []) users.push(user as User)
        start = out.LastEvaluatedKey
      } while (start)
      return users
    },
    async putUser(user: User): Promise<void> {
      await db.send(
        new PutCommand({ TableName: tableName, Item: { pk: 'USERS', sk: `USER#${user.id}`, ...user } }),
      )
    },
  }
}

export type UserStore = ReturnType<typeof createUserStore>
