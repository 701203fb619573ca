/**
 * Repeated and duplicate petitions, the pure part: Vietnamese text folded for comparison, word
 * shingles, a similarity score, MinHash signatures cut into LSH bands, and the key material the
 * store turns into salted hashes (shared/store/repeats.ts). Nothing here is stored as is: key
 * material may carry an identity number or a name and is only ever hashed with a secret salt.
 *
 * How a repeat is found (docs/domain.md#grounds; the rules on not re-handling a petition):
 *   - same petitioner: the identity number, or the folded name together with the folded address;
 *   - same content: word-bigram shingles of the title and the text, compared with a score that is
 *     the mean of Jaccard (how much the two share overall) and containment (how much of the
 *     shorter one the longer one holds: a repeat that adds a paragraph still scores high);
 *   - same subject: the organisation or person the petition is about (`concerns`), folded.
 * Candidates come from exact key matches (identity, name and address, subject) and from LSH
 * bands of a MinHash signature, so near-identical texts share at least one key with high
 * probability while unrelated texts almost never do; each candidate is then scored exactly.
 */
import type { Kind } from './vocabulary.js'

/**
 * Folds Vietnamese text for comparison: canonical decomposition, combining marks (tones and vowel
 * hats) dropped, đ → d, lower case, punctuation to spaces, whitespace collapsed. "Đề nghị" and
 * "de nghi" fold to the same words, as petitions typed without a Vietnamese keyboard do.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFC')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/**
 * Words that carry no subject (folded). Removing them keeps two unrelated petitions from looking
 * alike merely because both are written in the same administrative Vietnamese.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'va la cua cac nhung cho voi tai trong da duoc co khong toi chung de nay mot theo ve den tu thi ma o ' +
    'nhu do bi se dang cung hoac neu khi vi nen tren sau truoc ra vao lai con rat qua ong ba anh chi em ' +
    'nguoi viec nay kia ay day xin kinh gui de nghi ngay thang nam'
  ).split(' '),
)

/** The folded words of a text, without stop words unless asked to keep them. */
export function words(text: string, options: { keepStopWords?: boolean } = {}): string[] {
  const folded = foldVietnamese(text)
  if (!folded) return []
  const all = folded.split(' ')
  return options.keepStopWords ? all : all.filter((w) => !STOP_WORDS.has(w))
}

/**
 * Word n-grams (shingles) of a text. Reordered sentences keep most bigrams; a changed word breaks
 * only the two around it. A text shorter than `n` words gives its words.
 */
export function shingles(text: string, n = 2): Set<string> {
  const w = words(text)
  if (w.length < n) return new Set(w)
  const out = new Set<string>()
  for (let i = 0; i + n <= w.length; i++) out.add(w.slice(i, i + n).join(' '))
  return out
}

function intersectionSize(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  let n = 0
  for (const x of small) if (large.has(x)) n++
  return n
}

/** |A ∩ B| / |A ∪ B|; 0 when both are empty. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const inter = intersectionSize(a, b)
  const union = a.size + b.size - inter
  return union === 0 ? 0 : inter / union
}

/** |A ∩ B| / |A|: how much of A is found in B (0 when A is empty). */
export function containedIn(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  return a.size === 0 ? 0 : intersectionSize(a, b) / a.size
}

export interface ContentComparison {
  /** 0…1, two decimals: mean of Jaccard and of the containment of the shorter in the longer. */
  readonly score: number
  /** Share of the new petition's shingles already in the earlier one: 1 means nothing new. */
  readonly newInEarlier: number
}

const round2 = (x: number) => Math.round(x * 100) / 100

/** Compares a new petition's shingles with an earlier one's. */
export function compareShingles(newer: ReadonlySet<string>, earlier: ReadonlySet<string>): ContentComparison {
  const shorter = newer.size <= earlier.size ? newer : earlier
  const longer = shorter === newer ? earlier : newer
  const score = (jaccard(newer, earlier) + containedIn(shorter, longer)) / 2
  return { score: round2(score), newInEarlier: round2(containedIn(newer, earlier)) }
}

/** The text a petition is compared on: its title and its content (classified by content, not title). */
export function comparableText(p: { readonly title: string; readonly content: string }): string {
  return `${p.title}\n${p.content}`
}

/** Score from which two contents count as similar on their own. */
export const SIMILAR_CONTENT = 0.5
/** A lower score suffices when both petitions concern the same organisation or person. */
export const SIMILAR_CONTENT_SAME_SUBJECT = 0.35
/** From this share of the new petition already in a finally resolved one, it brings nothing new. */
export const NOTHING_NEW = 0.8

