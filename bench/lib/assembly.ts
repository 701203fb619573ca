/**
 * The Lambda functions of a synthesized cloud assembly (`npm run synth:prod` → cdk.out), read from
 * the templates the way Lambda will see them: the code asset directory, the handler file and
 * export, and the environment with every CloudFormation reference filled with a placeholder. The
 * cold-start bench measures these files, not a bundle of its own.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { gzipSync } from 'node:zlib'
import { BUNDLE_METAFILE, type BundleMetafile } from '../../infra/constructs/bundle.js'

export interface SynthesizedFunction {
  /** Physical name, e.g. `tiepdan-prod-public-api`. */
  readonly functionName: string
  readonly stack: string
  /** The asset directory (what Lambda unpacks into /var/task). */
  readonly directory: string
  /** The handler module file and its export (`index.handler` → index.mjs, handler). */
  readonly file: string
  readonly exportName: string
  readonly memorySize: number
  readonly environment: Record<string, string>
}

type Json = unknown

/** A value for a reference the template resolves at deploy time; shaped like what it stands for. */
function placeholder(hint: string): string {
  if (/kms|key/i.test(hint))
    return 'arn:aws:kms:ap-southeast-1:000000000000:key/00000000-0000-0000-0000-000000000000'
  return `placeholder${hint.replace(/[^A-Za-z0-9]/g, '').slice(0, 24)}`
}

/** CloudFormation value → string: Fn::Join joined, references and secrets as placeholders. */
function resolve(value: Json, name: string): string {
  if (typeof value === 'string')
    // Dynamic references ({{resolve:secretsmanager:…}}) are secrets CloudFormation fills in.
    return value.includes('{{resolve:') ? `placeholder-secret-${name.toLowerCase()}-0123456789abcdef` : value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (value && typeof value === 'object') {
    const [fn, args] = Object.entries(value)[0] as [string, Json]
    if (fn === 'Fn::Join') {
      const [sep, parts] = args as [string, Json[]]
      const joined = parts.map((p) => resolve(p, name)).join(sep)
      return joined.includes('{{resolve:') ? resolve(joined, name) : joined
    }
    if (fn === 'Ref' && args === 'AWS::AccountId') return '000000000000'
    if (fn === 'Ref' && args === 'AWS::Region') return 'ap-southeast-1'
    // Ref, Fn::GetAtt, Fn::ImportValue, Fn::GetStackOutput, …: deploy-time values.
    return placeholder(/TABLE/.test(name) ? 'table' : name.includes('KMS') ? 'kms' : JSON.stringify(args))
  }
  throw new Error(`cannot resolve ${name}: ${JSON.stringify(value)}`)
}

export function readAssembly(directory: string): SynthesizedFunction[] {
  const found: SynthesizedFunction[] = []
  for (const file of readdirSync(directory).filter((f) => f.endsWith('.template.json'))) {
    const template = JSON.parse(readFileSync(join(directory, file), 'utf8')) as {
      Resources: Record<
        string,
        { Type: string; Properties: Record<string, Json>; Metadata?: Record<string, string> }
      >
    }
    for (const [id, r] of Object.entries(template.Resources)) {
      if (r.Type !== 'AWS::Lambda::Function') continue
      const assetPath = r.Metadata?.['aws:asset:path']
      if (!assetPath) throw new Error(`${id}: no aws:asset:path metadata (synth with the CDK CLI)`)
      const handler = String(r.Properties.Handler)
      const dot = handler.lastIndexOf('.')
      const base = handler.slice(0, dot)
      const assetDir = join(directory, assetPath)
      const module = ['.mjs', '.js', '.cjs'].map((ext) => join(assetDir, base + ext)).find(existsSync)
      if (!module) throw new Error(`${id}: no handler module ${base} in ${assetDir}`)
      const variables = ((r.Properties.Environment as { Variables?: Record<string, Json> })?.Variables ??
        {}) as Record<string, Json>
      found.push({
        functionName: resolve(r.Properties.FunctionName, 'FunctionName'),
        stack: file.replace(/\.template\.json$/, ''),
        directory: assetDir,
        file: module,
        exportName: handler.slice(dot + 1),
        memorySize: Number(r.Properties.MemorySize ?? 128),
        environment: Object.fromEntries(Object.entries(variables).map(([k, v]) => [k, resolve(v, k)])),
      })
    }
  }
  return found.sort((a, b) => a.functionName.localeCompare(b.functionName))
}

export interface BundleWeight {
  /** Every JavaScript file of the asset. */
  readonly bytes: number
  readonly gzipBytes: number
  /** The handler module and the chunks it imports statically (what loads before the first event). */
  readonly initialBytes: number
  readonly files: number
  /** Where the contributors come from: the metafile the build wrote, or the source maps. */
  readonly source: 'metafile' | 'source maps'
  /** Bytes of the initial code by package (node_modules) or source folder, from the source maps. */
  readonly initialContributors: { readonly name: string; readonly bytes: number }[]
  /** The same over every file (chunks loaded on first use included). */
  readonly contributors: { readonly name: string; readonly bytes: number }[]
}

