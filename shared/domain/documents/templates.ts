/**
 * The document templates (docs/documents.md#templates): one per decision and legal track, each
 * with the action it records, its addressee, its legal basis and the form it follows. The body is
 * data (blocks with typed placeholders); the layout around it (header, signature, copies) is the
 * same for every template and comes from docs/documents.md#layout.
 *
 * Every form number is marked `confirm`: none could be checked against the instrument's own
 * appendix in this repository's material.
 */
import { DomainError } from '../errors.js'
import type { Action } from '../lifecycle.js'
import type { Kind } from '../vocabulary.js'
import type {
  Addressee,
  AnyTemplate,
  Block,
  Citation,
  FieldKey,
  FieldRef,
  FieldsFor,
  FormReference,
  Inline,
  Template,
  Track,
} from './types.js'

/** A template is unknown, or does not record this action for this case and addressee. */
export class DocumentError extends DomainError {}

// --- Builders: the body reads as the document's sentences, with ${f('field')} where a value goes.

function f<K extends FieldKey>(field: K): FieldRef<K> {
  return { field }
}
/** A field the case may lack: the block holding it is left out when it has no value. */
function opt<K extends FieldKey>(field: K): FieldRef<K> {
  return { field, optional: true }
}
function line<K extends FieldKey = never>(
  strings: TemplateStringsArray,
  ...refs: FieldRef<K>[]
): Inline<K>[] {
  const out: Inline<K>[] = []
  strings.forEach((s, i) => {
    if (s) out.push(s)
    const ref = refs[i]
    if (ref) out.push(ref)
  })
  return out
}
function p<K extends FieldKey = never>(strings: TemplateStringsArray, ...refs: FieldRef<K>[]): Block<K> {
  return { type: 'paragraph', text: line(strings, ...refs) }
}
function basisLine<K extends FieldKey = never>(
  strings: TemplateStringsArray,
  ...refs: FieldRef<K>[]
): Block<K> {
  return { type: 'basis', text: line(strings, ...refs) }
}
function heading(text: string): Block<never> {
  return { type: 'heading', text: [text] }
}
function text<K extends FieldKey>(field: FieldRef<K>): Block<K> {
  return { type: 'text', field }
}
function template<A extends Addressee>(t: Template<A>): Template<A> {
  return t
}

/** "Kính gửi: <name>" and the address line, for a document to the petitioner. */
const TO_PETITIONER = [
  { type: 'recipient', text: line`Kính gửi: ${f('petitioner.name')}` },
  p`Địa chỉ: ${opt('petitioner.address')}`,
] as const satisfies readonly Block<FieldsFor<'petitioner'>>[]
const TO_RECIPIENT = [
  { type: 'recipient', text: line`Kính gửi: ${f('recipient.name')}` },
] as const satisfies readonly Block<FieldsFor<'other_body'>>[]

// --- Legal sources.

const cite = (vi: string, en: string, confirm?: true): Citation =>
  confirm ? { vi, en, confirm } : { vi, en }
const COMPLAINTS = (vi: string, en: string) =>
  cite(`Luật Khiếu nại số 02/2011/QH13, ${vi}`, `Law on Complaints 02/2011/QH13, ${en}`)
const DENUNCIATIONS = (vi: string, en: string) =>
  cite(`Luật Tố cáo số 25/2018/QH14, ${vi}`, `Law on Denunciations 25/2018/QH14, ${en}`)
const CIRCULAR_05 = (vi: string, en: string, confirm?: true) =>
  cite(`Thông tư số 05/2021/TT-TTCP, ${vi}`, `Circular 05/2021/TT-TTCP, ${en}`, confirm)
const RECEPTION = (vi: string, en: string) =>
  cite(`Luật Tiếp công dân số 42/2013/QH13, ${vi}`, `Law on Citizen Reception 42/2013/QH13, ${en}`)
const PARTY_CHARTER = cite('Điều lệ Đảng, Điều 39', 'Party Charter, Art. 39')
const PARTY_REGULATION = cite(
  'Quy định số 22-QĐ/TW (2021) về công tác kiểm tra, giám sát và kỷ luật của Đảng',
  'Regulation 22-QĐ/TW (2021) on Party inspection, supervision and discipline',
  true,
)
const PARTY_GUIDE = cite(
  'Hướng dẫn số 02-HD/TW (2021) thực hiện Quy định số 22-QĐ/TW',
  'Guide 02-HD/TW (2021) on Regulation 22-QĐ/TW',
  true,
)

