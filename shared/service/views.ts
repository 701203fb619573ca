/**
 * What leaves the system: the citizen's view, the staff view and deadlines in the caller's
 * language. Identity fields appear only where the caller may see them.
 */
import type { CaseRecord } from '../domain/case.js'
import { allowedActions, escalationRefusal } from '../domain/case.js'
import type { Deadline, DeadlineContext } from '../domain/deadlines.js'
import type { Status } from '../domain/lifecycle.js'
import { isOpen, transitionFor, WITHDRAWABLE_KINDS } from '../domain/lifecycle.js'
import type { ActingUser } from '../domain/policy.js'
import type { Committee } from '../domain/routing.js'
import { type Rating, ratingOf, ratingRefusal } from '../domain/satisfaction.js'
import { formatTrackingCode } from '../domain/tracking-code.js'
import type { Kind, Language } from '../domain/vocabulary.js'
import type { CaseContent, Supplement } from '../store/cases.js'

export interface DeadlineView {
  readonly clock: string
  readonly dueDate: string
  readonly dayType: 'working' | 'calendar'
  readonly basis: string
  readonly explanation: string
  readonly state: 'running' | 'paused' | 'met' | 'missed'
  readonly startedOn: string
  readonly limit: number
  readonly unit: string
  readonly doneOn?: string
}

export function deadlineView(d: Deadline, lang: Language): DeadlineView {
  return {
    clock: d.clock,
    dueDate: d.dueDate,
    dayType: d.dayType,
    basis: lang === 'vi' ? d.basis : d.basisEn,
    explanation: d.explanation[lang],
    state: d.state,
    startedOn: d.startedOn,
    limit: d.limit,
    unit: d.unit,
    ...(d.doneOn ? { doneOn: d.doneOn } : {}),
  }
}

export function committeeRef(committees: readonly Committee[], id: string, lang: Language) {
  const c = committees.find((x) => x.id === id)
  return { id, name: c ? (lang === 'en' && c.nameEn ? c.nameEn : c.name) : id }
}

export interface CitizenView {
  readonly trackingCode: string
  readonly kind: Kind
  readonly title: string
  readonly status: Status
  readonly receivedAt: string
  readonly anonymous: boolean
  readonly committee: { id: string; name: string }
  readonly timeline: { at: string; type: string; note?: string }[]
  readonly deadlines: DeadlineView[]
  readonly answer?: { text: string; outcome: string; at: string }
  readonly canWithdraw: boolean
  readonly canSupplement: boolean
  /** A named denunciation past its resolution time limit: the denouncer may ask the superior (Art. 38). */
  readonly canEscalate: boolean
  /** The answer can be rated now (resolved, not yet rated). */
  readonly canRate: boolean
  /** The petitioner's rating of the answer, once given. */
  readonly rating?: Rating
}

/** The petitioner's view: public steps only, never an actor's name, never internal notes. */
export function citizenView(
  c: CaseRecord,
  deadlines: Deadline[],
  committees: readonly Committee[],
  lang: Language,
): CitizenView {
  return {
    trackingCode: formatTrackingCode(c.code),
    kind: c.kind,
    title: c.title,
    status: c.status,
    receivedAt: c.receivedAt,
    anonymous: c.anonymous,
    committee: committeeRef(committees, c.committeeId, lang),
    timeline: c.history
      .filter((e) => e.public)
      .map((e) => ({ at: e.at, type: e.type, ...(e.publicNote ? { note: e.publicNote } : {}) })),
    deadlines: deadlines.map((d) => deadlineView(d, lang)),
    ...(c.answer ? { answer: c.answer } : {}),
    canWithdraw: WITHDRAWABLE_KINDS.includes(c.kind) && transitionFor('withdraw').from.includes(c.status),
    canSupplement: isOpen(c.status),
    canEscalate: escalationRefusal(c, deadlines) === undefined,
    canRate: ratingRefusal(c) === undefined,
    ...(ratingOf(c) ? { rating: ratingOf(c) } : {}),
  }
}

export interface PetitionerIdentity {
  readonly fullName: string
  readonly idNumber?: string
  readonly address?: string
  readonly phone?: string
  readonly email?: string
}

export interface StaffViewInput {
  readonly c: CaseRecord
  readonly content: CaseContent | undefined
  /** The petitioner's identity when the viewer is granted it (`hidden` until they ask), `redacted` when not, absent when anonymous. */
  readonly identity: PetitionerIdentity | 'redacted' | 'hidden' | undefined
  readonly supplements: Supplement[]
  readonly deadlines: Deadline[]
  readonly committees: readonly Committee[]
  readonly user: ActingUser
  readonly now: Date
  readonly lang: Language
  readonly deadlineCtx: DeadlineContext
  /** The watch's view of the case: the escalation rung reached, undelivered messages. */
  readonly watch?: { readonly escalationLevel?: number; readonly deliveryFailures?: number }
}

/** The case file for staff whose scope reaches the case (policy.ts decides who that is). */
export function staffCaseView(v: StaffViewInput) {
  const { c, content, committees, lang } = v
  return {
    trackingCode: formatTrackingCode(c.code),
    version: c.version,
    kind: c.kind,
    status: c.status,
    channel: c.channel,
    committee: committeeRef(committees, c.committeeId, lang),
    receivedAt: c.receivedAt,
    receivedOn: c.receivedOn,
    title: c.title,
    content: content?.content,
    anonymous: c.anonymous,
    petitioner: v.identity,
    concerns: content?.concerns,
    topic: c.topic,
    signatories: c.signatories,
    multiPerson: c.signatories >= 5,
    language: c.language,
    // Whether a denouncer is a member of the organisation narrows down who they are.
    submitterType: c.kind === 'denunciation' ? undefined : c.submitterType,
    facts: c.facts,
    routing: { ruleId: c.routing.ruleId, reason: c.routing.reason[lang] },
    answer: c.answer,
    rating: ratingOf(c),
    duplicateOf: c.duplicateOf ? formatTrackingCode(c.duplicateOf) : undefined,
    transferredTo: c.transferredTo,
    deadlines: v.deadlines.map((d) => deadlineView(d, lang)),
    history: c.history,
    supplements: v.supplements,
    allowedActions: allowedActions(c, v.user, { now: v.now, deadlines: v.deadlineCtx, committees }),
    escalationLevel: v.watch?.escalationLevel ?? 0,
    deliveryFailures: v.watch?.deliveryFailures ?? 0,
  }
}