// ─── MinHash and LSH bands ─────────────────────────────────────────────────────────────────────

/**
 * Signature length = BANDS × ROWS. A pair with Jaccard J shares at least one band with probability
 * 1 − (1 − J^ROWS)^BANDS; with 8 bands of 2: J 0.55 (a reordered repeat with a few words changed)
 * p ≈ 0.94, J 0.8 p ≈ 0.9999, J 0.2 p ≈ 0.28 (a candidate scored and dropped), J 0.02 (unrelated
 * texts) p ≈ 0.003. Each band is one key item written per petition and one Query at intake.
 */
export const LSH_BANDS = 8
export const LSH_ROWS = 2

/** FNV-1a, 32 bits, over UTF-16 code units. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h >>> 0
}

/** A 32-bit finaliser (murmur3's fmix32) over the word hash xor a per-row seed: one "permutation". */
function mix(x: number): number {
  let h = x >>> 0
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b) >>> 0
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35) >>> 0
  h ^= h >>> 16
  return h >>> 0
}

const SEEDS = Array.from({ length: LSH_BANDS * LSH_ROWS }, (_, i) =>
  mix(0x9e3779b9 ^ Math.imul(i + 1, 0x7feb352d)),
)

/** The MinHash signature of a shingle set (empty set: no signature). */
export function minHash(set: ReadonlySet<string>): number[] | undefined {
  if (set.size === 0) return undefined
  const sig = SEEDS.map(() => 0xffffffff)
  for (const s of set) {
    const h = fnv1a(s)
    for (let i = 0; i < SEEDS.length; i++) {
      const v = mix(h ^ SEEDS[i]!)
      if (v < sig[i]!) sig[i] = v
    }
  }
  return sig
}

/** One key material per band: petitions sharing any band become candidates of each other. */
export function bandMaterials(signature: readonly number[]): string[] {
  const out: string[] = []
  for (let b = 0; b < LSH_BANDS; b++)
    out.push(`band:${b}:${signature.slice(b * LSH_ROWS, (b + 1) * LSH_ROWS).join('.')}`)
  return out
}

// ─── Key material ──────────────────────────────────────────────────────────────────────────────

export const MATCH_REASONS = [
  'same_identity',
  'same_name_address',
  'same_subject',
  'similar_content',
] as const
export type MatchReason = (typeof MATCH_REASONS)[number]
/** Reasons that say who the petitioner is: shown only to those who may see both identities. */
export const IDENTITY_REASONS: readonly MatchReason[] = ['same_identity', 'same_name_address']

export interface KeyMaterial {
  /** Which kind of match a shared key means (content bands are scored before they count). */
  readonly reason: MatchReason
  /** Hashed with the secret salt before it is stored or queried: never stored as is. */
  readonly material: string
}

/** Address words that vary between two writings of the same address. */
const ADDRESS_NOISE: ReadonlySet<string> = new Set(
  'so sn pho duong ngo ngach hem kiet to khu pho phuong p xa thon ap ban quan q huyen thi tran thanh tp tinh khoi xom'.split(
    ' ',
  ),
)

/** A folded name or address as one line of words (address noise words dropped for addresses). */
export function foldedName(name: string): string {
  return words(name, { keepStopWords: true }).join(' ')
}
export function foldedAddress(address: string): string {
  return words(address, { keepStopWords: true })
    .filter((w) => !ADDRESS_NOISE.has(w))
    .join(' ')
}

export interface RepeatProbe {
  readonly title: string
  readonly content: string
  readonly petitioner?: { readonly fullName: string; readonly idNumber?: string; readonly address?: string }
  readonly concerns?: { readonly organization?: string; readonly person?: string }
}

/** Every key material of a petition, and its shingles (for scoring candidates). */
export function repeatKeyMaterials(p: RepeatProbe): { keys: KeyMaterial[]; shingles: Set<string> } {
  const keys: KeyMaterial[] = []
  const id = p.petitioner?.idNumber?.trim()
  if (id) keys.push({ reason: 'same_identity', material: `identity:${id}` })
  const name = p.petitioner ? foldedName(p.petitioner.fullName) : ''
  const address = p.petitioner?.address ? foldedAddress(p.petitioner.address) : ''
  // A name alone is too common to mean the same person; with the address it does.
  if (name && address) keys.push({ reason: 'same_name_address', material: `person:${name}|${address}` })
  for (const [field, value] of Object.entries(subjectsOf(p.concerns)))
    keys.push({ reason: 'same_subject', material: `subject:${field}:${value}` })
  const set = shingles(comparableText(p))
  const signature = minHash(set)
  if (signature)
    for (const material of bandMaterials(signature)) keys.push({ reason: 'similar_content', material })
  return { keys, shingles: set }
}

