import { Match, Template } from 'aws-cdk-lib/assertions'
import { describe, expect, it } from 'vitest'
import {
  PUBLIC_ROUTES,
  ROUTES,
  STAFF_JSON_ROUTES,
  STAFF_OPEN_ROUTES,
  STATIC_ASSET_PATTERN,
} from '../../infra/routes.js'
import { ORIGIN_VERIFY_HEADER } from '../../infra/runtime/origin-header.js'
import { VIEWER_ADDRESS_HEADER } from '../../shared/http/edge.js'
import { deploymentOf, resourcesOf, synthDeployment } from './deployment.js'

/**
 * The CloudFront headers each managed origin request policy the stack may name makes CloudFront
 * add (AWS, "Use managed origin request policies"; the viewer address also seen in an event behind
 * AllViewerExceptHostHeader). A policy not listed adds none, so the test fails until it is checked.
 */
const MANAGED_POLICY_CLOUDFRONT_HEADERS: Record<string, string[]> = {
  // AllViewerExceptHostHeader
  'b689b0a8-53d0-40ab-baf2-68738e2966ac': [
    'cloudfront-forwarded-proto',
    'cloudfront-viewer-address',
    'cloudfront-viewer-country',
  ],
  // AllViewer: the viewer's headers only, so a viewer's own CloudFront-Viewer-Address would pass.
  '216adef6-5c7f-47e4-b989-5492eafa07d3': [],
}

const routeKeys = (specs: typeof ROUTES) => specs.flatMap((r) => r.methods.map((m) => `${m} ${r.path}`))

function routesByKey(stage: 'dev' | 'prod') {
  const template = deploymentOf(stage).templates.stateless
  const authorizers = resourcesOf(template, 'AWS::ApiGatewayV2::Authorizer')
  const typeOf = (ref: unknown) => authorizers[(ref as { Ref: string }).Ref]?.Properties?.AuthorizerType
  return new Map(
    Object.values(resourcesOf(template, 'AWS::ApiGatewayV2::Route')).map((r) => {
      const p = r.Properties!
      return [
        p.RouteKey as string,
        {
          type: p.AuthorizationType as string,
          authorizer: p.AuthorizerId ? typeOf(p.AuthorizerId) : undefined,
        },
      ]
    }),
  )
}

describe('the HTTP API', () => {
  it('routes exactly the listed paths, and nothing falls through to a default route', () => {
    const routes = routesByKey('dev')

    expect([...routes.keys()].sort()).toEqual(routeKeys(ROUTES).sort())
    expect(routes.has('$default')).toBe(false)
  })

  it('puts the Cognito JWT authorizer on every staff JSON route', () => {
    const routes = routesByKey('prod')

    for (const key of routeKeys(STAFF_JSON_ROUTES))
      expect(routes.get(key), key).toEqual({ type: 'JWT', authorizer: 'JWT' })
  })

  it('puts the JWT authorizer on no public route, and the origin check on all of them', () => {
    const routes = routesByKey('prod')

    for (const key of routeKeys([...PUBLIC_ROUTES, ...STAFF_OPEN_ROUTES]))
      expect(routes.get(key), key).toEqual({ type: 'CUSTOM', authorizer: 'REQUEST' })
    expect([...routes.values()].filter((r) => r.type === 'NONE')).toEqual([])
  })

  it('checks the origin header with a cached Lambda authorizer', () => {
    deploymentOf('dev').templates.stateless.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'REQUEST',
      IdentitySource: [`$request.header.${ORIGIN_VERIFY_HEADER}`],
      EnableSimpleResponses: true,
      AuthorizerResultTtlInSeconds: 3600,
    })
  })

  it('validates staff tokens against the user pool and the web client', () => {
    deploymentOf('dev').templates.stateless.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Issuer: Match.objectLike({
          'Fn::Join': ['', ['https://cognito-idp.ap-southeast-1.amazonaws.com/', Match.anyValue()]],
        }),
        Audience: [Match.anyValue()],
      },
    })
  })

  it('throttles the stage and writes access logs without the request path', () => {
    const stages = Object.values(
      resourcesOf(deploymentOf('prod').templates.stateless, 'AWS::ApiGatewayV2::Stage'),
    )

    expect(stages).toHaveLength(1)
    const stage = stages[0]!.Properties!
    expect(stage.DefaultRouteSettings).toEqual({ ThrottlingRateLimit: 200, ThrottlingBurstLimit: 400 })
    const format = (stage.AccessLogSettings as { Format: string }).Format
    expect(JSON.parse(format)).toMatchObject({
      requestId: '$context.requestId',
      routeKey: '$context.routeKey',
      status: '$context.status',
    })
    // The path carries the tracking code; the route key does not.
    expect(format).not.toContain('$context.path')
  })
})

