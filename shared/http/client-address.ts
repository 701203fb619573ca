/**
 * Who is asking, for the per-client limits (wrong PINs, uploads): the one place a request's client
 * key is computed. Only what the runtime that received the request knows is believed, never a
 * header the caller could have written (`X-Forwarded-For`, or `CloudFront-Viewer-Address` sent
 * straight to the origin):
 *
 * - in AWS (the Lambda event, written by API Gateway): `CloudFront-Viewer-Address` when the
 *   origin-verify authorizer passed this request (its context in `requestContext.authorizer`), so
 *   CloudFront set the header; otherwise the event's `sourceIp`, the caller API Gateway saw
 *   (CloudFront's own address on a route the edge reaches without that authorizer);
 * - on one machine (@hono/node-server): the socket's address; every header is ignored;
 * - anywhere else (`app.request()` in tests): the fallback key.
 *
 * An IPv6 client is keyed by its /64, the prefix one subscriber gets: rotating the low 64 bits, as
 * any IPv6 host can, must not buy a fresh budget.
 */
import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'
import { EDGE_PASS_CONTEXT, VIEWER_ADDRESS_HEADER } from './edge.js'

/**
 * The key of an address that cannot be read. Shared by all such requests, so an unreadable address
 * never buys a budget of its own (it can only come from a runtime fault, not from a caller).
 */
export const UNKNOWN_CLIENT = 'unknown'

/** What the runtimes put in `c.env`: hono/aws-lambda the event, @hono/node-server the socket. */
interface RuntimeEnv {
  readonly event?: {
    readonly requestContext?: {
      readonly http?: { readonly sourceIp?: string }
      readonly authorizer?: { readonly lambda?: Record<string, unknown> | null }
    }
  }
  readonly incoming?: { readonly socket?: unknown }
}

export function clientAddress(c: Context): string {
  const env = c.env as RuntimeEnv | undefined
  const requestContext = env?.event?.requestContext
  if (requestContext) {
    const pass = requestContext.authorizer?.lambda
    const viaEdge = pass?.edge === EDGE_PASS_CONTEXT.edge
    const viewer = viaEdge ? viewerHeaderAddress(c.req.header(VIEWER_ADDRESS_HEADER)) : undefined
    return clientKey(viewer ?? requestContext.http?.sourceIp)
  }
  if (env?.incoming?.socket) return clientKey(getConnInfo(c).remote.address)
  return UNKNOWN_CLIENT
}

/**
 * The address in a `CloudFront-Viewer-Address` value: `198.51.100.10:46532`, IPv6 unbracketed
 * (`2406:2d40:728d:fa10::c4a:42838`, the last group the port), or bracketed (`[2001:db8::1]:443`).
 */
export function viewerHeaderAddress(value: string | undefined): string | undefined {
  const text = value?.trim()
  if (!text) return undefined
  const bracketed = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(text)
  if (bracketed) return isPort(bracketed[2]) && parseAddress(bracketed[1]!) ? bracketed[1] : undefined
  // CloudFront always appends the port: strip it when what is left is an address.
  const withPort = /^(.+):(\d{1,5})$/.exec(text)
  if (withPort && isPort(withPort[2]) && parseAddress(withPort[1]!)) return withPort[1]
  return parseAddress(text) ? text : undefined
}

/**
 * The rate-limit key of an address: IPv4 as is; IPv6 as its /64
 * (`2001:db8:1:2::/64`); an IPv4-mapped IPv6 address (`::ffff:203.0.113.7`, how a dual-stack
 * socket shows an IPv4 client) as the IPv4 it carries; anything unreadable as `UNKNOWN_CLIENT`.
 */
export function clientKey(address: string | undefined): string {
  const parsed = address === undefined ? undefined : parseAddress(address.trim())
  if (!parsed) return UNKNOWN_CLIENT
  if (parsed.length === 4) return parsed.join('.')
  const mapped = parsed.slice(0, 5).every((g) => g === 0) && parsed[5] === 0xffff
  if (mapped) return [parsed[6]! >> 8, parsed[6]! & 0xff, parsed[7]! >> 8, parsed[7]! & 0xff].join('.')
  return `${parsed
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`
}

function isPort(text: string | undefined): boolean {
  return text === undefined || Number(text) <= 65_535
}

/** Four octets (IPv4) or eight 16-bit groups (IPv6), or undefined when it is not an address. */
function parseAddress(text: string): number[] | undefined {
  return text.includes(':') ? ipv6Groups(text) : ipv4Octets(text)
}

function ipv4Octets(text: string): number[] | undefined {
  const parts = text.split('.')
  // No leading zeros: `010` is octal to some parsers and decimal to others.
  if (parts.length !== 4 || !parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p))) return undefined
  const octets = parts.map(Number)
  return octets.every((o) => o <= 255) ? octets : undefined
}

function ipv6Groups(text: string): number[] | undefined {
  // A zone (`fe80::1%eth0`) names the local interface, not the client.
  let hex = text.replace(/%[\w.~-]+$/, '')
  // An IPv4 tail (`::ffff:203.0.113.7`) is the last two groups.
  const tail = /^(.*:)([^:]*\.[^:]*)$/.exec(hex)
  if (tail) {
    const v4 = ipv4Octets(tail[2]!)
    if (!v4) return undefined
    hex = `${tail[1]}${((v4[0]! << 8) | v4[1]!).toString(16)}:${((v4[2]! << 8) | v4[3]!).toString(16)}`
  }
  const halves = hex.split('::')
  if (halves.length > 2) return undefined
  const groups = (part: string) =>
    part === '' ? [] : part.split(':').map((g) => (/^[0-9a-f]{1,4}$/i.test(g) ? Number.parseInt(g, 16) : -1))
  const head = groups(halves[0]!)
  const rest = halves.length === 2 ? groups(halves[1]!) : []
  if ([...head, ...rest].some((g) => g < 0)) return undefined
  if (halves.length === 1) return head.length === 8 ? head : undefined
  const zeros = 8 - head.length - rest.length
  return zeros >= 1 ? [...head, ...Array<number>(zeros).fill(0), ...rest] : undefined
}
