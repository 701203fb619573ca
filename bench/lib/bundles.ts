/**
 * The functions' production bundles, built the way CDK's NodejsFunction builds them (the options
 * of infra/constructs/app-function.ts: ESM, node22, module-first main fields, minified, names kept,
 * AWS SDK bundled, the `require` banner, the import aliases), with esbuild directly and a metafile, so the bench can
 * weigh each bundle and name what makes it heavy. An empty handler built with the same options is
 * the cold-start baseline.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build, type Metafile } from 'esbuild'
import { BUNDLE_ALIASES, ESM_REQUIRE_BANNER } from '../../infra/constructs/app-function.js'

const ROOT = join(import.meta.dirname, '..', '..')

export const FUNCTIONS = {
  'public-api': 'functions/public-api/handler.ts',
  'staff-api': 'functions/staff-api/handler.ts',
  'deadline-sweep': 'functions/deadline-sweep/handler.ts',
} as const
export type FunctionName = keyof typeof FUNCTIONS | 'empty'

export interface BuiltBundle {
  readonly name: FunctionName
  readonly file: string
  readonly bytes: number
  readonly gzipBytes: number
  /** Bytes in the output by package (node_modules) or source folder, largest first. */
  readonly contributors: { readonly name: string; readonly bytes: number }[]
}

const EMPTY_HANDLER = 'export const handler = async () => ({ statusCode: 200, body: "" })\n'

function contributorOf(path: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)
  if (pkg) return pkg[1]!
  const parts = path.split('/')
  return parts.length > 2 ? parts.slice(0, 2).join('/') : path
}

export async function buildBundles(outDir: string): Promise<BuiltBundle[]> {
  await mkdir(outDir, { recursive: true })
  const emptyEntry = join(outDir, 'empty-handler.mjs')
  await writeFile(emptyEntry, EMPTY_HANDLER)
  const entries: [FunctionName, string][] = [
    ...Object.entries(FUNCTIONS).map(
      ([n, e]) => [n as FunctionName, join(ROOT, e)] as [FunctionName, string],
    ),
    ['empty', emptyEntry],
  ]
  const built: BuiltBundle[] = []
  for (const [name, entry] of entries) {
    const file = join(outDir, name, 'index.mjs')
    const result = await build({
      entryPoints: [entry],
      outfile: file,
      absWorkingDir: ROOT,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node22',
      mainFields: ['module', 'main'],
      banner: { js: ESM_REQUIRE_BANNER },
      alias: { ...BUNDLE_ALIASES },
      minify: true,
      keepNames: true,
      sourcemap: true,
      sourcesContent: false,
      tsconfig: join(ROOT, 'tsconfig.json'),
      metafile: true,
      logLevel: 'error',
    })
    const code = await readFile(file)
    built.push({
      name,
      file,
      bytes: code.length,
      gzipBytes: gzipSync(code).length,
      contributors: contributorsOf(result.metafile),
    })
  }
  return built
}

function contributorsOf(metafile: Metafile): { name: string; bytes: number }[] {
  const output = Object.entries(metafile.outputs).find(([path]) => path.endsWith('.mjs'))?.[1]
  const by = new Map<string, number>()
  for (const [path, input] of Object.entries(output?.inputs ?? {}))
    by.set(contributorOf(path), (by.get(contributorOf(path)) ?? 0) + input.bytesInOutput)
  return [...by.entries()].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes)
}
