/**
 * A response body as Hono's route types describe it. JSON has no `readonly`, and the types the
 * route schemas give (zod's output) are mutable, while the domain's views are readonly all the way
 * down: `jsonBody` is the one seam between the two, where a cast used to sit in each handler.
 */

/** The type a value has once sent as JSON: the same shape, with `readonly` removed at every depth. */
export type JsonBody<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends object
    ? { -readonly [K in keyof T]: JsonBody<T[K]> }
    : T

/**
 * A domain view as a response body: the value itself is returned unchanged, only its type loses
 * `readonly`, so the route's response schema still checks every member.
 */
export function jsonBody<T>(value: T): JsonBody<T> {
  return value as JsonBody<T>
}
