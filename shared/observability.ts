/**
 * One logging setup for every entry point: structured JSON through Powertools, a correlation id
 * per request, and no personal data (callers log codes and ids, never names or content).
 *
 * The correlation id lives in an AsyncLocalStorage context opened per request
 * (`withCorrelationId`), not in the logger's shared keys: on one machine the same process serves
 * many requests at once, and a key appended by one request would otherwise be written into the
 * log lines of another (and removed under it). Each line takes the id of the request it runs for.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import { Logger } from '@aws-lambda-powertools/logger'
import type {
  ConstructorOptions,
  LogAttributes,
  LogItemExtraInput,
  LogItemMessage,
} from '@aws-lambda-powertools/logger/types'

const requestContext = new AsyncLocalStorage<{ readonly correlationId: string }>()

/** Runs `work` with `correlationId` on every line logged inside it, however it interleaves. */
export function withCorrelationId<T>(correlationId: string, work: () => T): T {
  return requestContext.run({ correlationId }, work)
}

/** The correlation id of the request this code runs for, if any. */
export function currentCorrelationId(): string | undefined {
  return requestContext.getStore()?.correlationId
}

function withContext(extra: LogItemExtraInput): LogItemExtraInput {
  const correlationId = currentCorrelationId()
  if (!correlationId) return extra
  // An error or a string as the one extra argument is kept under `error`, as Powertools does.
  const attributes: LogAttributes[] = extra.map((x) =>
    typeof x === 'string' || x instanceof Error ? { error: x } : x,
  )
  return [...attributes, { correlationId }]
}

/** A Powertools logger whose lines carry the current request's correlation id. */
class RequestLogger extends Logger {
  override critical(input: LogItemMessage, ...extra: LogItemExtraInput): void {
    super.critical(input, ...withContext(extra))
  }
  override error(input: LogItemMessage, ...extra: LogItemExtraInput): void {
    super.error(input, ...withContext(extra))
  }
  override warn(input: LogItemMessage, ...extra: LogItemExtraInput): void {
    super.warn(input, ...withContext(extra))
  }
  override info(input: LogItemMessage, ...extra: LogItemExtraInput): void {
    super.info(input, ...withContext(extra))
  }
  override debug(input: LogItemMessage, ...extra: LogItemExtraInput): void {
    super.debug(input, ...withContext(extra))
  }
  protected override createLogger(options?: ConstructorOptions): Logger {
    return new RequestLogger(options)
  }
}

export function createLogger(options: { serviceName: string; level?: string; silent?: boolean }): Logger {
  return new RequestLogger({
    serviceName: options.serviceName,
    logLevel: (options.silent ? 'SILENT' : (options.level ?? 'INFO')) as 'INFO',
  })
}
