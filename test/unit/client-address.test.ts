import { BlockList, isIP } from 'node:net'
import fc from 'fast-check'
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { handleHttp } from '../../functions/lambda-http.js'
import {
  clientAddress,
  clientKey,
  UNKNOWN_CLIENT,
  viewerHeaderAddress,
} from '../../shared/http/client-address.js'
import { EDGE_PASS_CONTEXT } from '../../shared/http/edge.js'

const keyOfHeader = (value: string) => clientKey(viewerHeaderAddress(value))

describe('the client key of an address', () => {
  it('reads CloudFront-Viewer-Address: IPv4 with its port', () => {
    expect(keyOfHeader('198.51.100.10:46532')).toBe('198.51.100.10')
  })

  it('reads IPv6 as CloudFront writes it (unbracketed, the port last) and bracketed with a port', () => {
    expect(keyOfHeader('2406:2d40:728d:fa10::c4a:42838')).toBe('2406:2d40:728d:fa10::/64')
    expect(keyOfHeader('[2001:db8:1:2::1]:443')).toBe('2001:db8:1:2::/64')
    expect(keyOfHeader('[2001:db8:1:2::1]')).toBe('2001:db8:1:2::/64')
  })

  it('keys an IPv6 client by its /64, however the address is written', () => {
    const sameNetwork = [
      '2001:db8:aa:bb::1',
      '2001:0DB8:00AA:00BB:ffff:ffff:ffff:fffe',
      '2001:db8:aa:bb:1234:5678:9abc:def0',
      '2001:db8:aa:bb::',
    ]
    expect(new Set(sameNetwork.map(clientKey))).toEqual(new Set(['2001:db8:aa:bb::/64']))
    expect(clientKey('2001:db8:aa:bc::1')).toBe('2001:db8:aa:bc::/64')
    expect(clientKey('::1')).toBe('0:0:0:0::/64')
    expect(clientKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64')
  })

  it('keys an IPv4-mapped IPv6 address (a dual-stack socket) as the IPv4 it carries', () => {
    expect(clientKey('::ffff:203.0.113.7')).toBe('203.0.113.7')
    expect(clientKey('::FFFF:cb00:7107')).toBe('203.0.113.7')
    expect(keyOfHeader('[::ffff:203.0.113.7]:443')).toBe('203.0.113.7')
    expect(keyOfHeader('::ffff:203.0.113.7:443')).toBe('203.0.113.7')
    // Only ::ffff:0:0/96 is mapped; a look-alike elsewhere is an IPv6 network of its own.
    expect(clientKey('1::ffff:203.0.113.7')).toBe('1:0:0:0::/64')
  })

  it('gives everything unreadable one shared fallback key, never a key of its own', () => {
    const garbage = [
      '',
      ' ',
      'unknown-host',
      '999.1.1.1',
      '010.1.1.1',
      '1.2.3',
      '1.2.3.4.5',
      '1.2.3.4, 5.6.7.8',
      '1:2:3:4:5:6:7:8:9:10',
      '1::2::3',
      'gggg::1',
      '::ffff:300.1.1.1',
      '[2001:db8::1]:99999',
      '198.51.100.10:99999x',
      '<script>alert(1)</script>',
    ]
    for (const value of garbage) {
      expect(clientKey(value), value).toBe(UNKNOWN_CLIENT)
      expect(keyOfHeader(value), value).toBe(UNKNOWN_CLIENT)
    }
    // Nine groups are no address; as a header value, the ninth is the port CloudFront appends.
    expect(clientKey('1:2:3:4:5:6:7:8:9')).toBe(UNKNOWN_CLIENT)
    expect(keyOfHeader('1:2:3:4:5:6:7:8:9')).toBe('1:2:3:4::/64')
    expect(clientKey(undefined)).toBe(UNKNOWN_CLIENT)
  })

  it('agrees with Node on what is an address, and every IPv6 address lies in the /64 it is keyed by', () => {
    fc.assert(
      fc.property(fc.ipV6(), fc.integer({ min: 0, max: 65_535 }), (address, port) => {
        const key = clientKey(address)
        expect(key).not.toBe(UNKNOWN_CLIENT)
        expect(keyOfHeader(`${address}:${port}`)).toBe(key)
        expect(keyOfHeader(`[${address}]:${port}`)).toBe(key)
        if (key.endsWith('::/64')) {
          const network = new BlockList()
          network.addSubnet(key.slice(0, -3), 64, 'ipv6')
          expect(network.check(address, 'ipv6'), `${address} in ${key}`).toBe(true)
        } else {
          expect(isIP(key)).toBe(4) // a mapped IPv4
        }
      }),
      { numRuns: 2_000 },
    )
    fc.assert(
      fc.property(fc.ipV4(), fc.integer({ min: 0, max: 65_535 }), (address, port) => {
        expect(clientKey(address)).toBe(address)
        expect(keyOfHeader(`${address}:${port}`)).toBe(address)
      }),
      { numRuns: 2_000 },
    )
    const nearAddresses = fc.oneof(
      fc.string(),
      fc.stringMatching(/^[0-9a-fA-F:.%]{0,45}$/),
      fc.ipV6().map((a) => a.replace(/:/, ':::')),
      fc.ipV4().map((a) => `${a}.1`),
    )
    fc.assert(
      fc.property(nearAddresses, (text) => {
        if (clientKey(text) !== UNKNOWN_CLIENT) expect(isIP(text), text).not.toBe(0)
      }),
      { numRuns: 5_000 },
    )
  })
})

describe('the client address behind the Lambda entry', () => {
  const app = new Hono().get('/who', (c) => c.text(clientAddress(c)))
  const handler = handleHttp(app)
  const ask = async (headers: Record<string, string>, authorizer?: Record<string, unknown>) => {
    const result = (await handler(
      {
        version: '2.0',
        routeKey: 'GET /who',
        rawPath: '/who',
        rawQueryString: '',
        headers: { host: 'abc.execute-api.ap-southeast-1.amazonaws.com', ...headers },
        requestContext: {
          http: {
            method: 'GET',
            path: '/who',
            protocol: 'HTTP/1.1',
            sourceIp: '130.176.0.1',
            userAgent: 't',
          },
          authorizer,
          requestId: 'r',
          routeKey: 'GET /who',
          stage: '$default',
          domainName: 'abc.execute-api.ap-southeast-1.amazonaws.com',
          timeEpoch: 0,
        },
        isBase64Encoded: false,
      } as never,
      {} as never,
    )) as { body: string }
    return result.body
  }
  const edgePass = { lambda: { ...EDGE_PASS_CONTEXT } }

  it('believes CloudFront-Viewer-Address when the origin-verify authorizer passed the request', async () => {
    expect(await ask({ 'cloudfront-viewer-address': '198.51.100.10:46532' }, edgePass)).toBe('198.51.100.10')
    expect(await ask({ 'cloudfront-viewer-address': '2406:2d40:728d:fa10::c4a:42838' }, edgePass)).toBe(
      '2406:2d40:728d:fa10::/64',
    )
  })

  it('takes the caller API Gateway saw when no authorizer vouches for the edge, whatever the header says', async () => {
    const claimed = { 'cloudfront-viewer-address': '198.51.100.10:46532', 'x-forwarded-for': '198.51.100.11' }
    expect(await ask(claimed)).toBe('130.176.0.1')
    expect(await ask(claimed, { jwt: { claims: { sub: 'u' }, scopes: [] } })).toBe('130.176.0.1')
    expect(await ask(claimed, { lambda: { edge: 'somewhere-else' } })).toBe('130.176.0.1')
    expect(await ask(claimed, { lambda: null })).toBe('130.176.0.1')
  })

  it('falls back to the caller API Gateway saw when the edge sent no readable viewer address', async () => {
    expect(await ask({}, edgePass)).toBe('130.176.0.1')
    expect(await ask({ 'cloudfront-viewer-address': 'garbage' }, edgePass)).toBe('130.176.0.1')
  })

  it('answers the fallback key where no runtime says who is asking (app.request in tests)', async () => {
    const res = await app.request('/who', { headers: { 'cloudfront-viewer-address': '198.51.100.10:1' } })
    expect(await res.text()).toBe(UNKNOWN_CLIENT)
  })
})
