/**
 * The deployed shape on one machine: the synthesized templates, the real bundles each in its own
 * Node process (as Lambda runs them), a front playing CloudFront (the distribution's behaviours,
 * origin request policy and origin header) and API Gateway HTTP API (the template's routes,
 * integrations, JWT and Lambda authorizers, v2 events), dynalite, the IAM-checking AWS stand-in and
 * a Cognito-like issuer (JWKS, hosted UI code flow with PKCE, token endpoint).
 *
 * Where the deployed runtime differs from AWS, it is here and nowhere else: the bundles' AWS
 * endpoints (AWS_ENDPOINT_URL_*, honoured by SDK v3), the Cognito issuer and hosted-UI domain
 * (AUTH_ISSUER, AUTH_DOMAIN → loopback) and one access key per function (so the stand-in knows
 * which role is calling). Everything else comes from the template as CloudFormation would set it.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { createHash, randomUUID } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { createLocalJWKSet, exportJWK, generateKeyPair, type JWK, jwtVerify, SignJWT } from 'jose'
import { type EmbeddedDynamo, startDynalite } from '../../local/dynalite.js'
import { AwsStandIn, type Principal } from './aws.js'
import { Assembly, type FunctionSpec } from './templates.js'

export const STAGE_PREFIX = 'tiepdan-dev'
const RUNNER = fileURLToPath(new URL('./lambda-runner.mjs', import.meta.url))

/** The managed policies the distribution may name, and what each forwards (the AWS guide). */
export const MANAGED_ORIGIN_REQUEST_POLICIES: Record<
  string,
  { name: string; exceptHeaders?: string[]; cloudFrontHeaders: string[] }
> = {
  'b689b0a8-53d0-40ab-baf2-68738e2966ac': {
    name: 'AllViewerExceptHostHeader',
    exceptHeaders: ['host'],
    cloudFrontHeaders: [
      'cloudfront-viewer-address',
      'cloudfront-forwarded-proto',
      'cloudfront-viewer-country',
    ],
  },
}

interface LambdaProcess {
  readonly spec: FunctionSpec
  readonly child: ChildProcess
  readonly port: number
  readonly output: string[]
}

export interface Route {
  readonly method: string
  readonly path: string
  readonly segments: string[]
  readonly functionName: string
  readonly authorizer?: {
    readonly type: 'JWT' | 'REQUEST'
    readonly issuer?: string
    readonly audience?: string[]
    readonly functionName?: string
    readonly identitySource: string[]
  }
}

export interface EdgeResponse {
  readonly status: number
  readonly headers: Headers
  readonly body: Buffer
  /** Set-Cookie lines, one per cookie. */
  readonly cookies: string[]
  text(): string
  json(): any
}

export interface EdgeRequest {
  readonly method?: string
  readonly headers?: Record<string, string>
  readonly body?: string | Buffer
  /** The viewer's address as CloudFront sees it. */
  readonly viewerAddress?: string
}

function match(route: Route, path: string): Record<string, string> | undefined {
  const parts = path.split('/').filter(Boolean)
  const params: Record<string, string> = {}
  for (let i = 0; i < route.segments.length; i++) {
    const seg = route.segments[i]!
    if (seg.endsWith('+}')) {
      if (parts.length <= i) return undefined
      params[seg.slice(1, -2)] = parts.slice(i).join('/')
      return params
    }
    const part = parts[i]
    if (part === undefined) return undefined
    if (seg.startsWith('{')) params[seg.slice(1, -1)] = decodeURIComponent(part)
    else if (seg !== part) return undefined
  }
  return parts.length === route.segments.length ? params : undefined
}

/** HTTP API's choice: the most specific path (literal segments first, greedy last), method over ANY. */
function specificity(route: Route): number[] {
  return [
    ...route.segments.map((s) => (s.endsWith('+}') ? 0 : s.startsWith('{') ? 1 : 2)),
    route.method === 'ANY' ? 0 : 1,
  ]
}