/** The folded subjects (organisation, person) a petition concerns. */
export function subjectsOf(concerns: RepeatProbe['concerns']): { organization?: string; person?: string } {
  const out: { organization?: string; person?: string } = {}
  const org = concerns?.organization ? foldedName(concerns.organization) : ''
  const person = concerns?.person ? foldedName(concerns.person) : ''
  if (org) out.organization = org
  if (person) out.person = person
  return out
}

// ─── Suggestions and flags ─────────────────────────────────────────────────────────────────────

/** What the new case keeps about an earlier one found at intake. */
export interface RepeatSuggestion {
  readonly code: string
  /** Content similarity, 0…1. */
  readonly score: number
  readonly reasons: readonly MatchReason[]
  /** Share of the new petition's content already in the earlier one. */
  readonly newInEarlier: number
  readonly kind: Kind
  /** The earlier case's status when the new one was received (the staff view shows the current one). */
  readonly status: string
  readonly receivedOn: string
}

/** How many suggestions a case keeps, best first. */
export const MAX_SUGGESTIONS = 5

/**
 * Whether an earlier case is a suggestion, and why: an identity key match always is; a content
 * match needs the score; a shared subject alone is not (many petitions concern one ministry) but
 * lowers the score needed.
 */
export function suggestionReasons(
  keyReasons: ReadonlySet<MatchReason>,
  comparison: ContentComparison,
): MatchReason[] {
  const reasons: MatchReason[] = IDENTITY_REASONS.filter((r) => keyReasons.has(r))
  const sameSubject = keyReasons.has('same_subject')
  const similar =
    comparison.score >= SIMILAR_CONTENT || (sameSubject && comparison.score >= SIMILAR_CONTENT_SAME_SUBJECT)
  if (similar) {
    reasons.push('similar_content')
    if (sameSubject) reasons.push('same_subject')
  }
  return reasons
}

/** Orders suggestions: identity matches first, then by score, then the most recent. */
export function rankSuggestions(list: readonly RepeatSuggestion[]): RepeatSuggestion[] {
  const identity = (s: RepeatSuggestion) => (s.reasons.some((r) => IDENTITY_REASONS.includes(r)) ? 1 : 0)
  return [...list]
    .sort(
      (a, b) => identity(b) - identity(a) || b.score - a.score || b.receivedOn.localeCompare(a.receivedOn),
    )
    .slice(0, MAX_SUGGESTIONS)
}

/** A ground not to handle the new petition again, with its legal basis (docs/domain.md#grounds). */
export interface RepeatFlag {
  readonly code: 'already_guided' | 'finally_decided_nothing_new'
  readonly vi: string
  readonly en: string
  readonly basis: string
}

export const REPEAT_FLAGS: Record<RepeatFlag['code'], Omit<RepeatFlag, 'code'>> = {
  already_guided: {
    vi: 'Đơn có nội dung trùng với đơn đã được hướng dẫn một lần; không xử lý lại nếu không có nội dung mới.',
    en: 'The same content was already answered with guidance once; it is not processed again unless something is new.',
    basis: 'Thông tư 05/2021/TT-TTCP (đơn đã được hướng dẫn một lần)',
  },
  finally_decided_nothing_new: {
    vi: 'Vụ việc đã được giải quyết và đơn mới không có tình tiết mới.',
    en: 'The matter has already been finally decided and the new petition brings nothing new.',
    basis: 'Thông tư 05/2021/TT-TTCP; Luật Khiếu nại 02/2011/QH13, Điều 11(6)',
  },
}

/** Statuses after which an earlier petition counts as finally decided. */
const FINALLY_DECIDED: readonly string[] = ['resolved', 'closed']

/**
 * The flag a similar earlier petition raises on the new one, if any: it was already guided once
 * on the same content, or it was finally decided and the new one adds nothing (its content is
 * almost wholly in the earlier one).
 */
export function repeatFlag(
  earlier: { readonly status: string },
  match: { readonly reasons: readonly MatchReason[]; readonly newInEarlier: number },
): RepeatFlag | undefined {
  if (!match.reasons.includes('similar_content')) return undefined
  if (earlier.status === 'guided') return { code: 'already_guided', ...REPEAT_FLAGS.already_guided }
  if (FINALLY_DECIDED.includes(earlier.status) && match.newInEarlier >= NOTHING_NEW)
    return { code: 'finally_decided_nothing_new', ...REPEAT_FLAGS.finally_decided_nothing_new }
  return undefined
}
