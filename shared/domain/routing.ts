/**
 * Routing: which committee is competent for a petition. Rules are data (kept in the CONFIG /
 * ROUTING item, edited by admins), tried by priority; the first match wins; when none matches the
 * petition goes to the intake office, which triages it by hand. Every decision carries a reason a
 * person can read.
 */
import type { Kind } from './vocabulary.js'

export const TOPICS = {
  party_discipline: { vi: 'Vi phạm Điều lệ, kỷ luật Đảng', en: 'Breach of Party rules or discipline' },
  corruption: { vi: 'Tham nhũng, tiêu cực', en: 'Corruption and misconduct' },
  land: { vi: 'Đất đai, nhà ở', en: 'Land and housing' },
  personnel: { vi: 'Công tác cán bộ', en: 'Personnel matters' },
  policy: { vi: 'Chế độ, chính sách', en: 'Benefits and policies' },
  administration: { vi: 'Thủ tục hành chính', en: 'Administrative procedures' },
  finance: { vi: 'Tài chính, tài sản công', en: 'Public finance and assets' },
  other: { vi: 'Nội dung khác', en: 'Other' },
} as const
export type Topic = keyof typeof TOPICS
export const TOPIC_CODES = Object.keys(TOPICS) as [Topic, ...Topic[]]

export type SubmitterType = 'member' | 'citizen'
export const COMMITTEE_TYPES = ['root', 'office', 'inspection', 'subordinate'] as const
export type CommitteeType = (typeof COMMITTEE_TYPES)[number]

export interface Committee {
  readonly id: string
  readonly name: string
  readonly nameEn?: string
  readonly parentId?: string
  readonly type: CommitteeType
  /** Names of the agencies this committee is competent for, matched against `concerns.organization`. */
  readonly organizations: readonly string[]
  /** Remote or disadvantaged area: longer complaint limits (Law 02/2011 Art. 28, 37). */
  readonly remoteArea?: boolean
  /** How its official documents are headed and signed (docs/documents.md#issuing). */
  readonly documents?: CommitteeDocumentSettings
}

/** A committee's document settings; each has a default (a Party body in Hà Nội). */
export interface CommitteeDocumentSettings {
  /** Party bodies (the default) or State bodies (national motto, Decree 30/2020/NĐ-CP). */
  readonly headerStyle?: 'party' | 'state'
  /** The abbreviation in number/symbols (`ĐUK`); default: the initials of its name. */
  readonly issuerCode?: string
  /** The place written before the date; default Hà Nội. */
  readonly place?: string
  /** "T/M BAN THƯỜNG VỤ", "K/T CHỦ NHIỆM", …: when the signer signs on behalf of the body. */
  readonly signerAuthority?: string
  /** The signer's title; default BÍ THƯ. */
  readonly signerTitle?: string
}

export interface RoutingRule {
  readonly id: string
  readonly priority: number
  readonly description: { readonly vi: string; readonly en: string }
  readonly kinds?: readonly Kind[]
  readonly topics?: readonly string[]
  readonly submitterTypes?: readonly SubmitterType[]
  /** Matches when the concerned organisation names one of these (accent- and case-insensitive). */
  readonly organizations?: readonly string[]
  /** A fixed committee, or the committee whose `organizations` name the concerned organisation. */
  readonly target: { readonly committeeId: string } | { readonly byConcernedOrganization: true }
}

export interface RoutingInput {
  readonly kind: Kind
  readonly topic?: string
  readonly submitterType: SubmitterType
  readonly concernedOrganization?: string
}

export interface RoutingDecision {
  readonly committeeId: string
  readonly ruleId?: string
  readonly reason: { readonly vi: string; readonly en: string }
}

/** Lower case, no Vietnamese accents, single spaces: "Bộ Tài chính " → "bo tai chinh". */
export function normalizeName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
}

function names(text: string | undefined, list: readonly string[]): string | undefined {
  if (!text) return undefined
  const haystack = normalizeName(text)
  return list.find((n) => {
    const needle = normalizeName(n)
    return needle.length > 0 && haystack.includes(needle)
  })
}

/** The committee whose agencies the text names; the longest (most specific) name wins. */
export function committeeForOrganization(
  committees: readonly Committee[],
  organization: string | undefined,
): { committee: Committee; matched: string } | undefined {
  let best: { committee: Committee; matched: string } | undefined
  for (const committee of committees) {
    const matched = names(organization, committee.organizations)
    if (matched && (!best || normalizeName(matched).length > normalizeName(best.matched).length))
      best = { committee, matched }
  }
  return best
}

/**
 * Decides the competent committee. Pure: the rules and the committee tree come in as data.
 * Rules naming a committee that no longer exists are skipped rather than routing into a void.
 */
export function routePetition(
  input: RoutingInput,
  rules: readonly RoutingRule[],
  committees: readonly Committee[],
): RoutingDecision {
  const byId = new Map(committees.map((c) => [c.id, c]))
  const ordered = [...rules].sort((a, b) => a.priority - b.priority || a.id.localeCompare(b.id))
  for (const rule of ordered) {
    if (rule.kinds && !rule.kinds.includes(input.kind)) continue
    if (rule.topics && !(input.topic && rule.topics.includes(input.topic))) continue
    if (rule.submitterTypes && !rule.submitterTypes.includes(input.submitterType)) continue
    if (rule.organizations && !names(input.concernedOrganization, rule.organizations)) continue
    if ('committeeId' in rule.target) {
      const committee = byId.get(rule.target.committeeId)
      if (!committee) continue
      return {
        committeeId: committee.id,
        ruleId: rule.id,
        reason: {
          vi: `Theo quy tắc "${rule.description.vi}": chuyển ${committee.name}.`,
          en: `By the rule "${rule.description.en}": sent to ${committee.nameEn ?? committee.name}.`,
        },
      }
    }
    const found = committeeForOrganization(committees, input.concernedOrganization)
    if (!found) continue
    return {
      committeeId: found.committee.id,
      ruleId: rule.id,
      reason: {
        vi: `Theo quy tắc "${rule.description.vi}": đơn liên quan đến "${found.matched}", thuộc thẩm quyền của ${found.committee.name}.`,
        en: `By the rule "${rule.description.en}": the petition concerns "${found.matched}", which is within the competence of ${found.committee.nameEn ?? found.committee.name}.`,
      },
    }
  }
  const office = committees.find((c) => c.type === 'office') ?? committees.find((c) => c.type === 'root')
  if (!office) throw new Error('the committee tree has neither an intake office nor a root')
  return {
    committeeId: office.id,
    reason: {
      vi: `Không quy tắc nào xác định được cơ quan có thẩm quyền: đơn được chuyển ${office.name} để phân loại, xử lý.`,
      en: `No rule identified the competent body: the petition goes to ${office.nameEn ?? office.name} for triage.`,
    },
  }
}

/** The committee and every committee above it, nearest first. */
export function ancestry(committees: readonly Committee[], id: string): Committee[] {
  const byId = new Map(committees.map((c) => [c.id, c]))
  const chain: Committee[] = []
  let current = byId.get(id)
  while (current && chain.length <= committees.length) {
    chain.push(current)
    current = current.parentId ? byId.get(current.parentId) : undefined
  }
  return chain
}