describe('the functions', () => {
  it('run Node 22 on arm64', () => {
    const functions = Object.values(
      resourcesOf(deploymentOf('dev').templates.stateless, 'AWS::Lambda::Function'),
    )

    // public, staff, report export, origin-verify, deadline sweep
    expect(functions).toHaveLength(5)
    for (const fn of functions)
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
      })
  })

  it('load no source maps at start (Node would parse every map before the first event)', () => {
    for (const stage of ['dev', 'prod'] as const)
      for (const fn of Object.values(
        resourcesOf(deploymentOf(stage).templates.stateless, 'AWS::Lambda::Function'),
      )) {
        const variables = (fn.Properties!.Environment as { Variables?: Record<string, unknown> } | undefined)
          ?.Variables
        expect(
          JSON.stringify(variables?.NODE_OPTIONS ?? ''),
          String(fn.Properties!.FunctionName),
        ).not.toContain('source-maps')
      }
  })

  it('name the identity KMS key and carry no key material', () => {
    const functions = Object.values(
      resourcesOf(deploymentOf('prod').templates.stateless, 'AWS::Lambda::Function'),
    ).filter((f) => /-(public|staff)-api$/.test(f.Properties!.FunctionName as string))

    expect(functions).toHaveLength(2)
    for (const fn of functions) {
      const variables = (fn.Properties!.Environment as { Variables: Record<string, unknown> }).Variables
      expect(variables.IDENTITY_KMS_KEY_ID).toEqual({
        'Fn::GetStackOutput': expect.objectContaining({ StackName: 'tiepdan-prod-stateful' }),
      })
      expect(variables).not.toHaveProperty('IDENTITY_KEY')
      expect(variables.ORG_NAME_VI).toBe('Đảng ủy Khối các cơ quan Trung ương')
    }
  })

  it('encrypt with the identity key the environments that hold a secret', () => {
    const functions = Object.values(
      resourcesOf(deploymentOf('dev').templates.stateless, 'AWS::Lambda::Function'),
    )
    const encrypted = functions
      .filter((f) => f.Properties!.KmsKeyArn !== undefined)
      .map((f) => f.Properties!.FunctionName)

    expect(encrypted.sort()).toEqual([
      'tiepdan-dev-origin-verify',
      'tiepdan-dev-public-api',
      'tiepdan-dev-staff-api',
    ])
  })

  it('during the move to KMS, take a local identity key from Secrets Manager at deploy time, never from the template', () => {
    const { templates } = synthDeployment('dev', {
      context: { identityKeySecretName: '/tiepdan/dev/identity-key' },
    })

    templates.stateless.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: 'tiepdan-dev-public-api',
      KmsKeyArn: Match.anyValue(),
      Environment: {
        Variables: Match.objectLike({
          IDENTITY_KEY: '{{resolve:secretsmanager:/tiepdan/dev/identity-key:SecretString:::}}',
        }),
      },
    })
  })

  it('tell the staff function which issuer, audience and user claim to trust', () => {
    deploymentOf('dev').templates.stateless.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: 'tiepdan-dev-staff-api',
      Environment: {
        Variables: Match.objectLike({
          AUTH_ISSUER: Match.anyValue(),
          AUTH_AUDIENCE: Match.anyValue(),
          AUTH_USER_CLAIM: 'username',
        }),
      },
    })
  })

  it('know the site’s public address: the custom domain, else the distribution’s own', () => {
    const siteUrls = (stage: 'dev' | 'prod') =>
      Object.values(resourcesOf(deploymentOf(stage).templates.stateless, 'AWS::Lambda::Function'))
        .filter((f) => !/(origin-verify|report-export)$/.test(f.Properties!.FunctionName as string))
        .map((f) => (f.Properties!.Environment as { Variables: Record<string, unknown> }).Variables.SITE_URL)

    expect(siteUrls('prod')).toEqual(Array(3).fill('https://tiepdan.example'))
    for (const url of siteUrls('dev'))
      expect(url).toEqual({
        'Fn::Join': [
          '',
          ['https://', { 'Fn::GetAtt': [expect.stringMatching(/^EdgeDistribution/), 'DomainName'] }],
        ],
      })
  })

  it('give the sweep what shared/config.ts requires, and its senders', () => {
    const sweep = Object.values(
      resourcesOf(deploymentOf('prod').templates.stateless, 'AWS::Lambda::Function'),
    ).find((f) => f.Properties!.FunctionName === 'tiepdan-prod-deadline-sweep')
    const variables = (sweep!.Properties!.Environment as { Variables: Record<string, unknown> }).Variables

    expect(Object.keys(variables).sort()).toEqual([
      'EMAIL_SENDER',
      'IDENTITY_KMS_KEY_ID',
      'LOG_LEVEL',
      'ORG_NAME_EN',
      'ORG_NAME_VI',
      'POWERTOOLS_METRICS_NAMESPACE',
      'POWERTOOLS_SERVICE_NAME',
      'SITE_URL',
      'TABLE_NAME',
    ])
    expect(variables).toMatchObject({
      EMAIL_SENDER: 'no-reply@tiepdan.example',
      SITE_URL: 'https://tiepdan.example',
      POWERTOOLS_METRICS_NAMESPACE: 'tiepdan/prod',
      TABLE_NAME: { 'Fn::GetStackOutput': expect.objectContaining({ StackName: 'tiepdan-prod-stateful' }) },
    })
  })

  it('leave no circular dependency for CloudFormation to refuse (the functions read the distribution’s name)', () => {
    // CDK checks cycles between stacks only; the assertions' template loader checks them inside one.
    const looped = {
      Resources: {
        A: { Type: 'AWS::SNS::Topic', Properties: { TopicName: { Ref: 'B' } } },
        B: { Type: 'AWS::SNS::Topic', Properties: { DisplayName: { 'Fn::GetAtt': ['A', 'TopicName'] } } },
      },
    }
    expect(() => Template.fromJSON(looped)).toThrow(/dependency cycle/)
    for (const stage of ['dev', 'prod'] as const)
      expect(() => Template.fromJSON(deploymentOf(stage).templates.stateless.toJSON()), stage).not.toThrow()
  })

  it('keep every log group for the stage retention', () => {
    for (const [stage, days] of [
      ['dev', 30],
      ['prod', 365],
    ] as const) {
      const deployment = deploymentOf(stage)
      const groups = [
        ...Object.values(resourcesOf(deployment.templates.stateless, 'AWS::Logs::LogGroup')),
        ...Object.values(resourcesOf(deployment.templates.edge, 'AWS::Logs::LogGroup')),
      ]
      expect(groups.length).toBeGreaterThanOrEqual(5)
      for (const group of groups) expect(group.Properties!.RetentionInDays).toBe(days)
    }
  })
})

