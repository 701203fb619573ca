/**
 * One logging setup for every entry point: structured JSON through Powertools, a correlation id
 * per request, and no personal data (callers log codes and ids, never names or content).
 */
import { Logger } from '@aws-lambda-powertools/logger'

export function createLogger(options: { serviceName: string; level?: string; silent?: boolean }): Logger {
  return new Logger({
    serviceName: options.serviceName,
    logLevel: (options.silent ? 'SILENT' : (options.level ?? 'INFO')) as 'INFO',
  })
}
