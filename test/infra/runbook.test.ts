/**
 * The README's runbook against the deployment: every alarm the production stacks define has an
 * entry saying what it means, how to check and what to do, and no entry names an alarm that is gone.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { repoPath } from '../../infra/paths.js'
import { deploymentOf } from './deployment.js'

function runbookEntries(): Map<string, string> {
  const readme = readFileSync(repoPath('README.md'), 'utf8')
  const section = readme.split(/^## /m).find((s) => s.startsWith('Runbook'))
  if (!section) throw new Error('README.md has no Runbook section')
  const entries = new Map<string, string>()
  for (const entry of section.split(/^### /m).slice(1)) {
    const [heading = '', ...body] = entry.split('\n')
    for (const [, id] of heading.matchAll(/`([A-Za-z0-9]+)`/g)) entries.set(id!, body.join('\n'))
  }
  return entries
}

describe('the README runbook', () => {
  it('has an entry for every alarm of the production deployment, and for no other', () => {
    const alarms = deploymentOf('prod').stateless.alarms.alarms.map((a) => a.node.id)

    expect([...runbookEntries().keys()].sort()).toEqual([...alarms].sort())
  })

  it('says for each alarm what it means, how to check and what to do', () => {
    for (const [id, body] of runbookEntries())
      for (const part of ['**Means**', '**Check**', '**Do**']) expect(body, `${id}: ${part}`).toContain(part)
  })
})