describe('CloudFront', () => {
  it('carries the WAF web ACL of the us-east-1 edge stack', () => {
    const { templates, edge } = deploymentOf('prod')

    expect(edge.region).toBe('us-east-1')
    templates.stateless.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        WebACLId: {
          'Fn::GetStackOutput': Match.objectLike({ StackName: 'tiepdan-prod-edge', Region: 'us-east-1' }),
        },
      }),
    })
  })

  it('sends the origin-verify secret from Secrets Manager to an HTTPS-only API origin', () => {
    deploymentOf('dev').templates.stateless.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Origins: [
          Match.objectLike({
            CustomOriginConfig: Match.objectLike({
              OriginProtocolPolicy: 'https-only',
              OriginSSLProtocols: ['TLSv1.2'],
            }),
            OriginCustomHeaders: [
              {
                HeaderName: ORIGIN_VERIFY_HEADER,
                HeaderValue: {
                  'Fn::Join': ['', ['{{resolve:secretsmanager:', Match.anyValue(), ':SecretString:::}}']],
                },
              },
            ],
          }),
        ],
      }),
    })
  })

  it('forwards CloudFront-Viewer-Address, set by CloudFront itself, on every behaviour that reaches the API functions', () => {
    const template = deploymentOf('prod').templates.stateless
    const distribution = Object.values(resourcesOf(template, 'AWS::CloudFront::Distribution'))[0]!
    const config = distribution.Properties!.DistributionConfig as {
      DefaultCacheBehavior: { OriginRequestPolicyId?: unknown }
      CacheBehaviors: { PathPattern: string; OriginRequestPolicyId?: unknown }[]
    }
    const customPolicies = resourcesOf(template, 'AWS::CloudFront::OriginRequestPolicy')
    /** The CloudFront headers a policy makes CloudFront add (never the viewer's own copy of them). */
    const cloudFrontHeadersOf = (id: unknown): string[] => {
      if (typeof id === 'string') return MANAGED_POLICY_CLOUDFRONT_HEADERS[id] ?? []
      const policy = customPolicies[(id as { Ref: string }).Ref]?.Properties?.OriginRequestPolicyConfig as
        | { HeadersConfig: { HeaderBehavior: string; Headers?: string[] } }
        | undefined
      if (!policy) return []
      const headers = policy.HeadersConfig
      return ['whitelist', 'allViewerAndWhitelistCloudFront'].includes(headers.HeaderBehavior)
        ? (headers.Headers ?? []).map((h) => h.toLowerCase())
        : []
    }

    // Every path but the fingerprinted assets (which the public function serves without a limit).
    expect(cloudFrontHeadersOf(config.DefaultCacheBehavior.OriginRequestPolicyId)).toContain(
      VIEWER_ADDRESS_HEADER,
    )
    for (const behaviour of config.CacheBehaviors)
      if (behaviour.PathPattern !== STATIC_ASSET_PATTERN)
        expect(cloudFrontHeadersOf(behaviour.OriginRequestPolicyId), behaviour.PathPattern).toContain(
          VIEWER_ADDRESS_HEADER,
        )
  })

  it('caches the static assets at the edge and nothing else', () => {
    const distribution = Object.values(
      resourcesOf(deploymentOf('dev').templates.stateless, 'AWS::CloudFront::Distribution'),
    )[0]!
    const config = distribution.Properties!.DistributionConfig as {
      DefaultCacheBehavior: { CachePolicyId: string }
      CacheBehaviors: { PathPattern: string; CachePolicyId: unknown }[]
    }

    expect(config.DefaultCacheBehavior.CachePolicyId).toBe('4135ea2d-6df8-44a3-9df3-4b5a84be39ad') // CachingDisabled
    expect(config.CacheBehaviors.map((b) => b.PathPattern)).toEqual(['/assets/*'])
    deploymentOf('dev').templates.stateless.hasResourceProperties('AWS::CloudFront::CachePolicy', {
      CachePolicyConfig: Match.objectLike({
        ParametersInCacheKeyAndForwardedToOrigin: Match.objectLike({
          QueryStringsConfig: { QueryStringBehavior: 'whitelist', QueryStrings: ['v'] },
        }),
      }),
    })
  })

  it('serves the custom domain with TLS 1.2 at least when one is configured', () => {
    deploymentOf('prod').templates.stateless.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Aliases: ['tiepdan.example'],
        ViewerCertificate: Match.objectLike({
          MinimumProtocolVersion: 'TLSv1.2_2021',
          SslSupportMethod: 'sni-only',
        }),
        Logging: Match.objectLike({ Prefix: 'cloudfront/' }),
      }),
    })
  })
})

