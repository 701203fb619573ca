/**
 * The slow one: a real synth of the dev stage with esbuild bundling every function, then each bundle
 * loaded by Node the way Lambda loads it (ESM, `handler` export) and called once.
 */
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { CloudAssembly } from 'aws-cdk-lib/cx-api'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildDeployment } from '../../infra/app.js'
import { ESM_REQUIRE_BANNER } from '../../infra/constructs/app-function.js'
import { EDGE_PASS_CONTEXT } from '../../shared/http/edge.js'
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

/** The JavaScript files of a bundle directory, relative to it (the entry and its chunks). */
function codeFiles(directory: string): string[] {
  return readdirSync(directory, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.mjs'))
    .sort()
}

/** Every file's code of a function's bundle. */
function allCode(name: string): string {
  const directory = bundles.get(name)!
  return codeFiles(directory)
    .map((f) => readFileSync(join(directory, f), 'utf8'))
    .join('\n')
}

/** The code loaded before the handler runs: the entry and the chunks it imports statically. */
function initialCode(name: string): string {
  const directory = bundles.get(name)!
  const seen = new Set<string>()
  const visit = (file: string) => {
    if (seen.has(file)) return
    seen.add(file)
    const code = readFileSync(join(directory, file), 'utf8')
    for (const m of code.matchAll(
      /(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{}\s,]+from\s*)?["']\.\/([^"']+)["']/g,
    ))
      visit(join(file, '..', m[1]!))
  }
  visit('index.mjs')
  return [...seen].map((f) => readFileSync(join(directory, f), 'utf8')).join('\n')
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

  it('bundles every function as an ESM entry and chunks, each with the require banner and a source map', () => {
    expect([...bundles.keys()].sort()).toEqual([
      'tiepdan-dev-deadline-sweep',
      'tiepdan-dev-origin-verify',
      'tiepdan-dev-public-api',
      'tiepdan-dev-report-export',
      'tiepdan-dev-staff-api',
    ])
    for (const [name, directory] of bundles) {
      const files = codeFiles(directory)
      expect(files, name).toContain('index.mjs')
      for (const file of files) {
        expect(readFileSync(join(directory, file), 'utf8').startsWith(ESM_REQUIRE_BANNER), file).toBe(true)
        expect(existsSync(join(directory, `${file}.map`)), file).toBe(true)
      }
      console.info(
        `${name}: ${(statSync(join(directory, 'index.mjs')).size / 1024).toFixed(0)} KiB entry, ${files.length} files`,
      )
    }
  })

  it('splits the API and sweep bundles: the SDK clients a request may not need are chunks of their own', () => {
    for (const name of ['tiepdan-dev-public-api', 'tiepdan-dev-staff-api', 'tiepdan-dev-deadline-sweep']) {
      expect(initialCode(name).length, name).toBeGreaterThan(100_000)
      expect(statSync(join(bundles.get(name)!, 'index.mjs')).size, name).toBeLessThan(1_000_000)
      expect(codeFiles(bundles.get(name)!).length, name).toBeGreaterThan(1)
    }
    // The KMS client (its shape ids) loads with the first seal or open; SES with the sweep's first e-mail.
    expect(initialCode('tiepdan-dev-public-api')).not.toContain('com.amazonaws.kms#')
    expect(allCode('tiepdan-dev-public-api')).toContain('com.amazonaws.kms#')
    expect(initialCode('tiepdan-dev-deadline-sweep')).not.toContain('com.amazonaws.sesv2#')
    expect(allCode('tiepdan-dev-deadline-sweep')).toContain('com.amazonaws.sesv2#')
  })

  it('loads the public JSON API, the petition service and DynamoDB with the first request that needs them', () => {
    // A citizen page renders without them (functions/public-api/handler.ts).
    for (const loadedOnFirstUse of ['com.amazonaws.dynamodb#', 'submitPetition']) {
      expect(initialCode('tiepdan-dev-public-api'), loadedOnFirstUse).not.toContain(loadedOnFirstUse)
      expect(allCode('tiepdan-dev-public-api'), loadedOnFirstUse).toContain(loadedOnFirstUse)
    }
  })

  it('loads the DynamoDB client of every function with its first store operation (shared/store/sdk.ts)', () => {
    for (const name of [
      'tiepdan-dev-public-api',
      'tiepdan-dev-staff-api',
      'tiepdan-dev-report-export',
      'tiepdan-dev-deadline-sweep',
    ]) {
      expect(initialCode(name), name).not.toContain('com.amazonaws.dynamodb#')
      expect(allCode(name), name).toContain('com.amazonaws.dynamodb#')
    }
  })

  it('starts the staff and export functions on their first page alone, each API function within 300 KB', () => {
    // The sign-in page and the export link's redirect to it render without the workspace, the
    // services or zod (functions/staff-api/handler.ts, functions/report-export/handler.ts).
    for (const name of ['tiepdan-dev-staff-api', 'tiepdan-dev-report-export']) {
      for (const loadedOnFirstUse of ['submitPetition', 'createReportService', 'ZodObject'])
        expect(initialCode(name), `${name} ${loadedOnFirstUse}`).not.toContain(loadedOnFirstUse)
      expect(allCode(name), name).toContain('createReportService')
    }
    for (const name of ['tiepdan-dev-public-api', 'tiepdan-dev-staff-api', 'tiepdan-dev-report-export'])
      expect(Buffer.byteLength(initialCode(name)), name).toBeLessThan(300_000)
  })

  it('keeps the spreadsheet library in the export bundle only, loaded with the first workbook', () => {
    const xlsx = 'spreadsheetml.sheet.main+xml'
    expect(allCode('tiepdan-dev-report-export')).toContain(xlsx)
    expect(initialCode('tiepdan-dev-report-export')).not.toContain(xlsx)
    expect(allCode('tiepdan-dev-staff-api')).not.toContain(xlsx)
  })

  it('loads every chunk of every bundle in Node (what a first use would import)', () => {
    for (const [name, directory] of bundles) {
      const chunks = codeFiles(directory).filter((f) => f !== 'index.mjs')
      const program = `for (const f of ${JSON.stringify(chunks.map((f) => join(directory, f)))}) await import(f); console.log('ok')`
      const out = execFileSync(process.execPath, ['--no-warnings', '--input-type=module', '-e', program], {
        env: { PATH: process.env.PATH, AWS_REGION: 'ap-southeast-1' },
        encoding: 'utf8',
        timeout: 30_000,
      })
      expect(out.trim().split('\n').at(-1), name).toBe('ok')
    }
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

  it('answers the origin check from the authorizer bundle, a pass vouching for the edge', () => {
    const out = runBundle(
      bundles.get('tiepdan-dev-origin-verify')!,
      `const yes = await handler({ headers: { 'x-origin-verify': 'abc' } }); const no = await handler({ headers: {} }); console.log(yes.isAuthorized, no.isAuthorized, JSON.stringify(yes.context), no.context)`,
      { ORIGIN_VERIFY_SECRET: 'abc' },
    )

    expect(out.trim()).toBe(`true false ${JSON.stringify(EDGE_PASS_CONTEXT)} undefined`)
  })
})
