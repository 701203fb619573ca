/**
 * Domain errors carry a stable `code` (used as the problem+json `type`) and an HTTP status hint.
 * One mapper (shared/http/problem.ts) turns them into responses; routes never build error bodies.
 */
/**
 * Extension members of the problem a domain error becomes: never one of the standard member names
 * of RFC 9457 (`type`, `title`, `status`, `detail`, `instance`), so they cannot overwrite them.
 */
export type ErrorDetails = Record<string, unknown> & {
  readonly type?: never
  readonly title?: never
  readonly status?: never
  readonly detail?: never
  readonly instance?: never
}

export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: 400 | 403 | 404 | 409 | 412 | 422 | 429 = 409,
    readonly details?: ErrorDetails,
  ) {
    super(message)
    this.name = new.target.name
  }
}

/** The action is not allowed in this state, for this kind, or for this caller. */
export class TransitionError extends DomainError {
  constructor(code: string, message: string, details?: ErrorDetails) {
    super(code, message, 409, details)
  }
}

/** Input that is well-formed but breaks a rule (a future receipt date, an unknown committee…). */
export class RuleViolation extends DomainError {
  constructor(
    code: string,
    message: string,
    readonly field?: string,
  ) {
    super(code, message, 422, field ? { field } : undefined)
  }
}

export class NotFoundError extends DomainError {
  constructor(code: string, message: string) {
    super(code, message, 404)
  }
}
