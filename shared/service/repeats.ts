/**
 * Repeated and duplicate petitions at intake and on the case file.
 *
 * At intake (petitions.ts `intake`): the petition's keys are hashed, kept on its CONTENT item and
 * written to the repeat index before the case itself, so every acknowledged case is findable.
 * Finding the earlier cases reads the index (one Query per key, bounded, up to the case's own
 * receipt), reads each candidate's text by key and scores it; the best few are kept on the case
 * as suggestions. A petition recorded at the desk (staff function) gets them at intake; one filed
 * online gets them from the first staff read, because the public function may write keys but
 * never query anything (docs/architecture.md#runtime: a bug in the public surface cannot list
 * other cases, and it must not be able to ask which cases an identity number filed). Either way
 * the result is the same: only cases received up to this one count.
 *
 * On the staff view: each suggestion is shown with the earlier case's current status and, when
 * it applies, the ground not to handle the petition again (docs/domain.md#grounds).
 * Confidentiality: a "same petitioner" reason (identity number, name and address) is shown only
 * to a user who may see the petitioner's identity on both cases (policy.ts `fieldGrants`: never
 * for a denunciation); a suggestion left with no reason the user may see is not shown at all, so the
 * link itself cannot tell a handler who filed a denunciation. The earlier case's code and title
 * are shown only when the user's scope reaches that case; otherwise it is "an earlier petition
 * outside your reach" with its kind, status and the ground not to handle it again: a code is a
 * lead to a case (and to who filed what), so a reader never learns one they may not open.
 */
import type { CaseRecord } from '../domain/case.js'
import type { Status } from '../domain/lifecycle.js'
import type { ActingUser } from '../domain/policy.js'
import { fieldGrants, staffReachesCase } from '../domain/policy.js'
import type { Committee } from '../domain/routing.js'
import {
  comparableText,
  compareShingles,
  IDENTITY_REASONS,
  type MatchReason,
  type RepeatFlag,
  type RepeatProbe,
  type RepeatSuggestion,
  rankSuggestions,
  repeatFlag,
  repeatKeyMaterials,
  shingles,
  suggestionReasons,
} from '../domain/similarity.js'
import { formatTrackingCode } from '../domain/tracking-code.js'
import type { Kind } from '../domain/vocabulary.js'
import type { CaseContent } from '../store/cases.js'
import type { RepeatKey, RepeatStore } from '../store/repeats.js'

/** Earlier cases read and scored at most, per new petition (the best-keyed first). */
export const MAX_CANDIDATES_SCORED = 12

export interface PreparedProbe {
  readonly keys: readonly RepeatKey[]
  readonly shingles: ReadonlySet<string>
}

export interface SuggestionView {
  /** Present only when the user's scope reaches the earlier case. */
  readonly trackingCode?: string
  readonly score: number
  readonly reasons: readonly MatchReason[]
  readonly kind: Kind
  readonly status: Status
  readonly outcome?: string
  readonly receivedOn: string
  /** Present when the user's scope reaches the earlier case. */
  readonly title?: string
  readonly reachable: boolean
  /** A ground not to handle the petition again, with its legal basis, in both languages. */
  readonly flag?: RepeatFlag
}