const isTextType = (type: string) =>
  /^(text\/|application\/(json|problem\+json|x-www-form-urlencoded|javascript|xml))/i.test(type)

export class World {
  readonly assembly: Assembly
  readonly functions: FunctionSpec[]
  readonly routes: Route[]
  readonly distributionDomain: string
  readonly apiDomain: string
  readonly originHeaders: Record<string, string>
  readonly originRequestPolicy: (typeof MANAGED_ORIGIN_REQUEST_POLICIES)[string] | undefined
  readonly staticPattern: string[]
  readonly callbackUrls: string[]
  readonly clientId: string
  readonly userPoolId: string
  readonly tableName: string
  aws!: AwsStandIn
  dynamo!: EmbeddedDynamo
  private readonly processes = new Map<string, LambdaProcess>()
  private cognitoServer?: Server
  cognitoEndpoint = ''
  private signingKey?: Awaited<ReturnType<typeof generateKeyPair>>['privateKey']
  private publicJwk?: JWK
  /** Who signs in at the hosted UI next (the test plays the staff member typing a password). */
  nextSignIn?: { username: string; groups?: string[] }
  private readonly codes = new Map<
    string,
    { username: string; groups: string[]; challenge: string; redirectUri: string }
  >()

  constructor(directory: string) {
    this.assembly = new Assembly(directory)
    this.functions = this.assembly.functions()
    const stateless = this.assembly.stack(`${STAGE_PREFIX}-stateless`)
    const stateful = this.assembly.stack(`${STAGE_PREFIX}-stateful`)
    const r = (stack: typeof stateless, v: unknown) => this.assembly.resolve(stack, v)
    const fnName = (stack: typeof stateless, arnValue: unknown) =>
      String(r(stack, arnValue)).match(/function:([^/:]+)/)![1]!

    // API Gateway: routes → integrations → functions; authorizers.
    const resources = stateless.Resources
    this.routes = Object.values(resources)
      .filter((x) => x.Type === 'AWS::ApiGatewayV2::Route')
      .map((route) => {
        const p = route.Properties!
        const [method, path] = String(p.RouteKey).split(' ') as [string, string]
        const integrationId = String(
          (p.Target as { 'Fn::Join': [string, [string, { Ref: string }]] })['Fn::Join'][1][1].Ref,
        )
        const integration = resources[integrationId]!.Properties!
        let authorizer: Route['authorizer']
        if (p.AuthorizerId) {
          const a = resources[(p.AuthorizerId as { Ref: string }).Ref]!.Properties!
          authorizer =
            a.AuthorizerType === 'JWT'
              ? {
                  type: 'JWT',
                  issuer: String(r(stateless, (a.JwtConfiguration as any).Issuer)),
                  audience: (r(stateless, (a.JwtConfiguration as any).Audience) as string[]).map(String),
                  identitySource: a.IdentitySource as string[],
                }
              : {
                  type: 'REQUEST',
                  functionName: fnName(stateless, a.AuthorizerUri),
                  identitySource: a.IdentitySource as string[],
                }
        }
        return {
          method,
          path,
          segments: path.split('/').filter(Boolean),
          functionName: fnName(stateless, integration.IntegrationUri),
          authorizer,
        }
      })

    // CloudFront: the distribution, its origin's custom headers and policies.
    const [distributionId, distribution] = Object.entries(resources).find(
      ([, x]) => x.Type === 'AWS::CloudFront::Distribution',
    )!
    const config = r(stateless, distribution.Properties!.DistributionConfig) as any
    this.distributionDomain = this.assembly.attribute(stateless, distributionId, 'DomainName')
    const origin = config.Origins[0]
    this.apiDomain = origin.DomainName
    this.originHeaders = Object.fromEntries(
      (origin.OriginCustomHeaders ?? []).map((h: { HeaderName: string; HeaderValue: string }) => [
        h.HeaderName.toLowerCase(),
        h.HeaderValue,
      ]),
    )
    this.originRequestPolicy =
      MANAGED_ORIGIN_REQUEST_POLICIES[config.DefaultCacheBehavior.OriginRequestPolicyId]
    this.staticPattern = (config.CacheBehaviors ?? []).map((b: { PathPattern: string }) => b.PathPattern)

    // Cognito: the pool, the web client's callbacks (wherever the client is defined).
    const client = this.assembly.resources('AWS::Cognito::UserPoolClient')[0]!
    this.clientId = this.assembly.physicalId(client.stack, client.logicalId)
    this.callbackUrls = (r(client.stack, client.resource.Properties!.CallbackURLs) as string[]).map(String)
    const pool = this.assembly.resources('AWS::Cognito::UserPool')[0]!
    this.userPoolId = this.assembly.physicalId(pool.stack, pool.logicalId)
    const table = Object.entries(stateful.Resources).find(([, x]) => x.Type === 'AWS::DynamoDB::Table')!
    this.tableName = this.assembly.physicalId(stateful, table[0])
  }

