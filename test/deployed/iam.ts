/**
 * IAM's identity-policy evaluation, as far as this app's roles use it: explicit Deny wins, then any
 * Allow whose action, resource and every condition match. Condition operators the roles do not use
 * fail closed (a new operator in a grant must be taught here, not silently ignored).
 */
import type { ResolvedStatement } from './templates.js'

/** IAM's wildcard match: `*` any run, `?` one character; case-sensitive (resources, values). */
export function iamLike(pattern: string, value: string, ignoreCase = false): boolean {
  const re = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
    ignoreCase ? 'is' : 's',
  )
  return re.test(value)
}

/** The request's context keys: each multivalued (single values are one-element lists). */
export type RequestContext = Record<string, string[] | undefined>

export interface AuthorizationRequest {
  readonly action: string
  /** Every resource the request touches must be allowed (e.g. a table and its index). */
  readonly resource: string
  readonly context: RequestContext
}

function conditionHolds(op: string, key: string, expected: string[], context: RequestContext): boolean {
  const actual = context[key]
  const forAll = op.startsWith('ForAllValues:')
  const forAny = op.startsWith('ForAnyValue:')
  const base = op.replace(/^(ForAllValues|ForAnyValue):/, '')
  if (base === 'Null') {
    const absent = actual === undefined || actual.length === 0
    return expected.some((e) => (e === 'true') === absent)
  }
  const test = (value: string, e: string): boolean => {
    switch (base) {
      case 'StringEquals':
        return value === e
      case 'StringLike':
        return iamLike(e, value)
      case 'StringNotEquals':
        return value !== e
      case 'StringEqualsIgnoreCase':
        return value.toLowerCase() === e.toLowerCase()
      case 'ArnLike':
      case 'ArnEquals':
        return iamLike(e, value)
      case 'Bool':
        return value === e
      default:
        throw new Error(`condition operator ${op} is not modelled by the deployed-shape suite`)
    }
  }
  const negated = base === 'StringNotEquals'
  const matchOne = (value: string) =>
    negated ? expected.every((e) => test(value, e)) : expected.some((e) => test(value, e))
  if (forAll) return (actual ?? []).every(matchOne)
  if (forAny) return (actual ?? []).some(matchOne)
  // A single-valued operator on a missing key does not match (except the negated ones, which do).
  if (actual === undefined || actual.length === 0) return negated
  return actual.every(matchOne)
}

function statementMatches(st: ResolvedStatement, request: AuthorizationRequest): boolean {
  if (!st.actions.some((a) => iamLike(a, request.action, true))) return false
  if (!st.resources.some((r) => iamLike(r, request.resource))) return false
  return Object.entries(st.conditions).every(([op, keys]) =>
    Object.entries(keys).every(([key, expected]) => conditionHolds(op, key, expected, request.context)),
  )
}

export function isAllowed(statements: readonly ResolvedStatement[], request: AuthorizationRequest): boolean {
  if (statements.some((st) => st.effect === 'Deny' && statementMatches(st, request))) return false
  return statements.some((st) => st.effect === 'Allow' && statementMatches(st, request))
}
