/**
 * What an error from the AWS SDK (DynamoDB, KMS) means for the caller, by its stable name, looking
 * through wrappers (Powertools idempotency wraps its store's errors in `cause`). The SDK has
 * already retried a throttled call (bounded, with jitter; shared/store/client.ts) before one
 * arrives here.
 */

/** The service is shedding load: the client should come back shortly (503 + Retry-After). */
const THROTTLING = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'TooManyRequestsException',
  'LimitExceededException',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'TransactionConflictException',
])

/** Seconds a client is asked to wait after a throttled request. */
export const THROTTLED_RETRY_AFTER_SECONDS = 2

export type StoreFailure = 'throttled' | 'conflict'

export function classifyStoreError(error: unknown): StoreFailure | undefined {
  const seen = new Set<unknown>()
  let current: unknown = error
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current)
    const { name, $retryable } = current as { name?: string; $retryable?: { throttling?: boolean } }
    if ((name && THROTTLING.has(name)) || $retryable?.throttling) return 'throttled'
    if (name === 'ConditionalCheckFailedException') return 'conflict'
    current = (current as { cause?: unknown }).cause
  }
  return undefined
}
