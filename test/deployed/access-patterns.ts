/**
 * The access patterns the store modules (shared/store/*.ts) list at their top, read as data: which
 * store function makes which DynamoDB call on which partition or index. The static grant check
 * (grants.test.ts) turns each into the request IAM would see and asks the function's role.
 *
 * A line of an "Access patterns:" block reads `name(args)  <Operation>  <PARTITION> / <sort> …` or
 * `name(args)  Query  index <name> …`; a line without a partition keeps the one before it (the
 * module's lists do: "putUser(user)  PutItem" after "USERS / USER#<id>"). Partitions are the ones
 * infra/access.ts names in its key list, so a sort key (ATT_SLOTS) is never taken for one.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { repoPath } from '../../infra/paths.js'

export interface AccessPattern {
  readonly module: string
  readonly name: string
  readonly operation: 'GetItem' | 'PutItem' | 'UpdateItem' | 'DeleteItem' | 'Query'
  /** An example partition key (placeholders filled in), or the index name for an index Query. */
  readonly partition?: string
  readonly index?: string
}

const OPERATION = /\b(GetItem|PutItem|UpdateItem|DeleteItem|Query)\b/

/** Partition prefixes from the key list at the top of infra/access.ts (`CASE#<code>`, `CONFIG`…). */
export function knownPartitions(): string[] {
  const header = readFileSync(repoPath('infra/access.ts'), 'utf8').split('*/')[0]!
  const block = header.split('Partition keys')[1] ?? ''
  return [...block.matchAll(/^\s*\*\s+([A-Z][A-Z_]*#?)(?:<\w+>)?\s/gm)].map((m) => m[1]!)
}

export function readAccessPatterns(): AccessPattern[] {
  const partitions = knownPartitions()
  const dir = repoPath('shared/store')
  const out: AccessPattern[] = []
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    const header = readFileSync(join(dir, file), 'utf8').split('*/')[0]!
    const at = header.indexOf('Access patterns')
    if (at < 0) continue
    let partition: string | undefined
    for (const raw of header.slice(at).split('\n').slice(1)) {
      const line = raw.replace(/^\s*\*\s?/, '')
      if (!line.trim()) break
      const op = OPERATION.exec(line)
      const names =
        /^\s{1,4}([\w\s/]+?)(?:\(|\s{2,}|\s+(?=GetItem|PutItem|UpdateItem|DeleteItem|Query))/.exec(line)
      if (!op || !names) continue
      const rest = line.slice(op.index)
      const index = /\bindex (\w+)/.exec(rest)?.[1]
      const token = [...rest.matchAll(/\b([A-Z][A-Z_]*#?)(<\w+>)?/g)].find((m) => partitions.includes(m[1]!))
      if (token) partition = `${token[1]}${token[2] ? 'x' : ''}`
      for (const name of names[1]!
        .split('/')
        .map((n) => n.trim())
        .filter((n) => /^\w+$/.test(n)))
        out.push({
          module: file,
          name,
          operation: op[1] as AccessPattern['operation'],
          ...(index ? { index } : { partition }),
        })
    }
  }
  return out
}

/** Whether bundled code calls a store function (a member call survives minification by name). */
export function calls(code: string, name: string): boolean {
  return code.includes(`.${name}(`)
}
