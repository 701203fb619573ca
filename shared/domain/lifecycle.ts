/**
 * The lifecycle of a case (docs/domain.md#lifecycle) as one transition table. The API decides what
 * is allowed from it, and the pages decide which buttons to show from it: there is no second copy.
 */
import type { Kind, Role } from './vocabulary.js'
import { KINDS } from './vocabulary.js'

export const STATUSES = [
  'received',
  'accepted',
  'verifying',
  'suspended',
  'resolved',
  'closed',
  'not_accepted',
  'transferred',
  'guided',
  'filed',
  'withdrawn',
  'duplicate',
] as const
export type Status = (typeof STATUSES)[number]

/** Waiting for the first decision (accept, refuse, transfer, guide, file). */
export const AWAITING_DECISION: readonly Status[] = ['received']
/** Accepted for resolution and not yet resolved: the resolution clock is running or paused. */
export const IN_RESOLUTION: readonly Status[] = ['accepted', 'verifying', 'suspended']
/** Still on a committee's desk: shown in its queue. */
export const OPEN_STATUSES: readonly Status[] = ['received', 'accepted', 'verifying', 'suspended', 'resolved']
/** Nothing more happens to these (a complaint may come back as a new, second-instance case). */
export const FINAL_STATUSES: readonly Status[] = [
  'closed',
  'not_accepted',
  'transferred',
  'guided',
  'filed',
  'withdrawn',
  'duplicate',
]

export const ACTIONS = [
  'accept',
  'refuse',
  'transfer',
  'guide',
  'file',
  'mark_duplicate',
  'reroute',
  'start_verification',
  'extend',
  'suspend',
  'resume',
  'resolve',
  'close',
  'withdraw',
  'escalate',
  'link_repeat',
  'chase',
] as const
export type Action = (typeof ACTIONS)[number]

/** Kinds whose petitioner may withdraw (Law 02/2011 Art. 10; Law 25/2018 Art. 33). */
export const WITHDRAWABLE_KINDS: readonly Kind[] = ['complaint', 'denunciation']
/** Kinds handled under a statutory resolution procedure (verification, extension, suspension). */
const STATUTORY_KINDS: readonly Kind[] = ['complaint', 'denunciation']

const HANDLERS: readonly Role[] = ['committee_handler', 'committee_head']
const TRIAGE: readonly Role[] = ['reception_officer', 'committee_handler', 'committee_head']

export interface Transition {
  readonly action: Action
  readonly from: readonly Status[]
  /**
   * The next status. `same` keeps the status (an extension, a partial withdrawal, a re-route);
   * `previous` returns to the status held before a suspension; a function decides from the
   * action's parameters (an internal transfer stays `received` at the new committee).
   */
  readonly to: Status | 'same' | 'previous' | ((params: Record<string, unknown>) => Status | 'same')
  readonly kinds: readonly Kind[]
  /** Roles that may take the action, within the committee that holds the case. */
  readonly roles: readonly Role[]
  /** Timeline entry type written to the history. */
  readonly event: string
  /** Whether the petitioner sees this step on the public timeline. */
  readonly public: boolean
  /**
   * Taken from above the committee (supervision), not by it: `roles` then apply through
   * `overseeingRoles` (policy.ts), never through the roles held in the case's own committee.
   */
  readonly oversight?: boolean
}