const form = (instrument: string, number?: string): FormReference =>
  number ? { instrument, number, confirm: true } : { instrument, confirm: true }
const DECREE_124 = 'Nghị định số 124/2020/NĐ-CP, Phụ lục'
const DECREE_31 = 'Nghị định số 31/2019/NĐ-CP, Phụ lục'
const CIRCULAR_05_FORMS = 'Thông tư số 05/2021/TT-TTCP, Phụ lục'
const PARTY_FORMS = 'Hướng dẫn số 02-HD/TW (2021), Phụ lục'

const ALL_KINDS: readonly Kind[] = ['complaint', 'denunciation', 'recommendation', 'feedback']
const PROPOSALS: readonly Kind[] = ['recommendation', 'feedback']
const STATUTORY: readonly Kind[] = ['complaint', 'denunciation']

const RECEIVED = p`Ngày ${f('case.receivedOn')}, ${f('committee.name')} nhận được đơn ${f('case.kindName')} (mã hồ sơ ${f('case.code')}).`
const ANSWER = text(f('decision.answer'))

// --- Complaints (Law 02/2011/QH13).

const complaintTemplates = [
  template({
    id: 'complaint.acceptance',
    actions: ['accept'],
    tracks: ['complaint'],
    kinds: ['complaint'],
    addressee: 'petitioner',
    type: 'notice',
    name: cite('Thông báo thụ lý giải quyết khiếu nại', 'Notice of acceptance of a complaint'),
    subject: line`Về việc thụ lý giải quyết khiếu nại ${f('case.instance')}`,
    basis: [COMPLAINTS('Điều 27, Điều 36', 'Arts. 27, 36')],
    form: form(DECREE_124, 'Mẫu số 01'),
    body: [
      ...TO_PETITIONER,
      RECEIVED,
      p`Căn cứ Luật Khiếu nại, ${f('committee.name')} thông báo: đơn khiếu nại của ông (bà) đủ điều kiện và đã được thụ lý giải quyết ${f('case.instance')} từ ${f('case.acceptedOn')}.`,
      p`Thời hạn giải quyết: đến hết ${f('case.deadline')} (${f('case.deadlineBasis')}).`,
      p`Ông (bà) theo dõi việc giải quyết bằng mã hồ sơ ${f('case.code')} và mã PIN đã được cấp.`,
    ],
  }),
  template({
    id: 'complaint.refusal',
    actions: ['refuse'],
    tracks: ['complaint'],
    kinds: ['complaint'],
    addressee: 'petitioner',
    type: 'notice',
    name: cite('Thông báo không thụ lý giải quyết khiếu nại', 'Notice of refusal of a complaint'),
    subject: line`Về việc không thụ lý giải quyết khiếu nại`,
    basis: [COMPLAINTS('Điều 11, Điều 27', 'Arts. 11, 27')],
    form: form(DECREE_124, 'Mẫu số 02'),
    body: [
      ...TO_PETITIONER,
      RECEIVED,
      p`Sau khi xem xét, ${f('committee.name')} không thụ lý giải quyết khiếu nại của ông (bà), vì lý do: ${f('decision.reason')}`,
      p`Căn cứ: ${f('decision.reasonBasis')}.`,
    ],
  }),
  template({
    id: 'complaint.extension',
    actions: ['extend'],
    tracks: ['complaint'],
    kinds: ['complaint'],
    addressee: 'petitioner',
    type: 'notice',
    name: cite('Thông báo kéo dài thời hạn giải quyết khiếu nại', 'Notice of an extended complaint deadline'),
    subject: line`Về việc kéo dài thời hạn giải quyết khiếu nại`,
    basis: [COMPLAINTS('Điều 28, Điều 37', 'Arts. 28, 37')],
    form: form(DECREE_124),
    body: [
      ...TO_PETITIONER,
      p`Đơn khiếu nại của ông (bà) (mã hồ sơ ${f('case.code')}) đã được ${f('committee.name')} thụ lý giải quyết từ ${f('case.acceptedOn')}.`,
      p`Do vụ việc phức tạp (${f('decision.extensionReason')}), thời hạn giải quyết được kéo dài đến hết ${f('case.deadline')} (${f('case.deadlineBasis')}).`,
    ],
  }),
  template({
    id: 'complaint.resolution',
    actions: ['resolve'],
    tracks: ['complaint'],
    kinds: ['complaint'],
    addressee: 'petitioner',
    type: 'decision',
    name: cite('Quyết định giải quyết khiếu nại', 'Complaint resolution decision'),
    subject: line`Về việc giải quyết khiếu nại ${f('case.instance')}`,
    basis: [COMPLAINTS('Điều 31, Điều 32, Điều 40, Điều 41', 'Arts. 31, 32, 40, 41')],
    form: form(DECREE_124, 'Mẫu số 15'),
    body: [
      basisLine`Căn cứ Luật Khiếu nại số 02/2011/QH13;`,
      basisLine`Căn cứ hồ sơ giải quyết khiếu nại (mã hồ sơ ${f('case.code')}) thụ lý ${f('case.acceptedOn')};`,
      basisLine`Xét đơn khiếu nại của ${f('petitioner.name')}, địa chỉ: ${opt('petitioner.address')};`,
      heading('QUYẾT ĐỊNH:'),
      p`Điều 1. Kết quả giải quyết: ${f('decision.outcome')}.`,
      ANSWER,
      p`Điều 2. Người khiếu nại không đồng ý với quyết định này có quyền khiếu nại tiếp hoặc khởi kiện vụ án hành chính tại Tòa án theo quy định của pháp luật.`,
      p`Điều 3. Quyết định có hiệu lực kể từ ngày ký và được gửi cho người khiếu nại, người bị khiếu nại và cơ quan, tổ chức có liên quan.`,
    ],
  }),
] as const

