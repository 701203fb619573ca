/**
 * docs/domain.md against the code it describes: the states, the actions and who may take them
 * (lifecycle.ts), every clock rule of both rule sets (deadline-rules.ts) and every report
 * indicator (reports.ts). A change to any of them without the document fails here.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { DEADLINE_RULE_SETS } from '../../shared/domain/deadline-rules.js'
import {
  AWAITING_DECISION,
  FINAL_STATUSES,
  IN_RESOLUTION,
  PETITIONER_ACTIONS,
  STATUSES,
  type Status,
  TRANSITIONS,
} from '../../shared/domain/lifecycle.js'
import { INDICATORS } from '../../shared/domain/reports.js'
import { KINDS } from '../../shared/domain/vocabulary.js'
import { tableAfter } from './markdown-table.js'

const doc = readFileSync(new URL('../../docs/domain.md', import.meta.url), 'utf8')

describe('docs/domain.md', () => {
  it('lists every status once, in the named set the lifecycle puts it in', () => {
    const setOf = (s: Status) =>
      AWAITING_DECISION.includes(s)
        ? 'awaiting decision'
        : IN_RESOLUTION.includes(s)
          ? 'in resolution'
          : FINAL_STATUSES.includes(s)
            ? 'final'
            : 'open'
    const rows = tableAfter(doc, 'States')
    expect(rows.map((r) => r[0])).toEqual([...STATUSES])
    for (const row of rows) expect(row[2], row[0]).toBe(setOf(row[0] as Status))
  })

  it('gives every action with the states, next state, kinds and roles of the transition table', () => {
    const statutory = ['complaint', 'denunciation']
    const kindsCell = (kinds: readonly string[]) =>
      kinds.length === KINDS.length
        ? 'all'
        : kinds.join(',') === statutory.join(',')
          ? 'statutory'
          : kinds.join(', ')
    // A function-valued `to` is shown as every status it can give, over the parameters that decide it.
    const samples = [{}, { toCommitteeId: 'x' }, { scope: 'partial' }, { scope: 'full' }]
    const toCell = (to: (typeof TRANSITIONS)[number]['to']) =>
      typeof to === 'function' ? [...new Set(samples.map((p) => to(p)))].sort().join(' or ') : to
    const expected = TRANSITIONS.map((t) => [
      t.action,
      t.from.join(', '),
      toCell(t.to),
      kindsCell(t.kinds),
      [...t.roles, ...(PETITIONER_ACTIONS.includes(t.action) ? ['petitioner'] : [])].join(', ') +
        (t.oversight ? ' (oversight)' : ''),
      t.public ? 'yes' : 'no',
    ])
    const rows = tableAfter(doc, 'Actions').map((r) => [
      r[0],
      r[1],
      r[2]!.split(' or ').sort().join(' or '),
      ...r.slice(3),
    ])
    expect(rows).toEqual(expected)
  })

  it('gives every clock rule of every rule set with its limit and unit', () => {
    const rows = tableAfter(doc, 'Clocks')
    const documented = rows.flatMap((r) =>
      (r[2] === 'both' ? DEADLINE_RULE_SETS.map((s) => s.id) : [r[2]!]).map((set) =>
        [set, r[0], r[1], r[3], r[4], r[6] ?? ''].join(' | '),
      ),
    )
    const inCode = DEADLINE_RULE_SETS.flatMap((set) =>
      set.rules.map((rule) =>
        [set.id, rule.id, rule.clock, String(rule.limit), rule.unit, rule.setting ?? ''].join(' | '),
      ),
    )
    expect(documented.sort()).toEqual(inCode.sort())
  })

  it('defines every report indicator, and only those', () => {
    const patterns = tableAfter(doc, 'Reports').map((r) => r[0]!)
    const matcher = (p: string) => new RegExp(`^${p.replaceAll('.', '\\.').replaceAll('*', '[^.]+')}$`)
    for (const indicator of INDICATORS)
      expect(
        patterns.some((p) => matcher(p).test(indicator)),
        `${indicator} is not in the Reports table`,
      ).toBe(true)
    for (const p of patterns)
      expect(
        INDICATORS.some((i) => matcher(p).test(i)),
        `${p} matches no indicator`,
      ).toBe(true)
  })
})
