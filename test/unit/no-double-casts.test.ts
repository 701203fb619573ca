/**
 * Seams are typed, not cast: no `as unknown as` in any source file outside the tests. A seam that
 * needs one gets a type guard, a generic, a typed decode (decodeItem) or a typed body (jsonBody).
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

const SOURCE_FOLDERS = ['shared', 'functions', 'web', 'local', 'infra', 'bench']
const DOUBLE_CAST = /\bas\s+unknown\s+as\b/

function sourceFiles(): string[] {
  const listed = execFileSync(
    'git',
    ['ls-files', '--cached', '--others', '--exclude-standard', ...SOURCE_FOLDERS],
    {
      encoding: 'utf8',
    },
  )
  return listed.split('\n').filter((f) => /\.(ts|tsx|mts|cts)$/.test(f) && !/\.test\.tsx?$/.test(f))
}

describe('source files', () => {
  it('are listed (the check reads real files)', () => {
    expect(sourceFiles()).toContain('shared/store/table.ts')
  })

  it('hold no `as unknown as` outside the tests', () => {
    const offenders = sourceFiles().flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => (DOUBLE_CAST.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
    )

    expect(offenders).toEqual([])
  })
})