// --- Denunciations (Law 25/2018/QH14). The denouncer's identity stays in the denouncer's documents.

const denunciationTemplates = [
  template({
    id: 'denunciation.acceptance',
    actions: ['accept'],
    tracks: ['denunciation'],
    kinds: ['denunciation'],
    addressee: 'petitioner',
    type: 'notice',
    name: cite(
      'Thông báo thụ lý tố cáo (gửi người tố cáo)',
      'Notice of acceptance of a denunciation (denouncer)',
    ),
    subject: line`Về việc thụ lý tố cáo`,
    basis: [DENUNCIATIONS('Điều 29', 'Art. 29')],
    form: form(DECREE_31),
    body: [
      ...TO_PETITIONER,
      RECEIVED,
      p`Căn cứ Điều 29 Luật Tố cáo, ${f('committee.name')} thông báo: tố cáo của ông (bà) đã được thụ lý giải quyết từ ${f('case.acceptedOn')}.`,
      p`Thời hạn giải quyết: đến hết ${f('case.deadline')} (${f('case.deadlineBasis')}).`,
      p`Họ tên, địa chỉ, bút tích và các thông tin cá nhân khác của người tố cáo được giữ bí mật theo quy định của Luật Tố cáo.`,
    ],
  }),
  template({
    id: 'denunciation.content_notice',
    actions: ['accept'],
    tracks: ['denunciation'],
    kinds: ['denunciation'],
    addressee: 'accused',
    type: 'notice',
    name: cite(
      'Thông báo nội dung tố cáo (gửi người bị tố cáo)',
      'Notice of the denunciation’s content (accused)',
    ),
    subject: line`Về nội dung tố cáo`,
    basis: [DENUNCIATIONS('Điều 29 khoản 3', 'Art. 29(3)')],
    form: form(DECREE_31),
    body: [
      ...TO_RECIPIENT,
      p`Ngày ${f('case.acceptedOn')}, ${f('committee.name')} thụ lý giải quyết tố cáo (mã hồ sơ ${f('case.code')}) có nội dung liên quan đến ông (bà).`,
      p`Căn cứ khoản 3 Điều 29 Luật Tố cáo, ${f('committee.name')} thông báo nội dung tố cáo như sau:`,
      text(f('decision.contentSummary')),
      p`Đề nghị ông (bà) giải trình bằng văn bản và cung cấp thông tin, tài liệu, chứng cứ có liên quan.`,
    ],
  }),
  template({
    id: 'denunciation.refusal',
    actions: ['refuse'],
    tracks: ['denunciation'],
    kinds: ['denunciation'],
    addressee: 'petitioner',
    type: 'notice',
    name: cite('Thông báo không thụ lý tố cáo', 'Notice of refusal of a denunciation'),
    subject: line`Về việc không thụ lý tố cáo`,
    basis: [DENUNCIATIONS('Điều 29', 'Art. 29')],
    form: form(DECREE_31),
    body: [
      ...TO_PETITIONER,
      RECEIVED,
      p`Sau khi xem xét, ${f('committee.name')} không thụ lý giải quyết tố cáo, vì lý do: ${f('decision.reason')}`,
      p`Căn cứ: ${f('decision.reasonBasis')}.`,
    ],
  }),
  template({
    id: 'denunciation.transfer',
    actions: ['transfer'],
    tracks: ['denunciation'],
    kinds: ['denunciation'],
    addressee: 'other_body',
    type: 'transfer_slip',
    name: cite('Phiếu chuyển đơn tố cáo', 'Denunciation transfer slip'),
    subject: line`Về việc chuyển đơn tố cáo`,
    basis: [DENUNCIATIONS('Điều 24 khoản 2', 'Art. 24(2)'), CIRCULAR_05('Điều 14', 'Art. 14')],
    form: form(CIRCULAR_05_FORMS),
    body: [
      ...TO_RECIPIENT,
      RECEIVED,
      p`Nội dung tố cáo không thuộc thẩm quyền giải quyết của ${f('committee.name')}. Căn cứ khoản 2 Điều 24 Luật Tố cáo, ${f('committee.name')} chuyển đơn đến ${f('recipient.name')} để giải quyết theo thẩm quyền.`,
      p`Đơn được chuyển theo chế độ mật. Họ tên, địa chỉ, bút tích và các thông tin cá nhân khác của người tố cáo phải được giữ bí mật theo Điều 8 và Điều 9 Luật Tố cáo.`,
    ],
  }),
  template({
    id: 'denunciation.transfer_notice',
    actions: ['transfer'],
    tracks: ['denunciation'],
    kinds: ['denunciation'],
    addressee: 'petitioner',
    type: 'notice',
    name: cite(
      'Thông báo chuyển đơn tố cáo (gửi người tố cáo)',
      'Notice of a denunciation’s transfer (denouncer)',
    ),
    subject: line`Về việc chuyển đơn tố cáo`,
    basis: [DENUNCIATIONS('Điều 24 khoản 2', 'Art. 24(2)')],
    form: form(CIRCULAR_05_FORMS),
    body: [
      ...TO_PETITIONER,
      RECEIVED,
      p`Nội dung tố cáo không thuộc thẩm quyền giải quyết của ${f('committee.name')}. Căn cứ khoản 2 Điều 24 Luật Tố cáo, ${f('committee.name')} đã chuyển đơn đến ${f('decision.target')} để giải quyết theo thẩm quyền.`,
      p`Thông tin cá nhân của người tố cáo được giữ bí mật theo quy định của Luật Tố cáo.`,
    ],
  }),
  template({
    id: 'denunciation.extension',
    actions: ['extend'],
    tracks: ['denunciation'],
    kinds: ['denunciation'],
    addressee: 'petitioner',
    type: 'notice',
    name: cite('Thông báo gia hạn giải quyết tố cáo (gửi người tố cáo)', 'Notice of extension (denouncer)'),
    subject: line`Về việc gia hạn giải quyết tố cáo`,
    basis: [DENUNCIATIONS('Điều 30', 'Art. 30')],
    form: form(DECREE_31),
    body: [
      ...TO_PETITIONER,
      p`Tố cáo của ông (bà) (mã hồ sơ ${f('case.code')}) đã được ${f('committee.name')} thụ lý giải quyết từ ${f('case.acceptedOn')}.`,
      p`Căn cứ Điều 30 Luật Tố cáo, do ${f('decision.extensionReason')}, thời hạn giải quyết được gia hạn thêm ${f('decision.extensionDays')} ngày, đến hết ${f('case.deadline')} (${f('case.deadlineBasis')}).`,
    ],
  }),
  template({
    id: 'denunciation.extension_accused',
    actions: ['extend'],
    tracks: ['denunciation'],
    kinds: ['denunciation'],
    addressee: 'accused',
    type: 'notice',
    name: cite('Thông báo gia hạn giải quyết tố cáo (gửi người bị tố cáo)', 'Notice of extension (accused)'),
    subject: line`Về việc gia hạn giải quyết tố cáo`,
    basis: [DENUNCIATIONS('Điều 30', 'Art. 30')],
    form: form(DECREE_31),
    body: [
      ...TO_RECIPIENT,
      p`Căn cứ Điều 30 Luật Tố cáo, thời hạn giải quyết tố cáo (mã hồ sơ ${f('case.code')}) được gia hạn thêm ${f('decision.extensionDays')} ngày, đến hết ${f('case.deadline')}.`,
    ],
  }),
  template({
    id: 'denunciation.conclusion',
    actions: ['resolve'],
    tracks: ['denunciation'],
    kinds: ['denunciation'],
    addressee: 'accused',
    type: 'conclusion',
    name: cite('Kết luận nội dung tố cáo', 'Denunciation conclusion'),
    subject: line`Nội dung tố cáo (mã hồ sơ ${f('case.code')})`,
    basis: [DENUNCIATIONS('Điều 35', 'Art. 35'), DENUNCIATIONS('Điều 40 khoản 3', 'Art. 40(3)')],
    form: form(DECREE_31),
    body: [
      ...TO_RECIPIENT,
      basisLine`Căn cứ Luật Tố cáo số 25/2018/QH14;`,
      basisLine`Căn cứ hồ sơ giải quyết tố cáo (mã hồ sơ ${f('case.code')}) thụ lý ${f('case.acceptedOn')};`,
      p`${f('committee.name')} kết luận nội dung tố cáo như sau:`,
      p`1. Nội dung tố cáo: ${opt('decision.contentSummary')}`,
      p`2. Kết luận: ${f('decision.outcome')}.`,
      ANSWER,
    ],
  }),
  template({
    id: 'denunciation.conclusion_notice',
    actions: ['resolve'],
    tracks: ['denunciation'],
    kinds: ['denunciation'],
    addressee: 'petitioner',
    type: 'notice',
    name: cite(
      'Thông báo kết quả giải quyết tố cáo (gửi người tố cáo)',
      'Notice of the conclusion (denouncer)',
    ),
    subject: line`Về kết quả giải quyết tố cáo`,
    basis: [DENUNCIATIONS('Điều 35 khoản 3', 'Art. 35(3)')],
    form: form(DECREE_31),
    body: [
      ...TO_PETITIONER,
      p`Ngày ${f('case.acceptedOn')}, ${f('committee.name')} thụ lý giải quyết tố cáo của ông (bà) (mã hồ sơ ${f('case.code')}).`,
      p`Căn cứ khoản 3 Điều 35 Luật Tố cáo, ${f('committee.name')} thông báo kết quả giải quyết: ${f('decision.outcome')}.`,
      ANSWER,
    ],
  }),
] as const

