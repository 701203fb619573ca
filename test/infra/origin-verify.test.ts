import { describe, expect, it } from 'vitest'
import { isFromCloudFront } from '../../infra/runtime/origin-verify.js'

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
