/**
 * The main citizen and staff flows through the deployed shape (test/deployed/world.ts): the real
 * bundles behind the simulated CloudFront and API Gateway, every AWS call checked against the
 * calling function's role in the synthesized template. A call the role does not allow is answered
 * AccessDenied by the stand-in and fails the test in afterEach, even when the app survives it.
 */

import { DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb'
import { KMSClient } from '@aws-sdk/client-kms'
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest'
import { seedDemoData } from '../../local/seed.js'
import { createKmsSealer } from '../../shared/kms-sealer.js'
import { createLogger } from '../../shared/observability.js'
import { SEALING_PURPOSES } from '../../shared/sealing.js'
import { createServices } from '../../shared/service/context.js'
import { createDocumentClient } from '../../shared/store/client.js'
import { cookieHeader, cookieJar, World } from './world.js'

let world: World
const json = { 'content-type': 'application/json', accept: 'application/json' }
const BOM = [0xef, 0xbb, 0xbf]

beforeAll(async () => {
  world = new World(inject('cdkOut'))
  await world.start()
  // The operator's seeding: the same table, the same KMS key and salts as the functions use.
  const env = world.environmentOf(world.fn('staff-api'))
  const operator = { accessKeyId: 'operator', secretAccessKey: 'x' }
  const services = createServices({
    db: createDocumentClient({ endpoint: world.dynamo.endpoint }),
    tableName: world.tableName,
    sealer: createKmsSealer({
      keyId: env.IDENTITY_KMS_KEY_ID!,
      purpose: SEALING_PURPOSES.identity,
      client: new KMSClient({
        endpoint: world.aws.endpoint,
        region: 'ap-southeast-1',
        credentials: operator,
      }),
    }),
    logger: createLogger({ serviceName: 'seed', silent: true }),
    repeatKeySalt: env.REPEAT_KEY_SALT,
  })
  await seedDemoData(services, { petitions: 16 })
}, 120_000)

afterAll(async () => {
  await world?.close()
})

afterEach(() => {
  // Every AWS call of the flow above was allowed by its function's role.
  expect(world.aws.denials).toEqual([])
})

const petition = {
  kind: 'recommendation',
  title: 'Đèn đường hỏng ở ngõ 12',
  content: 'Đèn đường ở ngõ 12 phố Huế đã hỏng ba tuần, buổi tối rất tối và nguy hiểm cho người đi bộ.',
  anonymous: false,
  petitioner: { fullName: 'Nguyễn Văn An', phone: '0912345678' },
  language: 'vi',
}

describe('citizens through CloudFront and API Gateway', () => {
  let code = ''
  let pin = ''

  it('files a petition, and a replay with the same Idempotency-Key answers the same receipt', async () => {
    const headers = { ...json, 'idempotency-key': 'b1e7c0de-0000-4000-8000-000000000001' }
    const first = await world.edge('/api/v1/petitions', {
      method: 'POST',
      headers,
      body: JSON.stringify(petition),
    })
    expect(first.status, first.text()).toBe(201)
    code = first.json().trackingCode
    pin = first.json().pin
    expect(code).toBeTruthy()
    const again = await world.edge('/api/v1/petitions', {
      method: 'POST',
      headers,
      body: JSON.stringify(petition),
    })
    expect(again.status).toBe(201)
    expect(again.json().trackingCode).toBe(code)
  })

  it('tracks it with the code and PIN', async () => {
    const res = await world.edge(`/api/v1/petitions/${code}`, { headers: { ...json, 'x-tracking-pin': pin } })
    expect(res.status, res.text()).toBe(200)
    expect(res.json().trackingCode).toBe(code)
  })

  it('refuses the execute-api host without CloudFront’s origin header', async () => {
    const res = await world.direct(`/api/v1/petitions/${code}`, { headers: { 'x-tracking-pin': pin } })
    expect(res.status).toBe(401)
  })

  const form = (extra: Record<string, string>) => ({
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...extra },
    body: new URLSearchParams({ code, pin }).toString(),
  })

  it('accepts a form post from its own pages when the browser sends no Sec-Fetch-Site', async () => {
    const res = await world.edge('/track', form({ origin: `https://${world.distributionDomain}` }))
    expect(res.status, res.text().slice(0, 300)).toBe(200)
    expect(res.text()).toContain(code)
  })

  it('accepts the same form post with Sec-Fetch-Site: same-origin', async () => {
    const res = await world.edge(
      '/track',
      form({ origin: `https://${world.distributionDomain}`, 'sec-fetch-site': 'same-origin' }),
    )
    expect(res.status).toBe(200)
  })

  it('refuses a form post from a foreign origin', async () => {
    const res = await world.edge(
      '/track',
      form({ origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }),
    )
    expect(res.status).toBe(403)
    const bare = await world.edge('/track', form({ origin: 'https://evil.example' }))
    expect(bare.status).toBe(403)
  })

  it('serves the open-data CSV with its UTF-8 byte order mark intact through the Lambda adapter', async () => {
    const res = await world.edge('/api/v1/open-data/committee-figures.csv')
    expect(res.status, res.text().slice(0, 200)).toBe(200)
    expect([...res.body.subarray(0, 3)]).toEqual(BOM)
  })
})