// --- Recommendations and feedback (Law 42/2013/QH13; Circular 05/2021/TT-TTCP).

const proposalTemplates = [
  template({
    id: 'proposal.acceptance',
    actions: ['accept'],
    tracks: ['recommendation_feedback'],
    kinds: PROPOSALS,
    addressee: 'petitioner',
    type: 'notice',
    name: cite(
      'Thông báo thụ lý kiến nghị, phản ánh',
      'Notice of acceptance of a recommendation or feedback',
    ),
    subject: line`Về việc thụ lý đơn ${f('case.kindName')}`,
    basis: [
      RECEPTION('Điều 28', 'Art. 28'),
      CIRCULAR_05('xử lý đơn kiến nghị, phản ánh', 'processing', true),
    ],
    form: form(CIRCULAR_05_FORMS),
    body: [
      ...TO_PETITIONER,
      RECEIVED,
      p`${f('committee.name')} đã thụ lý đơn ${f('case.kindName')} của ông (bà) từ ${f('case.acceptedOn')} và sẽ trả lời đến hết ${f('case.deadline')} (${f('case.deadlineBasis')}).`,
    ],
  }),
  template({
    id: 'proposal.refusal',
    actions: ['refuse'],
    tracks: ['recommendation_feedback'],
    kinds: PROPOSALS,
    addressee: 'petitioner',
    type: 'notice',
    name: cite(
      'Thông báo không thụ lý kiến nghị, phản ánh',
      'Notice of refusal of a recommendation or feedback',
    ),
    subject: line`Về việc không thụ lý đơn ${f('case.kindName')}`,
    basis: [
      RECEPTION('Điều 28', 'Art. 28'),
      CIRCULAR_05('xử lý đơn kiến nghị, phản ánh', 'processing', true),
    ],
    form: form(CIRCULAR_05_FORMS),
    body: [
      ...TO_PETITIONER,
      RECEIVED,
      p`Sau khi xem xét, ${f('committee.name')} không thụ lý đơn, vì lý do: ${f('decision.reason')}`,
      p`Căn cứ: ${f('decision.reasonBasis')}.`,
    ],
  }),
  template({
    id: 'proposal.answer',
    actions: ['resolve'],
    tracks: ['recommendation_feedback'],
    kinds: PROPOSALS,
    addressee: 'petitioner',
    type: 'letter',
    name: cite('Văn bản trả lời kiến nghị, phản ánh', 'Answer to a recommendation or feedback'),
    subject: line`V/v trả lời ${f('case.kindName')}`,
    basis: [
      RECEPTION('Điều 28', 'Art. 28'),
      CIRCULAR_05('xử lý đơn kiến nghị, phản ánh', 'processing', true),
    ],
    form: form(CIRCULAR_05_FORMS),
    body: [
      ...TO_PETITIONER,
      p`Ngày ${f('case.receivedOn')}, ${f('committee.name')} nhận được đơn ${f('case.kindName')} của ông (bà) (mã hồ sơ ${f('case.code')}). Sau khi xem xét, ${f('committee.name')} trả lời như sau:`,
      ANSWER,
      p`Kết quả: ${f('decision.outcome')}.`,
    ],
  }),
] as const

