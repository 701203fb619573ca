/**
 * The functions' code, built by the local esbuild at synth (no Docker) into an ESM entry and
 * chunks: `import()` in the code becomes a chunk that loads on first use, so what a cold start
 * parses and runs is the entry and its static imports only (NodejsFunction writes one file, where
 * esbuild inlines every `import()`). The AWS SDK is bundled (the version the code was tested with,
 * tree-shaken). Each output has a source map beside it for decoding stack traces offline; none is
 * loaded at start (no --enable-source-maps: Node would parse every map before the first event).
 */
import { writeFileSync } from 'node:fs'
import { join, relative as relativePath, resolve as resolvePath } from 'node:path'
import { AssetHashType, DockerImage } from 'aws-cdk-lib'
import { Code } from 'aws-cdk-lib/aws-lambda'
import { type BuildOptions, buildSync, type Metafile } from 'esbuild'
import { REPO_ROOT, repoPath } from '../paths.js'

/**
 * ESM output has no `require`; a few dependencies still call it for Node built-ins. The alias keeps
 * the name from clashing with anything the bundle declares. Every chunk carries it.
 */
export const ESM_REQUIRE_BANNER =
  "import { createRequire as __bundleCreateRequire } from 'node:module'; const require = __bundleCreateRequire(import.meta.url);"

/**
 * Import paths the bundles resolve elsewhere: zod without its locales and JSON-Schema code, which
 * @hono/zod-openapi would otherwise pull in whole (functions/zod-lean.ts: ~300 KB off each API bundle).
 */
export const BUNDLE_ALIASES: Readonly<Record<string, string>> = { zod: repoPath('functions/zod-lean.ts') }

/** The handler file Lambda loads: `index.handler`. */
export const BUNDLE_ENTRY = 'index.mjs'

/**
 * Beside the code in every asset: what each output file holds, from esbuild's metafile (bytes per
 * input, static and dynamic imports), so bench/cold-start.ts can weigh the shipped bundle without
 * rebuilding it. Paths are relative to the asset (outputs) and to the repository (inputs).
 */
export const BUNDLE_METAFILE = 'metafile.json'

/** The part of esbuild's metafile written to {@link BUNDLE_METAFILE}. */
export interface BundleMetafile {
  readonly outputs: Record<
    string,
    {
      readonly bytes: number
      readonly imports: readonly { readonly path: string; readonly kind: string }[]
      readonly inputs: Record<string, number>
    }
  >
}

function compactMetafile(metafile: Metafile, outputDir: string): BundleMetafile {
  // esbuild names outputs relative to its working directory (the repository root).
  const relative = (file: string) => relativePath(outputDir, resolvePath(REPO_ROOT, file))
  return {
    outputs: Object.fromEntries(
      Object.entries(metafile.outputs)
        .filter(([file]) => file.endsWith('.mjs'))
        .map(([file, out]) => [
          relative(file),
          {
            bytes: out.bytes,
            imports: out.imports
              .filter((i) => !i.external)
              .map((i) => ({ path: relative(i.path), kind: i.kind })),
            inputs: Object.fromEntries(
              Object.entries(out.inputs).map(([input, v]) => [input, v.bytesInOutput]),
            ),
          },
        ]),
    ),
  }
}

/** esbuild's options for one function: `entry` relative to the repository root, written to `outdir`. */
export function bundleOptions(entry: string, outdir: string): BuildOptions {
  return {
    entryPoints: { index: repoPath(entry) },
    outdir,
    absWorkingDir: REPO_ROOT,
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    mainFields: ['module', 'main'],
    banner: { js: ESM_REQUIRE_BANNER },
    alias: { ...BUNDLE_ALIASES },
    minify: true,
    // DomainError names itself after its class (`new.target.name`); minified names would garble codes in logs.
    keepNames: true,
    sourcemap: true,
    sourcesContent: false,
    tsconfig: repoPath('tsconfig.json'),
    legalComments: 'none',
    logLevel: 'warning',
  }
}

/** A Lambda code asset: `entry` bundled with esbuild at synth, hashed by its output. */
export function bundledCode(entry: string): Code {
  return Code.fromAsset(REPO_ROOT, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Never pulled: local bundling always succeeds or throws (esbuild is a dev dependency).
      image: DockerImage.fromRegistry('public.ecr.aws/docker/library/node:22-slim'),
      // CDK keys its bundling cache on these options (the function below does not serialize): the
      // entry must be in them, or every function would get the first one's asset.
      command: ['esbuild', entry],
      local: {
        tryBundle(outputDir: string) {
          const { metafile } = buildSync({ ...bundleOptions(entry, outputDir), metafile: true as const })
          writeFileSync(
            join(outputDir, BUNDLE_METAFILE),
            JSON.stringify(compactMetafile(metafile, outputDir)),
          )
          // The sizes in the synth log, as NodejsFunction printed them; bench/cold-start.ts weighs them.
          const lines = Object.entries(metafile.outputs)
            .filter(([file]) => file.endsWith('.mjs'))
            .sort(([a], [b]) => Number(b.endsWith(BUNDLE_ENTRY)) - Number(a.endsWith(BUNDLE_ENTRY)))
            .map(
              ([file, out]) =>
                `  ${file.slice(file.lastIndexOf('/') + 1)}  ${(out.bytes / 1024).toFixed(1)} KiB`,
            )
          process.stderr.write(`${entry}: ${lines.length} files\n${lines[0]}\n`)
          return true
        },
      },
    },
  })
}
