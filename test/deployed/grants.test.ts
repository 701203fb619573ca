/**
 * The static grant check: every store function a bundle can reach is allowed by its function's
 * role in the synthesized template. "Reach" is read off the bundle itself (the store module is in
 * its source map and the function is called by name: member names survive minification), the
 * request off the access-pattern list the store module keeps (access-patterns.ts), the answer off
 * the same IAM evaluation the deployed-shape suite enforces at run time. A new Query in a store
 * module that a function starts calling fails here until its grant is added in infra/access.ts.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { type AccessPattern, calls, readAccessPatterns } from './access-patterns.js'
import { isAllowed } from './iam.js'
import { ACCOUNT, Assembly, type FunctionSpec } from './templates.js'

let assembly: Assembly
let functions: FunctionSpec[]
let tableArn: string
const patterns = readAccessPatterns()

/**
 * The bundle's code and the repository files it was built from (its source maps): the handler
 * module and every chunk beside it (esbuild splits the code a function loads on first use).
 */
function bundleOf(f: FunctionSpec): { code: string; sources: string[] } {
  const files = readdirSync(f.codeDirectory, { recursive: true, encoding: 'utf8' }).filter((n) =>
    n.endsWith('.mjs'),
  )
  const code = files.map((n) => readFileSync(join(f.codeDirectory, n), 'utf8')).join('\n')
  const sources = files.flatMap(
    (n) =>
      (JSON.parse(readFileSync(join(f.codeDirectory, `${n}.map`), 'utf8')) as { sources: string[] }).sources,
  )
  return { code, sources }
}

function requestOf(p: AccessPattern) {
  return {
    action: `dynamodb:${p.operation}`,
    resource: p.index ? `${tableArn}/index/${p.index}` : tableArn,
    context: { 'dynamodb:LeadingKeys': p.partition ? [p.partition] : undefined },
  }
}

/**
 * Queries a bundle carries but its routes never make: every bundle holds the shared services whole
 * (a service object's methods cannot be tree-shaken), so a name in the code over-approximates what
 * is reached. Each entry says why its function may not make that Query; the check below requires
 * each to be in the bundle still, so the list cannot outlive its reason.
 */
const CARRIED_NOT_REACHED: Record<string, Record<string, string>> = {
  'public-api': {
    listSupplements: 'staff reads only (getForStaff); infra/access.ts: no other Query on the public side',
    findByKeys: 'the repeat index is written from the public side, never asked (infra/access.ts)',
  },
  'report-export': {
    listSupplements: 'staff case reads (getForStaff), not part of a report',
    findByKeys: 'staff case reads (repeat suggestions), not part of a report',
    listUsers: 'the reception service lists heads to register a session; a report only reads sessions',
  },
  'deadline-sweep': {
    listSupplements: 'staff case reads (getForStaff); the sweep reads cases by key',
    findByKeys: 'staff case reads (repeat suggestions); the sweep never looks for repeats',
  },
}

/** Store functions a bundle reaches that its role does not allow, as `module name operation partition`. */
function missingGrants(f: FunctionSpec, exempt: Record<string, string> = {}): string[] {
  const { code, sources } = bundleOf(f)
  return patterns
    .filter((p) => !(p.name in exempt))
    .filter((p) => p.operation === 'Query')
    .filter((p) => sources.some((s) => s.endsWith(`shared/store/${p.module}`)) && calls(code, p.name))
    .filter((p) => !isAllowed(f.statements, requestOf(p)))
    .map((p) => `${p.module} ${p.name} ${p.operation} ${p.partition ?? `index ${p.index}`}`)
}

beforeAll(() => {
  assembly = new Assembly(inject('cdkOut'))
  functions = assembly.functions().filter((f) => f.environment.TABLE_NAME)
  const table = assembly.resources('AWS::DynamoDB::Table')[0]!
  tableArn = assembly.attribute(table.stack, table.logicalId, 'Arn')
  expect(tableArn).toContain(`:${ACCOUNT}:table/`)
})

describe('every store function a bundle reaches is granted to its role', () => {
  it('reads the access patterns of every store module that lists them', () => {
    const modules = new Set(patterns.map((p) => p.module))
    for (const m of ['cases.ts', 'accountability.ts', 'reception.ts', 'users.ts', 'settings.ts', 'outbox.ts'])
      expect(modules).toContain(m)
    expect(patterns.find((p) => p.name === 'listCommitteeRequests')).toMatchObject({
      operation: 'Query',
      partition: 'ACCOUNTABILITY#x',
    })
  })

  it('finds the table functions in the assembly', () => {
    expect(functions.map((f) => f.name).sort()).toEqual(
      ['deadline-sweep', 'public-api', 'report-export', 'staff-api'].map((n) => `tiepdan-dev-${n}`),
    )
  })

  for (const name of ['public-api', 'staff-api', 'report-export', 'deadline-sweep'])
    it(`${name}: nothing reachable is missing from its role`, () => {
      const f = functions.find((x) => x.name === `tiepdan-dev-${name}`)!
      const exempt = CARRIED_NOT_REACHED[name] ?? {}
      const { code } = bundleOf(f)
      for (const carried of Object.keys(exempt)) expect(calls(code, carried), carried).toBe(true)
      expect(missingGrants(f, exempt)).toEqual([])
    })

  it('would have caught the export’s missing Query grants (the report’s accountability and reception figures)', () => {
    const f = functions.find((x) => x.name === 'tiepdan-dev-report-export')!
    const { code } = bundleOf(f)
    expect(calls(code, 'listCommitteeRequests')).toBe(true)
    expect(calls(code, 'listSessions')).toBe(true)
    // Without its Query grant on the table's partitions, exactly those two are reported, and the
    // outgoing register's year (its XLSX is the export function's too).
    const narrowed = {
      ...f,
      statements: f.statements.filter(
        (s) => !(s.actions.includes('dynamodb:Query') && s.resources.includes(tableArn)),
      ),
    }
    expect(missingGrants(narrowed, CARRIED_NOT_REACHED['report-export'])).toEqual([
      'accountability.ts listCommitteeRequests Query ACCOUNTABILITY#x',
      'reception.ts listSessions Query RECEPTION#x',
      'register.ts listYear Query DOCREG#x',
    ])
  })
})
