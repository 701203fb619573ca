import { describe, expect, it, vi } from 'vitest'
import { ORIGIN_VERIFY_HEADER } from '../../infra/runtime/origin-header.js'
import { isFromCloudFront } from '../../infra/runtime/origin-verify.js'
import { EDGE_PASS_CONTEXT } from '../../shared/http/edge.js'

describe('the origin-verify authorizer', () => {
  it('lets through a request carrying the secret CloudFront adds', () => {
    expect(isFromCloudFront('s3cr3t-value', 's3cr3t-value')).toBe(true)
  })

  it('refuses a wrong, shorter, longer or missing header', () => {
    for (const presented of ['s3cr3t-valuf', 's3cr3t', 's3cr3t-value-and-more', '', undefined])
      expect(isFromCloudFront(presented, 's3cr3t-value')).toBe(false)
  })

  it('fails closed when it was deployed without a secret', () => {
    expect(isFromCloudFront('anything', undefined)).toBe(false)
    expect(isFromCloudFront('', '')).toBe(false)
  })
})

describe('the origin-verify pass', () => {
  const event = (headers: Record<string, string>) =>
    ({
      version: '2.0',
      type: 'REQUEST',
      routeArn: 'arn',
      identitySource: [],
      routeKey: 'GET /',
      headers,
    }) as never

  it('vouches for the edge to the function behind it, and only when the secret matched', async () => {
    vi.stubEnv('ORIGIN_VERIFY_SECRET', 's3cr3t-value')
    vi.resetModules()
    const { handler } = await import('../../infra/runtime/origin-verify.js')

    const pass = await handler(event({ [ORIGIN_VERIFY_HEADER]: 's3cr3t-value' }), {} as never, () => {})
    const refusal = await handler(event({ [ORIGIN_VERIFY_HEADER]: 'guess' }), {} as never, () => {})

    // API Gateway hands `context` to the function as requestContext.authorizer.lambda.
    expect(pass).toEqual({ isAuthorized: true, context: EDGE_PASS_CONTEXT })
    expect(refusal).toEqual({ isAuthorized: false })
    vi.unstubAllEnvs()
  })
})