const STATIC_IMPORT = /(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{}\s,]+from\s*)?["'](\.\/[^"']+)["']/g

/** Files loaded with `file` before it runs: its static relative imports, transitively. */
function initialFiles(directory: string, file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen
  seen.add(file)
  const code = readFileSync(file, 'utf8')
  for (const m of code.matchAll(STATIC_IMPORT)) initialFiles(directory, join(file, '..', m[1]!), seen)
  return seen
}

/**
 * Weighs a function's asset: sizes from the files, what they hold from the esbuild metafile the
 * build wrote beside them (infra/constructs/bundle.ts), or, for an asset built before it did, from
 * the source maps.
 */
export function weigh(fn: SynthesizedFunction): BundleWeight {
  const all = listFiles(fn.directory).filter((f) => /\.(mjs|js|cjs)$/.test(f))
  const initial = initialFiles(fn.directory, fn.file)
  const size = (f: string) => statSync(f).size
  const gzip = all.reduce((n, f) => n + gzipSync(readFileSync(f)).length, 0)
  const metafilePath = join(fn.directory, BUNDLE_METAFILE)
  const metafile = existsSync(metafilePath)
    ? (JSON.parse(readFileSync(metafilePath, 'utf8')) as BundleMetafile)
    : undefined
  const weighFiles = (files: readonly string[]) =>
    metafile ? fromMetafile(metafile, fn.directory, files) : fromSourceMaps(files)
  return {
    bytes: all.reduce((n, f) => n + size(f), 0),
    gzipBytes: gzip,
    initialBytes: [...initial].reduce((n, f) => n + size(f), 0),
    files: all.length,
    source: metafile ? 'metafile' : 'source maps',
    initialContributors: weighFiles([...initial]),
    contributors: weighFiles(all),
  }
}

function listFiles(directory: string): string[] {
  return readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name))
}

/** A package (node_modules) or the repository folder an input comes from, e.g. `shared/store`. */
function contributorOf(path: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)
  if (pkg) return pkg[1]!
  // Source-map paths are relative to the output directory: keep what follows the repository root.
  const own = /(?:^|\/)((?:shared|functions|web|infra|bench|local)\/.*)$/.exec(path)
  const parts = (own ? own[1]! : path.replace(/^(\.\.\/)+/, '')).split('/')
  return parts.length > 2 ? parts.slice(0, 2).join('/') : parts.join('/')
}

function sorted(by: Map<string, number>) {
  return [...by.entries()].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes)
}

/** Output bytes per contributor over `files`, from the metafile's `bytesInOutput` of each input. */
function fromMetafile(metafile: BundleMetafile, directory: string, files: readonly string[]) {
  const by = new Map<string, number>()
  for (const file of files) {
    const out = metafile.outputs[relative(directory, file)]
    if (!out) {
      add(by, '(not in the metafile)', statSync(file).size)
      continue
    }
    for (const [input, bytes] of Object.entries(out.inputs)) add(by, input, bytes)
  }
  return sorted(by)
}

/**
 * Output bytes per input, from each file's source map (esbuild writes one beside every output):
 * each mapping segment owns the generated characters up to the next segment on its line.
 */
function fromSourceMaps(files: readonly string[]): { name: string; bytes: number }[] {
  const by = new Map<string, number>()
  for (const file of files) {
    const mapFile = `${file}.map`
    if (!existsSync(mapFile)) {
      by.set('(no source map)', (by.get('(no source map)') ?? 0) + statSync(file).size)
      continue
    }
    const map = JSON.parse(readFileSync(mapFile, 'utf8')) as { sources: string[]; mappings: string }
    const lines = readFileSync(file, 'utf8').split('\n')
    let source = 0
    map.mappings.split(';').forEach((line, i) => {
      const length = lines[i]?.length ?? 0
      let column = 0
      let previous: { column: number; source: number } | undefined
      for (const segment of line ? line.split(',') : []) {
        const fields = decodeVlq(segment)
        column += fields[0]!
        if (previous) add(by, map.sources[previous.source], column - previous.column)
        if (fields.length > 1) source += fields[1]!
        previous = fields.length > 1 ? { column, source } : undefined
      }
      if (previous) add(by, map.sources[previous.source], length - previous.column)
    })
  }
  return sorted(by)
}

function add(by: Map<string, number>, source: string | undefined, bytes: number) {
  if (!source || bytes <= 0) return
  const name = contributorOf(source)
  by.set(name, (by.get(name) ?? 0) + bytes)
}

const VLQ = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
function decodeVlq(segment: string): number[] {
  const out: number[] = []
  let value = 0
  let shift = 0
  for (const ch of segment) {
    const digit = VLQ.indexOf(ch)
    value += (digit & 31) << shift
    if (digit & 32) shift += 5
    else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1)
      value = 0
      shift = 0
    }
  }
  return out
}