  fn(suffix: string): FunctionSpec {
    const f = this.functions.find((x) => x.name === `${STAGE_PREFIX}-${suffix}`)
    if (!f) throw new Error(`no function ${suffix}`)
    return f
  }

  get issuer(): string {
    return `${this.cognitoEndpoint}/${this.userPoolId}`
  }

  /** The template's issuer (what the JWT authorizer checks) is this loopback issuer. */
  private templateIssuer(): string {
    return `https://cognito-idp.ap-southeast-1.amazonaws.com/${this.userPoolId}`
  }

  async start(): Promise<void> {
    this.dynamo = await startDynalite()
    const stateful = this.assembly.stack(`${STAGE_PREFIX}-stateful`)
    const [tableId, table] = Object.entries(stateful.Resources).find(
      ([, x]) => x.Type === 'AWS::DynamoDB::Table',
    )!
    const props = this.assembly.resolve(stateful, table.Properties) as any
    const raw = new DynamoDBClient({
      endpoint: this.dynamo.endpoint,
      region: 'ap-southeast-1',
      credentials: { accessKeyId: 'operator', secretAccessKey: 'x' },
    })
    await raw.send(
      new CreateTableCommand({
        TableName: this.tableName,
        KeySchema: props.KeySchema,
        AttributeDefinitions: props.AttributeDefinitions,
        BillingMode: 'PAY_PER_REQUEST',
        GlobalSecondaryIndexes: props.GlobalSecondaryIndexes,
      }),
    )
    raw.destroy()
    const hashKey = (schema: { AttributeName: string; KeyType: string }[]) =>
      schema.find((k) => k.KeyType === 'HASH')!.AttributeName
    const principals = new Map<string, Principal>(
      this.functions.map((f) => [
        f.name,
        {
          name: f.name,
          roleName: this.assembly.physicalId(f.stack, f.roleLogicalId),
          statements: f.statements,
        },
      ]),
    )
    this.aws = new AwsStandIn({
      region: 'ap-southeast-1',
      dynamoEndpoint: this.dynamo.endpoint,
      table: {
        name: this.tableName,
        arn: this.assembly.attribute(stateful, tableId, 'Arn'),
        partitionKey: hashKey(props.KeySchema),
        indexPartitionKeys: Object.fromEntries(
          (props.GlobalSecondaryIndexes ?? []).map((g: any) => [g.IndexName, hashKey(g.KeySchema)]),
        ),
      },
      principals,
      operators: new Set(['operator']),
    })
    await this.aws.start()
    await this.startCognito()
    await Promise.all(this.functions.map((f) => this.startFunction(f)))
  }

  async close(): Promise<void> {
    for (const p of this.processes.values()) p.child.kill('SIGKILL')
    await new Promise<void>((resolve) => this.cognitoServer?.close(() => resolve()) ?? resolve())
    await this.aws?.close()
    await this.dynamo?.close()
  }

  /** What the SDK of a test-side operator (seeding) needs: the stand-in's endpoints, unchecked. */
  operatorEnvironment(): Record<string, string> {
    return this.awsEnvironment('operator')
  }