export const TRANSITIONS: readonly Transition[] = [
  {
    action: 'accept',
    from: AWAITING_DECISION,
    to: 'accepted',
    kinds: KINDS,
    roles: HANDLERS,
    event: 'accepted',
    public: true,
  },
  {
    action: 'refuse',
    from: AWAITING_DECISION,
    to: 'not_accepted',
    kinds: KINDS,
    roles: HANDLERS,
    event: 'refused',
    public: true,
  },
  {
    action: 'transfer',
    from: AWAITING_DECISION,
    to: (p) => (typeof p.toCommitteeId === 'string' ? 'received' : 'transferred'),
    kinds: KINDS,
    roles: HANDLERS,
    event: 'transferred',
    public: true,
  },
  {
    action: 'guide',
    from: AWAITING_DECISION,
    to: 'guided',
    kinds: KINDS,
    roles: HANDLERS,
    event: 'guided',
    public: true,
  },
  {
    action: 'file',
    from: AWAITING_DECISION,
    to: 'filed',
    kinds: KINDS,
    roles: HANDLERS,
    event: 'filed',
    public: true,
  },
  {
    action: 'mark_duplicate',
    from: AWAITING_DECISION,
    to: 'duplicate',
    kinds: KINDS,
    roles: TRIAGE,
    event: 'marked_duplicate',
    public: true,
  },
  {
    action: 'reroute',
    from: AWAITING_DECISION,
    to: 'same',
    kinds: KINDS,
    roles: TRIAGE,
    event: 'rerouted',
    public: true,
  },
  {
    action: 'start_verification',
    from: ['accepted'],
    to: 'verifying',
    kinds: STATUTORY_KINDS,
    roles: HANDLERS,
    event: 'verification_started',
    public: true,
  },
  {
    action: 'extend',
    from: ['accepted', 'verifying'],
    to: 'same',
    kinds: STATUTORY_KINDS,
    // Extensions are decided in writing by the head (Law 25/2018 Art. 30; docs/domain.md#extensions).
    roles: ['committee_head'],
    event: 'extended',
    public: true,
  },
  {
    action: 'suspend',
    from: ['accepted', 'verifying'],
    to: 'suspended',
    kinds: STATUTORY_KINDS,
    roles: HANDLERS,
    event: 'suspended',
    public: true,
  },
  {
    action: 'resume',
    from: ['suspended'],
    to: 'previous',
    kinds: STATUTORY_KINDS,
    roles: HANDLERS,
    event: 'resumed',
    public: true,
  },
  {
    action: 'resolve',
    from: IN_RESOLUTION.filter((s) => s !== 'suspended'),
    to: 'resolved',
    kinds: KINDS,
    roles: HANDLERS,
    event: 'resolved',
    public: true,
  },
  {
    action: 'close',
    from: ['resolved'],
    to: 'closed',
    kinds: KINDS,
    roles: HANDLERS,
    event: 'closed',
    public: true,
  },
  {
    action: 'withdraw',
    from: ['received', 'accepted', 'verifying', 'suspended'],
    to: (p) => (p.scope === 'partial' ? 'same' : 'withdrawn'),
    kinds: WITHDRAWABLE_KINDS,
    // Staff record a withdrawal handed in on paper; petitioners withdraw online with their PIN.
    roles: ['reception_officer', ...HANDLERS],
    event: 'withdrawn',
    public: true,
  },
  {
    // Law 25/2018 Art. 38: a denouncer whose denunciation is overdue may ask the superior to act.
    action: 'escalate',
    from: ['accepted', 'verifying'],
    to: 'same',
    kinds: ['denunciation'],
    roles: [],
    event: 'escalated',
    public: true,
  },
  {
    // A repeat of an earlier petition (same petitioner or same content), recognised while the
    // petition is processed, is linked to it for the record and the repeat rate; each petition
    // keeps its own status and clocks (docs/domain.md#actions).
    action: 'link_repeat',
    from: AWAITING_DECISION,
    to: 'same',
    kinds: KINDS,
    roles: TRIAGE,
    event: 'linked_repeat',
    public: false,
  },
  {
    // Đôn đốc: a supervisor or a head above urges the committee on; internal, the status stays.
    action: 'chase',
    from: ['received', 'accepted', 'verifying', 'suspended'],
    to: 'same',
    kinds: KINDS,
    roles: ['supervisor', 'committee_head'],
    event: 'chased',
    public: false,
    oversight: true,
  },
]

/** Actions the petitioner takes with their tracking code and PIN. */
export const PETITIONER_ACTIONS: readonly Action[] = ['withdraw', 'escalate']

export function transitionFor(action: Action): Transition {
  const t = TRANSITIONS.find((x) => x.action === action)
  if (!t) throw new Error(`no transition for ${action}`)
  return t
}

/** Why an action is not available, or undefined when it is (role checks are done by the caller). */
export function refusalReason(
  action: Action,
  state: { status: Status; kind: Kind },
): { code: string; message: string } | undefined {
  const t = transitionFor(action)
  if (!t.kinds.includes(state.kind))
    return { code: 'action_not_for_kind', message: `'${action}' does not apply to a ${state.kind}` }
  if (!t.from.includes(state.status))
    return {
      code: 'action_not_in_state',
      message: `'${action}' is not allowed while the case is ${state.status}`,
    }
  return undefined
}

/** The status after the action, given its parameters and the status held before a suspension. */
export function nextStatus(
  action: Action,
  current: Status,
  params: Record<string, unknown>,
  beforeSuspension?: Status,
): Status {
  const t = transitionFor(action)
  const to = typeof t.to === 'function' ? t.to(params) : t.to
  if (to === 'same') return current
  if (to === 'previous') return beforeSuspension ?? 'accepted'
  return to
}

export function isOpen(status: Status): boolean {
  return OPEN_STATUSES.includes(status)
}
