/**
 * The Hono apps as API Gateway (HTTP API, payload 2.0) handlers. hono/aws-lambda sends a text body
 * through `Response.text()`, which decodes UTF-8 and drops a leading byte order mark; CSV files
 * need theirs (Excel reads UTF-8 CSV as the local code page without it and garbles Vietnamese).
 * Downloads whose bytes must arrive exactly go out base64 encoded, which API Gateway decodes.
 */
import type { Hono } from 'hono'
import { defaultIsContentTypeBinary, handle } from 'hono/aws-lambda'

/** Besides what hono treats as binary: files whose first bytes matter (the CSV byte order mark). */
const EXACT_BYTES = /^text\/csv\b/i

export function isExactBody(contentType: string): boolean {
  return defaultIsContentTypeBinary(contentType) || EXACT_BYTES.test(contentType)
}

// biome-ignore lint/suspicious/noExplicitAny: every app's Env and schema are accepted, as handle() does.
export function handleHttp(app: Hono<any, any, any>) {
  return handle(app, { isContentTypeBinary: isExactBody })
}
