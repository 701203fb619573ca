/**
 * Paging cursors: the LastEvaluatedKey of a Query, signed and bound to the query it came from.
 *
 * A cursor is `<payload>.<tag>`: the payload is the key as base64url JSON, the tag an HMAC-SHA256
 * over the query's scope (index and partition value) and the payload. So a cursor cannot be
 * forged or edited (no key attribute of another item, nothing DynamoDB would refuse with a 500),
 * and one from another committee's queue or another list does not verify here: every such cursor
 * is a 400 `invalid_cursor`, never a 500 and never a page of something else.
 *
 * The key is a secret of the process: in AWS derived from a deployed secret (the same in every
 * instance, so a cursor handed out by one instance opens the next page on another), on one machine
 * from the local key file. Without one (a test building stores by hand), a random key per process.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { DomainError } from '../domain/errors.js'

/** Which query a cursor belongs to: the index (or the table) and the partition value it reads. */
export interface CursorScope {
  readonly index: string
  readonly partition: string
}

export interface CursorCodec {
  encode(scope: CursorScope, key: Record<string, unknown> | undefined): string | undefined
  /**
   * The start key for `scope`, or undefined for no cursor. Throws a 400 `invalid_cursor` for a
   * cursor that is malformed, not signed by this system, from another query, or whose key is not
   * exactly the `keys` attributes (strings) with the scope's partition in `partitionKey`.
   */
  decode(
    scope: CursorScope,
    cursor: string | undefined,
    keys: { readonly attributes: readonly string[]; readonly partitionKey: string },
  ): Record<string, string> | undefined
}

/** Cursors are bounded by the routes (2 KB); a longer one is refused before any work. */
const MAX_CURSOR_LENGTH = 2048

function invalid(): DomainError {
  return new DomainError('invalid_cursor', 'cursor: the paging cursor is not valid for this list', 400, {
    field: 'cursor',
  })
}

export function createCursorCodec(key: Uint8Array | string): CursorCodec {
  const secret = typeof key === 'string' ? Buffer.from(key, 'utf8') : Buffer.from(key)
  if (secret.length < 16) throw new Error('the cursor key must be at least 16 bytes')
  const tag = (scope: CursorScope, payload: string) =>
    createHmac('sha256', secret).update(`${scope.index}\n${scope.partition}\n${payload}`).digest()

  return {
    encode(scope, key) {
      if (!key) return undefined
      const payload = Buffer.from(JSON.stringify(key)).toString('base64url')
      return `${payload}.${tag(scope, payload).toString('base64url')}`
    },
    decode(scope, cursor, keys) {
      if (cursor === undefined || cursor === '') return undefined
      if (cursor.length > MAX_CURSOR_LENGTH) throw invalid()
      const [payload, signature, extra] = cursor.split('.')
      if (!payload || !signature || extra !== undefined) throw invalid()
      const given = Buffer.from(signature, 'base64url')
      const expected = tag(scope, payload)
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid()
      let value: unknown
      try {
        value = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
      } catch {
        throw invalid()
      }
      if (!value || typeof value !== 'object' || Array.isArray(value)) throw invalid()
      const entries = Object.entries(value)
      // Signed by us, so this only fails if the index changed shape between two deployments.
      const exact =
        entries.length === new Set(keys.attributes).size &&
        entries.every(([k, v]) => keys.attributes.includes(k) && typeof v === 'string')
      if (!exact || (value as Record<string, string>)[keys.partitionKey] !== scope.partition) throw invalid()
      return value as Record<string, string>
    },
  }
}

/** For stores built without a configured key: random, so valid only within this process. */
export const PROCESS_CURSORS: CursorCodec = createCursorCodec(randomBytes(32))