describe('staff through the hosted UI and the JWT authorizer', () => {
  const jar = new Map<string, string>()

  it('signs in through the hosted UI (code flow with PKCE) and comes back to its own distribution', async () => {
    expect(world.callbackUrls).toContain(`https://${world.distributionDomain}/staff/auth/callback`)
    const login = await world.edge('/staff/auth/login?return=/staff/queue')
    expect(login.status).toBe(302)
    cookieJar(login.cookies, jar)
    const authorize = new URL(login.headers.get('location')!)
    expect(`${authorize.origin}`).toBe(world.cognitoEndpoint)
    world.nextSignIn = { username: 'btc.canbo', groups: ['committee_handler'] }
    const hosted = await fetch(authorize, { redirect: 'manual' })
    expect(hosted.status, await hosted.clone().text()).toBe(302)
    const back = new URL(hosted.headers.get('location')!)
    expect(back.host).toBe(world.distributionDomain)
    const callback = await world.edge(`${back.pathname}${back.search}`, {
      headers: { cookie: cookieHeader(jar) },
    })
    expect(callback.status, callback.text().slice(0, 300)).toBeLessThan(400)
    cookieJar(callback.cookies, jar)
    expect(jar.has('__Host-staff-session')).toBe(true)
    const queue = await world.edge('/staff/queue', { headers: { cookie: cookieHeader(jar) } })
    expect(queue.status, queue.text().slice(0, 300)).toBe(200)
  })

  it('opens the staff API with a Cognito access token for a provisioned user (sub is a UUID, username the user)', async () => {
    const token = await world.accessToken('btc.canbo', ['committee_handler'])
    const res = await world.edge('/api/v1/committees/btc/queue', {
      headers: { ...json, authorization: `Bearer ${token}` },
    })
    expect(res.status, res.text().slice(0, 300)).toBe(200)
    const items = res.json().items as { trackingCode: string }[]
    expect(items.length).toBeGreaterThan(0)
    const one = await world.edge(`/api/v1/cases/${items[0]!.trackingCode}`, {
      headers: { ...json, authorization: `Bearer ${token}` },
    })
    expect(one.status).toBe(200)
  })

  it('is refused by the JWT authorizer without a token', async () => {
    const res = await world.edge('/api/v1/committees/btc/queue', { headers: json })
    expect(res.status).toBe(401)
  })

  it('exports the report as XLSX (JSON API) and CSV (staff page) with the BOM kept', async () => {
    const token = await world.accessToken('giamsat', ['supervisor'])
    const year = new Date().getUTCFullYear()
    const xlsx = await world.edge(
      `/api/v1/reports/export?committeeId=dukhoi&period=year&year=${year}&format=xlsx`,
      {
        headers: { authorization: `Bearer ${token}` },
      },
    )
    expect(xlsx.status, xlsx.text().slice(0, 400)).toBe(200)
    expect(xlsx.body.subarray(0, 2).toString('latin1')).toBe('PK')
    const session = new Map([['__Host-staff-session', token]])
    const csv = await world.edge(`/staff/reports/export.csv?committeeId=dukhoi&period=year&year=${year}`, {
      headers: { cookie: cookieHeader(session) },
    })
    expect(csv.status, csv.text().slice(0, 400)).toBe(200)
    expect([...csv.body.subarray(0, 3)]).toEqual(BOM)
  })
})

describe('the deadline sweep and the morning digest', () => {
  it('sweeps, then sends the digest once', async () => {
    const sweep = world.fn('deadline-sweep').name
    const report = await world.invoke(sweep, { task: 'sweep' })
    expect(report.casesRead).toBeGreaterThanOrEqual(0)
    const sent = world.aws.emails.length
    const digests = await world.invoke(sweep, { task: 'digest' })
    expect(digests).toEqual({ digests: expect.any(Number) })
    expect(digests.digests).toBeGreaterThan(0)
    expect(world.aws.emails.length).toBeGreaterThan(sent)
    // The second run of the day finds the marker and sends nothing.
    expect(await world.invoke(sweep, { task: 'digest' })).toEqual({ digests: 0 })
  })
})

describe('the IAM enforcement itself', () => {
  it('answers AccessDenied, as AWS would, to a call the role does not allow', async () => {
    const publicApi = world.fn('public-api')
    const client = new DynamoDBClient({
      endpoint: world.aws.endpoint,
      region: 'ap-southeast-1',
      credentials: { accessKeyId: publicApi.name, secretAccessKey: 'x' },
    })
    await expect(
      client.send(
        new QueryCommand({
          TableName: world.tableName,
          IndexName: 'reporting',
          KeyConditionExpression: 'reportPk = :p',
          ExpressionAttributeValues: { ':p': { S: 'btc' } },
        }),
      ),
    ).rejects.toThrow(/AccessDenied|not authorized/)
    expect(world.aws.denials.map((d) => `${d.principal} ${d.action}`)).toEqual([
      `${publicApi.name} dynamodb:Query`,
    ])
    world.aws.denials.length = 0
    client.destroy()
  })
})
