import type { LocalDate } from '../dates.js'
import type { ClockName } from '../deadline-rules.js'
import type { Complexity } from '../vocabulary.js'
import type { ClockEvent, FirstDecision } from './types.js'

export interface Pause {
  from: LocalDate
  to?: LocalDate
}

export interface Extension {
  on: LocalDate
  days: number
  complexity: Complexity
}

export interface Timeline {
  firstDecision?: { on: LocalDate; decision: FirstDecision | 'accepted' }
  acceptedOn?: LocalDate
  resolvedOn?: LocalDate
  endedOn?: LocalDate
  pauses: Pause[]
  extensions: Extension[]
  lastEscalatedOn?: LocalDate
  lastSuspensionChange?: { on: LocalDate; type: 'suspended' | 'resumed' }
  done: Map<ClockName, LocalDate[]>
}

export const isSuspended = (t: Timeline): boolean => t.pauses.length > 0 && t.pauses.at(-1)?.to === undefined

export function readTimeline(events: readonly ClockEvent[]): Timeline {
  const t: Timeline = { pauses: [], extensions: [], done: new Map() }
  for (const e of events) {
    switch (e.type) {
      case 'accepted':
        t.firstDecision ??= { on: e.on, decision: 'accepted' }
        t.acceptedOn ??= e.on
        break
      case 'decided':
        t.firstDecision ??= { on: e.on, decision: e.decision }
        break
      case 'extended':
        t.extensions.push({ on: e.on, days: e.days, complexity: e.complexity })
        break
      case 'suspended':
        if (isSuspended(t)) break
        t.pauses.push({ from: e.on })
        t.lastSuspensionChange = { on: e.on, type: 'suspended' }
        break
      case 'resumed': {
        const open = t.pauses.at(-1)
        if (open && open.to === undefined) {
          open.to = e.on
          t.lastSuspensionChange = { on: e.on, type: 'resumed' }
        }
        break
      }
      case 'resolved':
        t.resolvedOn ??= e.on
        break
      case 'closed':
      case 'withdrawn':
        t.endedOn ??= e.on
        break
      case 'escalated':
        t.lastEscalatedOn = e.on
        break
      case 'clock_done': {
        const list = t.done.get(e.clock)
        if (list) list.push(e.on)
        else t.done.set(e.clock, [e.on])
        break
      }
    }
  }
  return t
}