  private awsEnvironment(accessKey: string): Record<string, string> {
    return {
      AWS_REGION: 'ap-southeast-1',
      AWS_DEFAULT_REGION: 'ap-southeast-1',
      AWS_ACCESS_KEY_ID: accessKey,
      AWS_SECRET_ACCESS_KEY: 'stand-in',
      AWS_ENDPOINT_URL_DYNAMODB: this.aws.endpoint,
      AWS_ENDPOINT_URL_KMS: this.aws.endpoint,
      AWS_ENDPOINT_URL_SESV2: this.aws.endpoint,
      AWS_ENDPOINT_URL_S3: this.aws.endpoint,
      AWS_ENDPOINT_URL_PINPOINT_SMS_VOICE_V2: this.aws.endpoint,
    }
  }

  /** The environment CloudFormation gives the function, plus the loopback differences above. */
  environmentOf(f: FunctionSpec): Record<string, string> {
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      ...f.environment,
      ...this.awsEnvironment(f.name),
      AWS_LAMBDA_FUNCTION_NAME: f.name,
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '1024',
      TZ: 'UTC',
      LOG_LEVEL: 'WARN',
      POWERTOOLS_LOG_LEVEL: 'WARN',
    }
    if (env.AUTH_ISSUER) env.AUTH_ISSUER = env.AUTH_ISSUER.replace(this.templateIssuer(), this.issuer)
    if (env.AUTH_DOMAIN) env.AUTH_DOMAIN = this.cognitoEndpoint
    return env
  }

  private async startFunction(f: FunctionSpec): Promise<void> {
    const child = spawn(
      process.env.DEPLOYED_NODE ?? process.execPath,
      ['--enable-source-maps', RUNNER, f.codeDirectory, f.handler],
      {
        env: this.environmentOf(f),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    const output: string[] = []
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${f.name} did not start: ${output.join('')}`)), 30_000)
      const onData = (chunk: Buffer) => {
        output.push(chunk.toString())
        if (output.length > 200) output.shift()
        const m = /LAMBDA_RUNNER_PORT=(\d+)/.exec(output.join(''))
        if (m) {
          clearTimeout(timer)
          resolve(Number(m[1]))
        }
      }
      child.stdout!.on('data', onData)
      child.stderr!.on('data', onData)
      child.on('exit', (code) => reject(new Error(`${f.name} exited ${code}: ${output.join('')}`)))
    })
    this.processes.set(f.name, { spec: f, child, port, output })
  }

  /** Invokes a function as Lambda would (the event, the result or the error). */
  async invoke(functionName: string, event: unknown): Promise<any> {
    const p = this.processes.get(functionName)
    if (!p) throw new Error(`no running function ${functionName}`)
    const res = await fetch(`http://127.0.0.1:${p.port}/`, { method: 'POST', body: JSON.stringify(event) })
    const answer = (await res.json()) as { result?: unknown; error?: { message: string } }
    if (answer.error)
      throw new Error(`${functionName} failed: ${answer.error.message}\n${p.output.slice(-20).join('')}`)
    return answer.result
  }

  logsOf(functionName: string): string {
    return this.processes.get(functionName)?.output.join('') ?? ''
  }

  // ---------------------------------------------------------------- Cognito stand-in

  private async startCognito(): Promise<void> {
    const pair = await generateKeyPair('RS256', { extractable: true })
    this.signingKey = pair.privateKey
    this.publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'stand-in-1', alg: 'RS256', use: 'sig' }
    this.cognitoServer = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x')
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => chunks.push(c))
      req.on('end', async () => {
        const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
          res.writeHead(status, { 'content-type': 'application/json', ...headers })
          res.end(typeof body === 'string' ? body : JSON.stringify(body))
        }
        if (url.pathname === `/${this.userPoolId}/.well-known/jwks.json`)
          return send(200, { keys: [this.publicJwk] })
        if (url.pathname === '/oauth2/authorize') {
          const q = url.searchParams
          // The hosted UI refuses a redirect_uri the app client does not list (as Cognito does).
          if (q.get('client_id') !== this.clientId) return send(400, { error: 'invalid_client' })
          if (!this.callbackUrls.includes(q.get('redirect_uri') ?? ''))
            return send(400, { error: 'redirect_mismatch' })
          if (q.get('response_type') !== 'code' || q.get('code_challenge_method') !== 'S256')
            return send(400, { error: 'invalid_request' })
          if (!this.nextSignIn) return send(401, { error: 'nobody signs in' })
          const code = randomUUID()
          this.codes.set(code, {
            username: this.nextSignIn.username,
            groups: this.nextSignIn.groups ?? [],
            challenge: q.get('code_challenge') ?? '',
            redirectUri: q.get('redirect_uri')!,
          })
          const back = new URL(q.get('redirect_uri')!)
          back.searchParams.set('code', code)
          back.searchParams.set('state', q.get('state') ?? '')
          return send(302, '', { location: back.toString() })
        }
        if (url.pathname === '/oauth2/token' && req.method === 'POST') {
          const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'))
          const saved = this.codes.get(form.get('code') ?? '')
          this.codes.delete(form.get('code') ?? '')
          const verifier = form.get('code_verifier') ?? ''
          if (
            !saved ||
            form.get('grant_type') !== 'authorization_code' ||
            form.get('client_id') !== this.clientId ||
            form.get('redirect_uri') !== saved.redirectUri ||
            createHash('sha256').update(verifier).digest('base64url') !== saved.challenge
          )
            return send(400, { error: 'invalid_grant' })
          const access = await this.accessToken(saved.username, saved.groups)
          return send(200, {
            access_token: access,
            id_token: await this.idToken(saved.username),
            token_type: 'Bearer',
            expires_in: 3600,
          })
        }
        return send(404, { error: 'not found' })
      })
    })
    await new Promise<void>((resolve) => this.cognitoServer!.listen(0, '127.0.0.1', resolve))
    this.cognitoEndpoint = `http://127.0.0.1:${(this.cognitoServer.address() as AddressInfo).port}`
  }

  /** Sub of a Cognito user: a UUID that has nothing to do with its username (as in Cognito). */
  subOf(username: string): string {
    const h = createHash('sha256').update(`sub:${username}`).digest('hex')
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`
  }

  /** A Cognito access token, shaped as the user pool issues it. */
  async accessToken(username: string, groups: string[] = []): Promise<string> {
    return new SignJWT({
      sub: this.subOf(username),
      'cognito:groups': groups,
      token_use: 'access',
      scope: 'openid email profile',
      auth_time: Math.floor(Date.now() / 1000),
      client_id: this.clientId,
      username,
      origin_jti: randomUUID(),
      event_id: randomUUID(),
      jti: randomUUID(),
    })
      .setProtectedHeader({ alg: 'RS256', kid: 'stand-in-1' })
      .setIssuer(this.issuer)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(this.signingKey!)
  }

  private async idToken(username: string): Promise<string> {
    return new SignJWT({
      sub: this.subOf(username),
      'cognito:username': username,
      token_use: 'id',
      aud: this.clientId,
    })
      .setProtectedHeader({ alg: 'RS256', kid: 'stand-in-1' })
      .setIssuer(this.issuer)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(this.signingKey!)
  }

  // ---------------------------------------------------------------- CloudFront + API Gateway

  /**
   * A viewer request to the distribution (https://<distribution>/…): the behaviour's origin
   * request policy picks the headers, CloudFront adds its own and the origin header, and API
   * Gateway routes, authorizes and invokes with a v2 event.
   */
  async edge(pathAndQuery: string, init: EdgeRequest = {}): Promise<EdgeResponse> {
    const url = new URL(pathAndQuery, `https://${this.distributionDomain}`)
    const method = init.method ?? 'GET'
    const viewer: Record<string, string> = {
      host: this.distributionDomain,
      'user-agent': 'deployed-shape-test',
    }
    for (const [k, v] of Object.entries(init.headers ?? {})) viewer[k.toLowerCase()] = v
    const isStatic = this.staticPattern.some((p) =>
      new RegExp(`^${p.replace(/\*/g, '.*')}$`).test(url.pathname),
    )
    const origin: Record<string, string> = {}
    if (isStatic) {
      // The assets behaviour has no origin request policy: only what its cache key names.
    } else {
      const policy = this.originRequestPolicy
      if (!policy)
        throw new Error('the default behaviour names an origin request policy the suite does not know')
      for (const [k, v] of Object.entries(viewer)) if (!policy.exceptHeaders?.includes(k)) origin[k] = v
      const address = init.viewerAddress ?? '198.51.100.7'
      const added: Record<string, string> = {
        'cloudfront-viewer-address': `${address}:51234`,
        'cloudfront-forwarded-proto': 'https',
        'cloudfront-viewer-country': 'VN',
      }
      for (const h of policy.cloudFrontHeaders) if (added[h]) origin[h] = added[h]!
    }
    // Viewers cannot set CloudFront's own headers: the edge overwrites them.
    Object.assign(origin, this.originHeaders, {
      host: this.apiDomain,
      via: '2.0 stand-in.cloudfront.net (CloudFront)',
    })
    const body = init.body === undefined ? undefined : Buffer.from(init.body)
    return this.apiGateway(method, url, origin, body, '130.176.0.1')
  }

  /** A request straight to the execute-api host (what a caller bypassing CloudFront sends). */
  async direct(pathAndQuery: string, init: EdgeRequest = {}): Promise<EdgeResponse> {
    const url = new URL(pathAndQuery, `https://${this.apiDomain}`)
    const headers = Object.fromEntries(
      Object.entries(init.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]),
    )
    return this.apiGateway(
      init.method ?? 'GET',
      url,
      { ...headers, host: this.apiDomain },
      init.body === undefined ? undefined : Buffer.from(init.body),
      init.viewerAddress ?? '203.0.113.50',
    )
  }

  private async apiGateway(
    method: string,
    url: URL,
    headers: Record<string, string>,
    body: Buffer | undefined,
    sourceIp: string,
  ): Promise<EdgeResponse> {
    const candidates = this.routes
      .map((route) => ({ route, params: match(route, url.pathname) }))
      .filter((c) => c.params && (c.route.method === method || c.route.method === 'ANY'))
    candidates.sort((a, b) => {
      const x = specificity(a.route)
      const y = specificity(b.route)
      for (let i = 0; i < Math.max(x.length, y.length); i++)
        if ((x[i] ?? -1) !== (y[i] ?? -1)) return (y[i] ?? -1) - (x[i] ?? -1)
      return 0
    })
    const chosen = candidates[0]
    const plain = (status: number, message: string) =>
      response(
        status,
        new Headers({ 'content-type': 'application/json' }),
        Buffer.from(JSON.stringify({ message })),
        [],
      )
    if (!chosen) return plain(404, 'Not Found')
    const { route, params } = chosen
    const routeKey = `${route.method} ${route.path}`
    const cookies = headers.cookie ? headers.cookie.split(/;\s*/).filter(Boolean) : undefined
    const eventHeaders = Object.fromEntries(Object.entries(headers).filter(([k]) => k !== 'cookie'))
    let authorizer: Record<string, unknown> | undefined
    if (route.authorizer?.type === 'JWT') {
      const token = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '')?.[1]
      if (!token) return plain(401, 'Unauthorized')
      try {
        const { payload } = await jwtVerify(token, createLocalJWKSet({ keys: [this.publicJwk!] }), {
          issuer: route.authorizer.issuer!.replace(this.templateIssuer(), this.issuer),
        })
        const audiences = ([] as unknown[]).concat(payload.aud ?? [], payload.client_id ?? [])
        if (!route.authorizer.audience!.some((a) => audiences.includes(a))) return plain(401, 'Unauthorized')
        authorizer = { jwt: { claims: payload, scopes: String(payload.scope ?? '').split(' ') } }
      } catch {
        return plain(401, 'Unauthorized')
      }
    } else if (route.authorizer?.type === 'REQUEST') {
      const sources = route.authorizer.identitySource.map(
        (s) => headers[s.replace('$request.header.', '').toLowerCase()],
      )
      if (sources.some((s) => !s)) return plain(401, 'Unauthorized')
      const verdict = await this.invoke(route.authorizer.functionName!, {
        version: '2.0',
        type: 'REQUEST',
        routeArn: `arn:aws:execute-api:ap-southeast-1:000000000000:api/$default/${method}${url.pathname}`,
        identitySource: sources,
        routeKey,
        rawPath: url.pathname,
        rawQueryString: url.search.slice(1),
        headers: eventHeaders,
        cookies,
        requestContext: { http: { method, path: url.pathname, sourceIp } },
      })
      if (!verdict?.isAuthorized) return plain(403, 'Forbidden')
      authorizer = { lambda: verdict.context ?? null }
    }
    const contentType = headers['content-type'] ?? ''
    const base64 = body !== undefined && !isTextType(contentType)
    const event = {
      version: '2.0',
      routeKey,
      rawPath: url.pathname,
      rawQueryString: url.search.slice(1),
      cookies,
      headers: {
        ...eventHeaders,
        'x-forwarded-for': sourceIp,
        'x-forwarded-proto': 'https',
        'x-forwarded-port': '443',
      },
      queryStringParameters: url.search ? Object.fromEntries(url.searchParams) : undefined,
      pathParameters: Object.keys(params!).length ? params : undefined,
      requestContext: {
        accountId: '000000000000',
        apiId: this.apiDomain.split('.')[0],
        authorizer,
        domainName: this.apiDomain,
        domainPrefix: this.apiDomain.split('.')[0],
        http: {
          method,
          path: url.pathname,
          protocol: 'HTTP/1.1',
          sourceIp,
          userAgent: headers['user-agent'] ?? '',
        },
        requestId: randomUUID(),
        routeKey,
        stage: '$default',
        time: new Date().toUTCString(),
        timeEpoch: Date.now(),
      },
      body: body === undefined ? undefined : base64 ? body.toString('base64') : body.toString('utf8'),
      isBase64Encoded: base64,
    }
    let result: any
    try {
      result = await this.invoke(route.functionName, event)
    } catch (error) {
      return plain(500, `Internal Server Error: ${(error as Error).message}`)
    }
    const out = new Headers()
    for (const [k, v] of Object.entries(result.headers ?? {})) out.set(k, String(v))
    for (const [k, vs] of Object.entries(result.multiValueHeaders ?? {}))
      for (const v of vs as string[]) out.append(k, v)
    const payload =
      result.body === undefined
        ? Buffer.alloc(0)
        : result.isBase64Encoded
          ? Buffer.from(result.body, 'base64')
          : Buffer.from(result.body, 'utf8')
    return response(result.statusCode ?? 200, out, payload, (result.cookies as string[] | undefined) ?? [])
  }
}

function response(status: number, headers: Headers, body: Buffer, cookies: string[]): EdgeResponse {
  return {
    status,
    headers,
    body,
    cookies,
    text: () => body.toString('utf8'),
    json: () => JSON.parse(body.toString('utf8')),
  }
}

/** Cookies a browser would send back (name=value), from Set-Cookie lines. */
export function cookieJar(
  lines: readonly string[],
  jar: Map<string, string> = new Map(),
): Map<string, string> {
  for (const line of lines) {
    const [pair, ...attributes] = line.split(';')
    const [name, ...rest] = pair!.split('=')
    const value = rest.join('=')
    if (attributes.some((a) => /max-age=0/i.test(a.trim())) || value === '') jar.delete(name!.trim())
    else jar.set(name!.trim(), value)
  }
  return jar
}

export const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ')
