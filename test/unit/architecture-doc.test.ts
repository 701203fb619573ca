/**
 * docs/architecture.md against the code: the index table against the one table definition
 * (shared/store/table.ts) and the grant table against each function's access patterns
 * (infra/access.ts), so the document cannot describe a table or a role that is not deployed.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  DEADLINE_SWEEP_ACCESS,
  PUBLIC_API_ACCESS,
  REPORT_EXPORT_ACCESS,
  STAFF_API_ACCESS,
} from '../../infra/access.js'
import type { TableAccess } from '../../infra/constructs/data-table.js'
import { INDEXES } from '../../shared/store/table.js'
import { cellList, tableAfter } from './markdown-table.js'

const doc = readFileSync(new URL('../../docs/architecture.md', import.meta.url), 'utf8')

describe('docs/architecture.md', () => {
  it('names every index of the table with its keys, and no other', () => {
    const rows = tableAfter(doc, 'Indexes').map((r) => r.slice(0, 3))
    expect(rows).toEqual(Object.values(INDEXES).map((i) => [i.name, i.partitionKey, i.sortKey]))
  })

  it("gives each function's grants exactly as infra/access.ts derives them", () => {
    const grants: Record<string, TableAccess> = {
      'public-api': PUBLIC_API_ACCESS,
      'staff-api': STAFF_API_ACCESS,
      'report-export': REPORT_EXPORT_ACCESS,
      'deadline-sweep': DEADLINE_SWEEP_ACCESS,
    }
    const rows = tableAfter(doc, 'Grants')
    expect(rows.map((r) => r[0])).toEqual(Object.keys(grants))
    for (const [name, get, put, update, del, query, indexes] of rows) {
      const access = grants[name!]!
      expect(
        { get: cellList(get), put: cellList(put), update: cellList(update), delete: cellList(del) },
        name,
      ).toEqual({
        get: [...(access.get ?? [])],
        put: [...(access.put ?? [])],
        update: [...(access.update ?? [])],
        delete: [...(access.delete ?? [])],
      })
      expect({ query: cellList(query), indexes: cellList(indexes) }, name).toEqual({
        query: [...(access.query ?? [])],
        indexes: [...(access.indexes ?? [])],
      })
    }
  })
})
