/** The functions' configuration (shared/config.ts): defaults, the checks, every problem named. */
import { describe, expect, it } from 'vitest'
import { loadLambdaConfig, publicOrigins } from '../../shared/config.js'

const base = { TABLE_NAME: 'tiepdan-table', IDENTITY_KMS_KEY_ID: 'alias/identity' }

describe('loadLambdaConfig', () => {
  it('fills the defaults of unset settings', () => {
    const config = loadLambdaConfig(base)
    expect(config).toMatchObject({
      TABLE_NAME: 'tiepdan-table',
      AWS_REGION: 'ap-southeast-1',
      LOG_LEVEL: 'INFO',
      AUTH_USER_CLAIM: 'username',
      SITE_URL: 'https://localhost',
      CORS_ORIGINS: [],
      ORG_NAME_VI: 'Đảng ủy Khối các cơ quan Trung ương',
    })
    expect(config.AUTH_ISSUER).toBeUndefined()
  })

  it('keeps what is set and splits the CORS origins', () => {
    const config = loadLambdaConfig({
      ...base,
      LOG_LEVEL: 'DEBUG',
      AUTH_ISSUER: 'https://cognito-idp.ap-southeast-1.amazonaws.com/pool',
      CORS_ORIGINS: 'https://a.example, https://b.example,,',
      EMAIL_SENDER: 'no-reply@tiepdan.example',
      SITE_URL: 'https://tiepdan.example',
      SITE_ORIGINS: 'https://d123.cloudfront.net',
    })
    expect(config.LOG_LEVEL).toBe('DEBUG')
    expect(config.CORS_ORIGINS).toEqual(['https://a.example', 'https://b.example'])
    expect(publicOrigins(config)).toEqual(['https://tiepdan.example', 'https://d123.cloudfront.net'])
  })

  it('names every setting that is missing or wrong, and the rule', () => {
    expect(() =>
      loadLambdaConfig({
        TABLE_NAME: 'ab',
        LOG_LEVEL: 'LOUD',
        AUTH_DOMAIN: 'not a url',
        EMAIL_SENDER: 'nobody',
        RATE_LIMIT_SALT: 'short',
      }),
    ).toThrow(
      'invalid configuration: TABLE_NAME: at least 3 characters; LOG_LEVEL: one of DEBUG, INFO, WARN, ERROR; ' +
        'AUTH_DOMAIN: not a URL; IDENTITY_KMS_KEY_ID: required; RATE_LIMIT_SALT: at least 16 characters; ' +
        'EMAIL_SENDER: not an e-mail address',
    )
  })
})