// --- Party discipline (Party Charter Art. 39; Regulation 22-QĐ/TW and Guide 02-HD/TW, confirm).

const PARTY_BASIS = [PARTY_CHARTER, PARTY_REGULATION, PARTY_GUIDE]
const partyTemplates = [
  template({
    id: 'party.acceptance',
    actions: ['accept'],
    tracks: ['party_discipline'],
    kinds: STATUTORY,
    addressee: 'petitioner',
    type: 'notice',
    name: cite('Thông báo thụ lý đơn (kỷ luật đảng)', 'Notice of acceptance (Party discipline)'),
    subject: line`Về việc thụ lý giải quyết đơn ${f('case.kindName')}`,
    basis: PARTY_BASIS,
    form: form(PARTY_FORMS),
    body: [
      ...TO_PETITIONER,
      RECEIVED,
      p`${f('committee.name')} đã thụ lý giải quyết đơn ${f('case.kindName')} của đồng chí từ ${f('case.acceptedOn')}; thời hạn giải quyết đến hết ${f('case.deadline')} (${f('case.deadlineBasis')}).`,
    ],
  }),
  template({
    id: 'party.content_notice',
    actions: ['accept'],
    tracks: ['party_discipline'],
    kinds: ['denunciation'],
    addressee: 'accused',
    type: 'notice',
    name: cite(
      'Thông báo nội dung tố cáo (gửi đảng viên bị tố cáo)',
      'Notice of the content (accused member)',
    ),
    subject: line`Về nội dung tố cáo`,
    basis: PARTY_BASIS,
    form: form(PARTY_FORMS),
    body: [
      ...TO_RECIPIENT,
      p`${f('committee.name')} thụ lý giải quyết tố cáo (mã hồ sơ ${f('case.code')}) từ ${f('case.acceptedOn')} và thông báo nội dung tố cáo như sau:`,
      text(f('decision.contentSummary')),
      p`Đề nghị đồng chí giải trình bằng văn bản và cung cấp tài liệu có liên quan.`,
    ],
  }),
  template({
    id: 'party.refusal',
    actions: ['refuse'],
    tracks: ['party_discipline'],
    kinds: STATUTORY,
    addressee: 'petitioner',
    type: 'notice',
    name: cite('Thông báo không thụ lý đơn (kỷ luật đảng)', 'Notice of refusal (Party discipline)'),
    subject: line`Về việc không thụ lý giải quyết đơn ${f('case.kindName')}`,
    basis: PARTY_BASIS,
    form: form(PARTY_FORMS),
    body: [
      ...TO_PETITIONER,
      RECEIVED,
      p`${f('committee.name')} không thụ lý giải quyết đơn, vì lý do: ${f('decision.reason')}`,
      p`Căn cứ: ${f('decision.reasonBasis')}.`,
    ],
  }),
  template({
    id: 'party.extension',
    actions: ['extend'],
    tracks: ['party_discipline'],
    kinds: STATUTORY,
    addressee: 'petitioner',
    type: 'notice',
    name: cite('Thông báo gia hạn giải quyết (kỷ luật đảng)', 'Notice of extension (Party discipline)'),
    subject: line`Về việc gia hạn thời hạn giải quyết đơn ${f('case.kindName')}`,
    basis: PARTY_BASIS,
    form: form(PARTY_FORMS),
    body: [
      ...TO_PETITIONER,
      p`Đơn ${f('case.kindName')} của đồng chí (mã hồ sơ ${f('case.code')}) được thụ lý từ ${f('case.acceptedOn')}. Do ${f('decision.extensionReason')}, thời hạn giải quyết được kéo dài đến hết ${f('case.deadline')} (${f('case.deadlineBasis')}).`,
    ],
  }),
  template({
    id: 'party.complaint_resolution',
    actions: ['resolve'],
    tracks: ['party_discipline'],
    kinds: ['complaint'],
    addressee: 'petitioner',
    type: 'notice',
    name: cite(
      'Thông báo kết quả giải quyết khiếu nại kỷ luật đảng',
      'Result of a Party discipline complaint',
    ),
    subject: line`Về kết quả giải quyết khiếu nại kỷ luật đảng`,
    basis: PARTY_BASIS,
    form: form(PARTY_FORMS),
    body: [
      ...TO_PETITIONER,
      p`Xét đơn khiếu nại kỷ luật đảng của đồng chí (mã hồ sơ ${f('case.code')}), thụ lý ${f('case.acceptedOn')}, ${f('committee.name')} thông báo kết quả giải quyết: ${f('decision.outcome')}.`,
      ANSWER,
    ],
  }),
  template({
    id: 'party.denunciation_conclusion',
    actions: ['resolve'],
    tracks: ['party_discipline'],
    kinds: ['denunciation'],
    addressee: 'accused',
    type: 'notice',
    name: cite('Thông báo kết luận giải quyết tố cáo đối với đảng viên', 'Conclusion on a denounced member'),
    subject: line`Về kết luận giải quyết tố cáo (mã hồ sơ ${f('case.code')})`,
    basis: PARTY_BASIS,
    form: form(PARTY_FORMS),
    body: [
      ...TO_RECIPIENT,
      p`${f('committee.name')} đã giải quyết tố cáo (mã hồ sơ ${f('case.code')}), thụ lý ${f('case.acceptedOn')}, và kết luận: ${f('decision.outcome')}.`,
      ANSWER,
    ],
  }),
  template({
    id: 'party.denunciation_conclusion_notice',
    actions: ['resolve'],
    tracks: ['party_discipline'],
    kinds: ['denunciation'],
    addressee: 'petitioner',
    type: 'notice',
    name: cite(
      'Thông báo kết quả giải quyết tố cáo (gửi người tố cáo, kỷ luật đảng)',
      'Result notice (denouncer, Party)',
    ),
    subject: line`Về kết quả giải quyết tố cáo`,
    basis: PARTY_BASIS,
    form: form(PARTY_FORMS),
    body: [
      ...TO_PETITIONER,
      p`${f('committee.name')} thông báo kết quả giải quyết tố cáo của đồng chí (mã hồ sơ ${f('case.code')}): ${f('decision.outcome')}.`,
      ANSWER,
      p`Thông tin về người tố cáo được giữ bí mật.`,
    ],
  }),
] as const

