/**
 * Every pointer into the project's documents leads somewhere: each `docs/<file>.md` (with or
 * without `#anchor`) in the source, the tests, the README and the documents names a file that
 * exists and, when it has an anchor, a heading of that file, slugged the way GitHub slugs it. The
 * links between the documents themselves (`[x](domain.md#scope)`, `[x](#calendar)`) are held to
 * the same rule. And nothing cites the design papers that live outside the repository: a person
 * who clones it cannot follow them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../../', import.meta.url))
const SOURCE_DIRS = ['shared', 'functions', 'web', 'local', 'infra', 'bench', 'test']
const SKIPPED_DIRS = new Set(['node_modules', 'cdk.out', 'dist', '.data'])

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return SKIPPED_DIRS.has(entry.name) ? [] : walk(path)
    return [path]
  })
}

/** The anchor GitHub gives a heading: lower case, punctuation dropped, each space a hyphen. */
function slug(heading: string): string {
  return heading
    .replaceAll(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .trim()
    .toLowerCase()
    .replaceAll(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
    .replaceAll(' ', '-')
}

/** The anchors of a Markdown document: its ATX headings outside code fences, repeats numbered. */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>()
  const result = new Set<string>()
  let fence: string | undefined
  for (const line of markdown.split('\n')) {
    const opening = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1]
    if (opening && (!fence || opening.startsWith(fence))) {
      fence = fence ? undefined : opening
      continue
    }
    if (fence) continue
    const heading = /^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/.exec(line)?.[1]
    if (heading === undefined) continue
    const base = slug(heading)
    const n = seen.get(base) ?? 0
    seen.set(base, n + 1)
    result.add(n === 0 ? base : `${base}-${n}`)
  }
  for (const m of markdown.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) result.add(m[1]!)
  return result
}

interface Link {
  readonly from: string
  readonly line: number
  readonly file: string
  readonly anchor?: string
}

const ANCHOR = String.raw`[\p{L}\p{M}\p{N}_-]+`
const DOCS_REFERENCE = new RegExp(String.raw`(?<![\w.-])docs/([\w-]+\.md)(?:#(${ANCHOR}))?`, 'gu')
const RELATIVE_LINK = new RegExp(String.raw`\]\(([\w-]+\.md)?(?:#(${ANCHOR}))?\)`, 'gu')
// Built from parts so that this file does not cite them itself.
const OUTSIDE_PAPERS = new RegExp(
  String.raw`\b(?:${['DOM' + 'AIN', 'DES' + 'IGN', 'TOOL' + 'CHAIN'].join('|')})\.md\b`,
  'g',
)

/** The `docs/…` references and, in a document of docs/, its relative links, with where they are. */
function linksIn(text: string, from: string): Link[] {
  const links: Link[] = []
  const inDocs = from.startsWith('docs/')
  text.split('\n').forEach((content, index) => {
    for (const m of content.matchAll(DOCS_REFERENCE))
      links.push({ from, line: index + 1, file: `docs/${m[1]}`, anchor: m[2] })
    if (!inDocs) return
    for (const m of content.matchAll(RELATIVE_LINK)) {
      if (!m[1] && !m[2]) continue
      links.push({ from, line: index + 1, file: m[1] ? `docs/${m[1]}` : from, anchor: m[2] })
    }
  })
  return links
}

/** Each link that leads nowhere, as `from:line → file#anchor (why)`. */
function brokenLinks(links: readonly Link[], read: (file: string) => string | undefined): string[] {
  const cache = new Map<string, Set<string> | undefined>()
  const anchorsOf = (file: string) => {
    if (!cache.has(file)) {
      const text = read(file)
      cache.set(file, text === undefined ? undefined : anchors(text))
    }
    return cache.get(file)
  }
  return links.flatMap((link) => {
    const target = `${link.from}:${link.line} → ${link.file}${link.anchor ? `#${link.anchor}` : ''}`
    const known = anchorsOf(link.file)
    if (known === undefined) return [`${target} (no such file)`]
    if (link.anchor !== undefined && !known.has(link.anchor)) return [`${target} (no such heading)`]
    return []
  })
}

const files = [
  ...SOURCE_DIRS.flatMap((dir) => walk(join(root, dir))).filter((f) => /\.(?:tsx?|md)$/.test(f)),
  ...readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => join(root, 'docs', f)),
  join(root, 'README.md'),
].map((f) => relative(root, f).split('\\').join('/'))

const readRepoFile = (file: string) => {
  const path = join(root, file)
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined
}

describe('slug', () => {
  it('lowers the case, drops punctuation and turns each space into a hyphen', () => {
    expect(slug('Response-time audit, by committee')).toBe('response-time-audit-by-committee')
    expect(slug('`Api5xx`')).toBe('api5xx')
    expect(slug('Accountability reports owed and the reception register')).toBe(
      'accountability-reports-owed-and-the-reception-register',
    )
  })

  it('keeps Vietnamese letters with their diacritics, as GitHub does', () => {
    expect(slug('1. Gửi đơn, không cần đăng nhập / Filing a petition, no sign-in')).toBe(
      '1-gửi-đơn-không-cần-đăng-nhập--filing-a-petition-no-sign-in',
    )
  })
})

describe('anchors', () => {
  it('ignores a line that looks like a heading inside a code fence', () => {
    const doc = '## Real\n\n```sh\n# a shell comment\n```\n'
    expect([...anchors(doc)]).toEqual(['real'])
  })

  it('numbers a repeated heading the way GitHub does', () => {
    expect([...anchors('## Notes\n## Notes\n## Notes\n')]).toEqual(['notes', 'notes-1', 'notes-2'])
  })
})

describe('links into docs/', () => {
  it('finds a reference to a missing file and to a missing heading', () => {
    const links = linksIn('see docs/domain.md#scope, docs/nowhere.md and docs/domain.md#nowhere', 'x.ts')
    const read = (file: string) => (file === 'docs/domain.md' ? '## Scope\n' : undefined)
    expect(brokenLinks(links, read)).toEqual([
      'x.ts:1 → docs/nowhere.md (no such file)',
      'x.ts:1 → docs/domain.md#nowhere (no such heading)',
    ])
  })

  it('reads the relative links of a document in docs/ against docs/ and itself', () => {
    const links = linksIn('[a](domain.md#scope) [b](#calendar) [c](https://example.org)', 'docs/x.md')
    expect(links.map((l) => `${l.file}#${l.anchor}`)).toEqual(['docs/domain.md#scope', 'docs/x.md#calendar'])
  })

  it('lead to a file that exists and, with an anchor, to one of its headings', () => {
    // This file's own examples above point nowhere on purpose.
    const scanned = files.filter((file) => file !== 'test/unit/doc-links.test.ts')
    const links = scanned.flatMap((file) => linksIn(readRepoFile(file) ?? '', file))
    expect(links.length).toBeGreaterThan(20)
    expect(brokenLinks(links, readRepoFile)).toEqual([])
  })

  it('never cite the design papers kept outside the repository', () => {
    const citations = files.flatMap((file) =>
      (readRepoFile(file) ?? '')
        .split('\n')
        .flatMap((line, i) => [...line.matchAll(OUTSIDE_PAPERS)].map((m) => `${file}:${i + 1} ${m[0]}`)),
    )
    expect(citations).toEqual([])
  })
})
