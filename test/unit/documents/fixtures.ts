/** A case, a committee and a petitioner with distinctive identity markers, for the document tests. */
import { strFromU8, unzipSync } from 'fflate'
import {
  type AnyTemplate,
  type DocumentSource,
  type HeaderStyle,
  type Track,
  trackOf,
} from '../../../shared/domain/documents/index.js'
import type { Action } from '../../../shared/domain/lifecycle.js'
import { OUTCOMES_BY_KIND } from '../../../shared/domain/reasons.js'
import type { ActionInput } from '../../../shared/domain/schemas.js'
import { KINDS, type Kind } from '../../../shared/domain/vocabulary.js'

/** Strings that must never appear in a document to anyone but the petitioner. */
export const IDENTITY = {
  fullName: 'Zyxwanda Quốc Bảo',
  address: '99 ngõ Bí Mật, phường Ẩn Danh',
  phone: '0987654321',
  email: 'zyx.secret@example.vn',
  idNumber: '079123456789',
} as const
/** Contact details and the identity number are printed in no document at all. */
export const NEVER_PRINTED = [IDENTITY.phone, IDENTITY.email, IDENTITY.idNumber]

export const ANSWER = 'Nội dung trả lời dòng thứ nhất QX7.\nDòng thứ hai của câu trả lời QX8.'
export const CONTENT_SUMMARY = 'Tóm tắt nội dung tố cáo về việc mua sắm tài sản công KZ9.'
export const GUIDANCE = 'Gửi đơn đến Ủy ban nhân dân quận Hoàn Kiếm GD4.'
export const OUTSIDE_BODY = 'Thanh tra thành phố Hà Nội TB5'
export const ACCUSED = 'Ông Trần Bị Tố'

export function decisionFor(action: Action, kind: Kind): ActionInput {
  switch (action) {
    case 'accept':
      return { action: 'accept' }
    case 'refuse':
      return { action: 'refuse', reason: 'not_competent' }
    case 'transfer':
      return { action: 'transfer', toBody: OUTSIDE_BODY }
    case 'guide':
      return { action: 'guide', guidance: GUIDANCE }
    case 'extend':
      return { action: 'extend', complexity: 'complex', days: 30, reason: 'nhiều nơi phải xác minh' }
    case 'resolve':
      return { action: 'resolve', answer: ANSWER, outcome: OUTCOMES_BY_KIND[kind][0]! }
    default:
      throw new Error(`no document decision for ${action}`)
  }
}

export function sourceFor(
  template: AnyTemplate,
  kind: Kind,
  style: HeaderStyle,
  overrides: Partial<DocumentSource> = {},
): DocumentSource {
  const action = template.actions[0]!
  return {
    case: {
      code: 'K7QM-2XP4',
      kind,
      receivedOn: '2026-02-09',
      facts: { instance: 1 },
      history: [{ type: 'accepted', at: '2026-02-13T03:00:00Z' }],
    },
    decision: decisionFor(action, kind),
    style,
    committee: {
      name: 'Đảng ủy Bộ Tài chính',
      superior: 'Đảng bộ Khối các cơ quan Trung ương',
      place: 'Hà Nội',
      issuerCode: 'ĐUBTC',
      signer: { authority: 'T/M BAN THƯỜNG VỤ', title: 'PHÓ BÍ THƯ', name: 'Lê Văn Ký' },
    },
    register: { number: 12, issuedOn: '2026-03-05' },
    draftOn: '2026-03-04',
    deadline: { dueDate: '2026-04-06', basis: 'Luật Tố cáo 25/2018/QH14, Điều 30' },
    contentSummary: CONTENT_SUMMARY,
    recipient: { name: template.addressee === 'accused' ? ACCUSED : OUTSIDE_BODY },
    petitioner: { ...IDENTITY },
    ...overrides,
  }
}

/** The (track, kind) pairs a template declares that a case can actually have. */
export function combinations(template: AnyTemplate): { track: Track; kind: Kind }[] {
  const out: { track: Track; kind: Kind }[] = []
  for (const kind of KINDS)
    for (const topic of [undefined, 'party_discipline']) {
      const track = trackOf({ kind, topic })
      if (template.kinds.includes(kind) && template.tracks.includes(track)) {
        if (!out.some((c) => c.track === track && c.kind === kind)) out.push({ track, kind })
      }
    }
  return out
}

export function unzipDocx(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]))
}

function unescapeXml(s: string): string {
  return s
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&apos;', "'")
    .replaceAll('&amp;', '&')
}

/** The non-empty paragraphs of word/document.xml, in order. */
export function docxParagraphs(documentXml: string): string[] {
  return [...documentXml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => unescapeXml(t[1]!)).join(''))
    .filter((t) => t !== '')
}

/** The non-empty paragraphs of the preview's page, in order. */
export function htmlParagraphs(html: string): string[] {
  const page = /<article[\s\S]*<\/article>/.exec(html)?.[0] ?? ''
  return [...page.matchAll(/<p(?: [^>]*)?>([\s\S]*?)<\/p>/g)]
    .map((m) => unescapeXml(m[1]!))
    .filter((t) => t !== '')
}