// --- Transfer and guidance on the tracks without a statute of their own for them.

const routingTemplates = [
  template({
    id: 'transfer.slip',
    actions: ['transfer'],
    tracks: ['complaint', 'recommendation_feedback', 'party_discipline'],
    kinds: ALL_KINDS,
    addressee: 'other_body',
    type: 'transfer_slip',
    name: cite('Phiếu chuyển đơn', 'Transfer slip'),
    subject: line`Về việc chuyển đơn ${f('case.kindName')}`,
    basis: [
      CIRCULAR_05('xử lý đơn không thuộc thẩm quyền', 'petitions outside competence', true),
      RECEPTION('Điều 28', 'Art. 28'),
    ],
    form: form(CIRCULAR_05_FORMS),
    body: [
      ...TO_RECIPIENT,
      RECEIVED,
      p`Nội dung đơn không thuộc thẩm quyền giải quyết của ${f('committee.name')}. ${f('committee.name')} chuyển đơn đến ${f('recipient.name')} để xem xét, giải quyết theo thẩm quyền và thông báo kết quả cho ${f('committee.name')}.`,
    ],
  }),
  template({
    id: 'guidance.slip',
    actions: ['guide'],
    tracks: ['complaint', 'denunciation', 'recommendation_feedback', 'party_discipline'],
    kinds: ALL_KINDS,
    addressee: 'petitioner',
    type: 'guidance_slip',
    name: cite('Phiếu hướng dẫn', 'Guidance slip'),
    subject: line`Về việc hướng dẫn gửi đơn ${f('case.kindName')}`,
    basis: [
      CIRCULAR_05('hướng dẫn người gửi đơn', 'guiding the petitioner', true),
      RECEPTION('Điều 28', 'Art. 28'),
    ],
    form: form(CIRCULAR_05_FORMS),
    body: [
      ...TO_PETITIONER,
      RECEIVED,
      p`Nội dung đơn không thuộc thẩm quyền giải quyết của ${f('committee.name')}. ${f('committee.name')} hướng dẫn ông (bà) như sau:`,
      text(f('decision.guidance')),
      p`Đơn có cùng nội dung chỉ được hướng dẫn một lần.`,
    ],
  }),
] as const

