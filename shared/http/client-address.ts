/**
 * Who is asking, for rate limits. Never `X-Forwarded-For`: any client can write it. In AWS the
 * API is reachable only through CloudFront, which sets `CloudFront-Viewer-Address`; behind API
 * Gateway alone the Lambda event carries the source address; on one machine, the socket.
 */
import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'

interface LambdaEnv {
  event?: { requestContext?: { http?: { sourceIp?: string } } }
}

export function clientAddress(c: Context): string {
  const viewer = c.req.header('cloudfront-viewer-address')
  if (viewer) return viewer.replace(/:\d+$/, '')
  const lambda = (c.env as LambdaEnv | undefined)?.event?.requestContext?.http?.sourceIp
  if (lambda) return lambda
  try {
    return getConnInfo(c).remote.address ?? 'unknown'
  } catch {
    return 'unknown'
  }
}
