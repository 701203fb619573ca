/**
 * The slow one: a real synth of the dev stage with esbuild bundling every function, then each bundle
 * loaded by Node the way Lambda loads it (ESM, `handler` export) and called once.
 */
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { CloudAssembly } from 'aws-cdk-lib/cx-api'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildDeployment } from '../../infra/app.js'
import { ESM_REQUIRE_BANNER } from '../../infra/constructs/app-function.js'
import { newApp } from './deployment.js'

let assembly: CloudAssembly
let bundles: Map<string, string>

/** Function name → directory of its bundled code asset. */
function bundleDirectories(): Map<string, string> {
  const stack = assembly.getStackByName('tiepdan-dev-stateless')
  const functions = Object.values(
    stack.template.Resources as Record<
      string,
      { Type: string; Properties: { FunctionName: string }; Metadata: Record<string, string> }
    >,
  ).filter((r) => r.Type === 'AWS::Lambda::Function')
  return new Map(
    functions.map((f) => [
      f.Properties.FunctionName,
      join(assembly.directory, f.Metadata['aws:asset:path']!),
    ]),
  )
}

/** Loads a bundle in a fresh Node process, as Lambda does, and runs `script` with `handler` in scope. */
function runBundle(directory: string, script: string, env: Record<string, string>): string {
  const program = `const { handler } = await import(${JSON.stringify(join(directory, 'index.mjs'))});\n${script}`
  return execFileSync(
    process.execPath,
    ['--no-warnings', '--enable-source-maps', '--input-type=module', '-e', program],
    {
      env: {
        PATH: process.env.PATH,
        AWS_REGION: 'ap-southeast-1',
        AWS_ACCESS_KEY_ID: 'none',
        AWS_SECRET_ACCESS_KEY: 'none',
        ...env,
      },
      encoding: 'utf8',
      timeout: 30_000,
    },
  )
}

const httpEvent = (method: string, path: string) => ({
  version: '2.0',
  routeKey: `${method} ${path}`,
  rawPath: path,
  rawQueryString: '',
  headers: { host: 'example.cloudfront.net', 'accept-language': 'vi' },
  requestContext: {
    http: { method, path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.9', userAgent: 'test' },
    requestId: 'request-1',
    routeKey: `${method} ${path}`,
    stage: '$default',
    domainName: 'example.cloudfront.net',
    timeEpoch: 0,
  },
  isBase64Encoded: false,
})
const lambdaContext = `{ functionName: 'f', awsRequestId: 'a', getRemainingTimeInMillis: () => 1000 }`
/** What the stack sets (both identity settings: the local key only matters to builds before KMS sealing). */
const apiEnv = {
  TABLE_NAME: 'petitions',
  LOG_LEVEL: 'ERROR',
  IDENTITY_KMS_KEY_ID: 'arn:aws:kms:ap-southeast-1:000000000000:key/00000000-0000-0000-0000-000000000000',
  IDENTITY_KEY: randomBytes(32).toString('base64'),
}

describe('a real synth with bundling', () => {
  beforeAll(() => {
    const app = newApp('dev', { bundle: true })
    buildDeployment(app, {})
    assembly = app.synth()
    bundles = bundleDirectories()
  }, 120_000)

  it('bundles every function as one minified ESM file with a source map', () => {
    expect([...bundles.keys()].sort()).toEqual([
      'tiepdan-dev-deadline-sweep',
      'tiepdan-dev-origin-verify',
      'tiepdan-dev-public-api',
      'tiepdan-dev-report-export',
      'tiepdan-dev-staff-api',
    ])
    for (const [name, directory] of bundles) {
      const code = readFileSync(join(directory, 'index.mjs'), 'utf8')
      expect(code.startsWith(ESM_REQUIRE_BANNER), name).toBe(true)
      expect(existsSync(join(directory, 'index.mjs.map')), name).toBe(true)
      console.info(`${name}: ${(statSync(join(directory, 'index.mjs')).size / 1024).toFixed(0)} KiB`)
    }
  })

  it('keeps the API and sweep bundles under the size that hurts cold starts', () => {
    for (const name of ['tiepdan-dev-public-api', 'tiepdan-dev-staff-api', 'tiepdan-dev-deadline-sweep']) {
      const size = statSync(join(bundles.get(name)!, 'index.mjs')).size
      expect(size, name).toBeGreaterThan(100_000)
      expect(size, name).toBeLessThan(2_000_000)
    }
  })

  it('keeps the spreadsheet library in the export bundle only', () => {
    const has = (name: string) =>
      readFileSync(join(bundles.get(name)!, 'index.mjs'), 'utf8').includes('spreadsheetml.sheet.main+xml')
    expect(has('tiepdan-dev-report-export')).toBe(true)
    expect(has('tiepdan-dev-staff-api')).toBe(false)
  })

  it('serves the citizen home page from the public bundle', () => {
    const out = runBundle(
      bundles.get('tiepdan-dev-public-api')!,
      `const r = await handler(${JSON.stringify(httpEvent('GET', '/'))}, ${lambdaContext}); console.log(r.statusCode, r.headers['content-type'])`,
      apiEnv,
    )

    expect(out.trim().split('\n').at(-1)).toBe('200 text/html; charset=UTF-8')
  })

  it('serves the OpenAPI document from the staff bundle, and refuses a staff route without a token', () => {
    const out = runBundle(
      bundles.get('tiepdan-dev-staff-api')!,
      `for (const [m, p] of [['GET', '/api/v1/openapi.json'], ['GET', '/api/v1/committees']]) {
         const e = ${JSON.stringify(httpEvent('GET', '/'))}; e.rawPath = p; e.requestContext.http.path = p; e.requestContext.http.method = m
         const r = await handler(e, ${lambdaContext}); console.log(r.statusCode)
       }`,
      {
        ...apiEnv,
        AUTH_ISSUER: 'https://cognito-idp.ap-southeast-1.amazonaws.com/ap-southeast-1_example',
        AUTH_AUDIENCE: 'client',
      },
    )

    expect(out.trim().split('\n').slice(-2)).toEqual(['200', '401'])
  })

  it('loads the sweep bundle fresh, reading its configuration at module init without throwing', () => {
    const out = runBundle(bundles.get('tiepdan-dev-deadline-sweep')!, 'console.log(typeof handler)', {
      ...apiEnv,
      SITE_URL: 'https://d111111abcdef8.cloudfront.net',
      EMAIL_SENDER: 'no-reply@example.org',
    })

    expect(out.trim().split('\n').at(-1)).toBe('function')
  })

  it('refuses to start the sweep without its table, naming the setting', () => {
    const { TABLE_NAME: _, ...withoutTable } = apiEnv
    expect(() =>
      runBundle(bundles.get('tiepdan-dev-deadline-sweep')!, 'console.log(typeof handler)', withoutTable),
    ).toThrow(/TABLE_NAME/)
  })

  it('answers the origin check from the authorizer bundle', () => {
    const out = runBundle(
      bundles.get('tiepdan-dev-origin-verify')!,
      `const yes = await handler({ headers: { 'x-origin-verify': 'abc' } }); const no = await handler({ headers: {} }); console.log(yes.isAuthorized, no.isAuthorized)`,
      { ORIGIN_VERIFY_SECRET: 'abc' },
    )

    expect(out.trim()).toBe('true false')
  })
})
