/**
 * Lambda authorizer of the HTTP API routes that have no JWT authorizer: a request passes only if it
 * carries the secret header CloudFront adds on its way to the origin, so the API answers CloudFront
 * (and its WAF) and nobody who calls the execute-api URL directly. API Gateway caches the answer per
 * header value, so this runs about once an hour, not once a request; a request without the header
 * is refused by API Gateway itself without invoking it.
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import type {
  APIGatewayRequestAuthorizerEventV2,
  APIGatewaySimpleAuthorizerResult,
  Handler,
} from 'aws-lambda'
import { EDGE_PASS_CONTEXT } from '../../shared/http/edge.js'
import { ORIGIN_VERIFY_HEADER } from './origin-header.js'

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest()

/** Constant-time comparison (of digests, so unequal lengths leak nothing either). Fails closed. */
export function isFromCloudFront(presented: string | undefined, secret: string | undefined): boolean {
  if (!secret || !presented) return false
  return timingSafeEqual(digest(presented), digest(secret))
}

const secret = process.env.ORIGIN_VERIFY_SECRET

/**
 * A pass carries `EDGE_PASS_CONTEXT`: API Gateway puts it in the function's event, where it is the
 * proof that CloudFront set `CloudFront-Viewer-Address` (shared/http/client-address.ts).
 */
export const handler: Handler<
  APIGatewayRequestAuthorizerEventV2,
  APIGatewaySimpleAuthorizerResult & { context?: typeof EDGE_PASS_CONTEXT }
> = async (event) =>
  isFromCloudFront(event.headers?.[ORIGIN_VERIFY_HEADER], secret)
    ? { isAuthorized: true, context: EDGE_PASS_CONTEXT }
    : { isAuthorized: false }