export function createRepeatService(store: RepeatStore) {
  function prepare(probe: RepeatProbe): PreparedProbe {
    const { keys, shingles: set } = repeatKeyMaterials(probe)
    return { keys: store.hashKeys(keys), shingles: set }
  }

  /** Earlier petitions that look like this one, best first (at most MAX_SUGGESTIONS). */
  async function suggest(
    probe: PreparedProbe,
    self: { readonly receivedAt: string; readonly code?: string },
  ): Promise<RepeatSuggestion[]> {
    if (probe.keys.length === 0) return []
    const found = await store.findByKeys(probe.keys, self)
    const weight = (r: Set<MatchReason>) =>
      [...r].reduce((n, x) => n + (IDENTITY_REASONS.includes(x) ? 10 : x === 'same_subject' ? 1 : 2), 0)
    const candidates = [...found.entries()]
      .sort(([, a], [, b]) => weight(b.reasons) - weight(a.reasons) || b.at.localeCompare(a.at))
      .slice(0, MAX_CANDIDATES_SCORED)
    const scored = await Promise.all(
      candidates.map(async ([code, hit]): Promise<RepeatSuggestion | undefined> => {
        const [earlier, text] = await Promise.all([store.earlierCase(code), store.earlierText(code)])
        // A key whose case was never written, or a code reused after a clash, points nowhere.
        if (!earlier || earlier.receivedAt !== hit.at || text === undefined) return undefined
        const comparison = compareShingles(
          probe.shingles,
          shingles(comparableText({ title: earlier.title, content: text })),
        )
        const reasons = suggestionReasons(hit.reasons, comparison)
        if (reasons.length === 0) return undefined
        return {
          code,
          score: comparison.score,
          reasons,
          newInEarlier: comparison.newInEarlier,
          kind: earlier.kind,
          status: earlier.status,
          receivedOn: earlier.receivedOn,
        }
      }),
    )
    return rankSuggestions(scored.filter((s): s is RepeatSuggestion => s !== undefined))
  }

  /** Writes the new case's keys (idempotent: the same code writes the same items). */
  async function index(probe: PreparedProbe, code: string, receivedAt: string): Promise<void> {
    if (probe.keys.length > 0) await store.indexCase(code, receivedAt, probe.keys)
  }

  /**
   * The case's suggestions: those kept on it, or (a petition filed online, first read by staff)
   * found now from the key hashes on its CONTENT item and kept.
   */
  async function suggestionsOf(
    c: Pick<CaseRecord, 'code' | 'title' | 'receivedAt'> & { readonly repeats?: readonly RepeatSuggestion[] },
    content: CaseContent | undefined,
  ): Promise<readonly RepeatSuggestion[]> {
    if (c.repeats) return c.repeats
    if (!content?.repeatKeys) return []
    const probe: PreparedProbe = {
      keys: content.repeatKeys as readonly RepeatKey[],
      shingles: shingles(comparableText({ title: c.title, content: content.content })),
    }
    const found = await suggest(probe, { receivedAt: c.receivedAt, code: c.code })
    await store.saveSuggestions(c.code, found)
    return found
  }

  /** The suggestions as this user may see them on this case (see the module header). */
  async function view(
    c: Pick<CaseRecord, 'committeeId' | 'ownerId' | 'kind' | 'history'>,
    suggestions: readonly RepeatSuggestion[] | undefined,
    user: ActingUser,
    committees: readonly Committee[],
  ): Promise<SuggestionView[]> {
    if (!suggestions?.length) return []
    const seesThisIdentity = fieldGrants(user, c, committees).identity
    const shown = await Promise.all(
      suggestions.map(async (s): Promise<SuggestionView | undefined> => {
        const earlier = await store.earlierCase(s.code)
        if (!earlier) return undefined
        const seesBoth = seesThisIdentity && fieldGrants(user, earlier, committees).identity
        const reasons = seesBoth ? s.reasons : s.reasons.filter((r) => !IDENTITY_REASONS.includes(r))
        if (reasons.length === 0) return undefined
        const reachable = staffReachesCase(user, earlier, committees)
        const flag = repeatFlag(earlier, { reasons, newInEarlier: s.newInEarlier })
        return {
          ...(reachable ? { trackingCode: formatTrackingCode(s.code) } : {}),
          score: s.score,
          reasons,
          kind: earlier.kind,
          status: earlier.status,
          ...(earlier.answer?.outcome ? { outcome: earlier.answer.outcome } : {}),
          receivedOn: earlier.receivedOn,
          ...(reachable ? { title: earlier.title } : {}),
          reachable,
          ...(flag ? { flag } : {}),
        }
      }),
    )
    return shown.filter((v): v is SuggestionView => v !== undefined)
  }

  return { prepare, suggest, suggestionsOf, index, view }
}

export type RepeatService = ReturnType<typeof createRepeatService>
