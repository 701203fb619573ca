/**
 * Coded grounds and outcomes, each with plain words for the petitioner (docs/domain.md#grounds).
 * The codes are stable API values; the words are shown on the tracking page and in answers.
 */
import type { Kind } from './vocabulary.js'

export interface CodedText {
  readonly vi: string
  readonly en: string
  readonly basis?: string
}

/** Grounds not to accept a complaint (Law 02/2011 Art. 11) and not to process a petition. */
export const REFUSAL_REASONS = {
  not_subject_to_complaint: {
    vi: 'Quyết định, hành vi bị khiếu nại không thuộc đối tượng khiếu nại theo luật.',
    en: 'The decision or act complained about cannot be the subject of a complaint under the law.',
    basis: 'Luật Khiếu nại 02/2011/QH13, Điều 11(1)',
  },
  no_related_interest: {
    vi: 'Quyết định, hành vi bị khiếu nại không liên quan trực tiếp đến quyền, lợi ích hợp pháp của người khiếu nại.',
    en: 'The decision or act does not directly affect the complainant’s lawful rights or interests.',
    basis: 'Luật Khiếu nại 02/2011/QH13, Điều 11(2)',
  },
  no_legal_capacity: {
    vi: 'Người khiếu nại không có năng lực hành vi dân sự đầy đủ mà không có người đại diện hợp pháp.',
    en: 'The complainant lacks full legal capacity and has no lawful representative.',
    basis: 'Luật Khiếu nại 02/2011/QH13, Điều 11(3)',
  },
  unlawful_representative: {
    vi: 'Người đại diện không hợp pháp.',
    en: 'The representative is not a lawful representative.',
    basis: 'Luật Khiếu nại 02/2011/QH13, Điều 11(4)',
  },
  limitation_expired: {
    vi: 'Đơn gửi khi đã hết thời hiệu khiếu nại mà không có lý do chính đáng.',
    en: 'The complaint was filed after the limitation period without a legitimate reason.',
    basis: 'Luật Khiếu nại 02/2011/QH13, Điều 11(5)',
  },
  already_finally_resolved: {
    vi: 'Việc khiếu nại đã có quyết định giải quyết lần hai.',
    en: 'The complaint has already been decided at the second instance.',
    basis: 'Luật Khiếu nại 02/2011/QH13, Điều 11(6)',
  },
  before_court: {
    vi: 'Việc khiếu nại đã được Tòa án thụ lý hoặc đã có bản án, quyết định của Tòa án.',
    en: 'A court has accepted the matter or has already ruled on it.',
    basis: 'Luật Khiếu nại 02/2011/QH13, Điều 11(8)',
  },
  sent_to_several_bodies: {
    vi: 'Đơn đồng thời gửi nhiều nơi, trong đó đã gửi đến cơ quan có thẩm quyền giải quyết.',
    en: 'The petition was sent to several bodies, including the one competent to resolve it.',
    basis: 'Thông tư 05/2021/TT-TTCP',
  },
  already_guided: {
    vi: 'Đơn có nội dung đã được hướng dẫn một lần.',
    en: 'Guidance on the same content has already been given once.',
    basis: 'Thông tư 05/2021/TT-TTCP',
  },
  finally_decided_nothing_new: {
    vi: 'Vụ việc đã được giải quyết đúng pháp luật và đơn không có tình tiết mới.',
    en: 'The matter has been lawfully decided and the petition brings nothing new.',
    basis: 'Thông tư 05/2021/TT-TTCP',
  },
  anonymous_denunciation: {
    vi: 'Tố cáo nặc danh, mạo danh không được thụ lý giải quyết như tố cáo.',
    en: 'An anonymous or false-name denunciation is not handled as a denunciation.',
    basis: 'Luật Tố cáo 25/2018/QH14, Điều 25',
  },
  not_competent: {
    vi: 'Nội dung đơn không thuộc thẩm quyền giải quyết.',
    en: 'The content is outside the competence of this body.',
    basis: 'Luật Tiếp công dân 42/2013/QH13, Điều 28',
  },
} as const satisfies Record<string, CodedText>
export type RefusalReason = keyof typeof REFUSAL_REASONS
export const REFUSAL_REASON_CODES = Object.keys(REFUSAL_REASONS) as [RefusalReason, ...RefusalReason[]]

/** How a case was resolved, per kind. */
export const OUTCOMES = {
  upheld: { vi: 'Khiếu nại đúng', en: 'Complaint upheld' },
  partly_upheld: { vi: 'Khiếu nại đúng một phần', en: 'Complaint partly upheld' },
  rejected: { vi: 'Khiếu nại sai', en: 'Complaint rejected' },
  founded: { vi: 'Tố cáo đúng', en: 'Denunciation founded' },
  partly_founded: { vi: 'Tố cáo đúng một phần', en: 'Denunciation partly founded' },
  unfounded: { vi: 'Tố cáo sai', en: 'Denunciation unfounded' },
  adopted: { vi: 'Tiếp thu, giải quyết', en: 'Adopted and acted upon' },
  answered: { vi: 'Đã trả lời, giải thích', en: 'Answered with an explanation' },
  not_adopted: { vi: 'Không tiếp thu', en: 'Not adopted' },
} as const satisfies Record<string, CodedText>
export type Outcome = keyof typeof OUTCOMES
export const OUTCOME_CODES = Object.keys(OUTCOMES) as [Outcome, ...Outcome[]]

export const OUTCOMES_BY_KIND: Record<Kind, readonly Outcome[]> = {
  complaint: ['upheld', 'partly_upheld', 'rejected'],
  denunciation: ['founded', 'partly_founded', 'unfounded'],
  recommendation: ['adopted', 'answered', 'not_adopted'],
  feedback: ['adopted', 'answered', 'not_adopted'],
}