/** Every template, in the order the documents table lists them. */
export const TEMPLATES: readonly AnyTemplate[] = [
  ...complaintTemplates,
  ...denunciationTemplates,
  ...proposalTemplates,
  ...partyTemplates,
  ...routingTemplates,
]

/** What a case is doing when a document is wanted: the action, its track and kind, and the addressee. */
export interface DocumentOccasion {
  readonly action: Action
  readonly track: Track
  readonly kind: Kind
  readonly addressee?: Addressee
}

/** The templates that apply to an action on a case of this track and kind (and addressee, when given). */
export function templatesFor(occasion: DocumentOccasion): readonly AnyTemplate[] {
  return TEMPLATES.filter(
    (t) =>
      t.actions.includes(occasion.action) &&
      t.tracks.includes(occasion.track) &&
      t.kinds.includes(occasion.kind) &&
      (occasion.addressee === undefined || t.addressee === occasion.addressee),
  )
}

/** The template with this id. Unknown → `unknown_template` (422). */
export function templateById(id: string): AnyTemplate {
  const t = TEMPLATES.find((x) => x.id === id)
  if (!t)
    throw new DocumentError('unknown_template', `no document template '${id}'`, 422, { field: 'templateId' })
  return t
}

/**
 * The template with this id, checked against the occasion: a template that does not record this
 * action on this track and kind (or is for another addressee) → `template_not_applicable` (409).
 */
export function templateFor(id: string, occasion: DocumentOccasion): AnyTemplate {
  const t = templateById(id)
  if (!templatesFor(occasion).includes(t))
    throw new DocumentError(
      'template_not_applicable',
      `template '${id}' is not for '${occasion.action}' on a ${occasion.kind} of the ${occasion.track} track` +
        (occasion.addressee ? ` addressed to ${occasion.addressee}` : ''),
      409,
      { templateId: id, action: occasion.action, track: occasion.track },
    )
  return t
}

/** The legal track of a case: Party discipline for complaints and denunciations on that topic. */
export function trackOf(c: { readonly kind: Kind; readonly topic?: string }): Track {
  if ((c.kind === 'complaint' || c.kind === 'denunciation') && c.topic === 'party_discipline')
    return 'party_discipline'
  if (c.kind === 'recommendation' || c.kind === 'feedback') return 'recommendation_feedback'
  return c.kind
}