describe('the WAF web ACL', () => {
  function rules(stage: 'dev' | 'prod') {
    const acls = Object.values(resourcesOf(deploymentOf(stage).templates.edge, 'AWS::WAFv2::WebACL'))
    expect(acls).toHaveLength(1)
    expect(acls[0]!.Properties!.Scope).toBe('CLOUDFRONT')
    return acls[0]!.Properties!.Rules as {
      Name: string
      Statement: Record<string, { Limit?: number; ScopeDownStatement?: unknown }>
    }[]
  }

  it('limits requests per IP, tighter on public writes and tracking', () => {
    const rateRules = Object.fromEntries(
      rules('prod')
        .filter((r) => r.Statement.RateBasedStatement)
        .map((r) => [r.Name, r.Statement.RateBasedStatement!]),
    )

    expect(rateRules.RateLimitAll?.Limit).toBe(2000)
    expect(rateRules.RateLimitPublicWrites).toMatchObject({
      Limit: 100,
      ScopeDownStatement: expect.anything(),
    })
    expect(rateRules.RateLimitTracking).toMatchObject({ Limit: 300, ScopeDownStatement: expect.anything() })
  })

  it('runs the AWS managed rule groups, without the anonymous-IP list', () => {
    const managed = rules('dev')
      .filter((r) => r.Statement.ManagedRuleGroupStatement)
      .map((r) => r.Name)

    expect(managed).toEqual([
      'AWSManagedRulesAmazonIpReputationList',
      'AWSManagedRulesCommonRuleSet',
      'AWSManagedRulesKnownBadInputsRuleSet',
    ])
  })

  it('logs with credentials and PINs redacted', () => {
    deploymentOf('dev').templates.edge.hasResourceProperties('AWS::WAFv2::LoggingConfiguration', {
      RedactedFields: Match.arrayWith([
        { SingleHeader: { Name: 'authorization' } },
        { SingleHeader: { Name: 'x-tracking-pin' } },
      ]),
    })
  })
})
