import type { Kind } from '../../vocabulary.js'
import type {
  Addressee,
  Block,
  Citation,
  FieldKey,
  FieldRef,
  FieldsFor,
  FormReference,
  Inline,
  Template,
} from '../types.js'

export function f<K extends FieldKey>(field: K): FieldRef<K> {
  return { field }
}
/** A field the case may lack: the block holding it is left out when it has no value. */
export function opt<K extends FieldKey>(field: K): FieldRef<K> {
  return { field, optional: true }
}
export function line<K extends FieldKey = never>(
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
export function p<K extends FieldKey = never>(
  strings: TemplateStringsArray,
  ...refs: FieldRef<K>[]
): Block<K> {
  return { type: 'paragraph', text: line(strings, ...refs) }
}
export function basisLine<K extends FieldKey = never>(
  strings: TemplateStringsArray,
  ...refs: FieldRef<K>[]
): Block<K> {
  return { type: 'basis', text: line(strings, ...refs) }
}
export function heading(text: string): Block<never> {
  return { type: 'heading', text: [text] }
}
export function text<K extends FieldKey>(field: FieldRef<K>): Block<K> {
  return { type: 'text', field }
}
export function template<A extends Addressee>(t: Template<A>): Template<A> {
  return t
}

/** "Kính gửi: <name>" and the address line, for a document to the petitioner. */
export const TO_PETITIONER = [
  { type: 'recipient', text: line`Kính gửi: ${f('petitioner.name')}` },
  p`Địa chỉ: ${opt('petitioner.address')}`,
] as const satisfies readonly Block<FieldsFor<'petitioner'>>[]
export const TO_RECIPIENT = [
  { type: 'recipient', text: line`Kính gửi: ${f('recipient.name')}` },
] as const satisfies readonly Block<FieldsFor<'other_body'>>[]

// --- Legal sources.

export const cite = (vi: string, en: string, confirm?: true): Citation =>
  confirm ? { vi, en, confirm } : { vi, en }
export const COMPLAINTS = (vi: string, en: string) =>
  cite(`Luật Khiếu nại số 02/2011/QH13, ${vi}`, `Law on Complaints 02/2011/QH13, ${en}`)
export const DENUNCIATIONS = (vi: string, en: string) =>
  cite(`Luật Tố cáo số 25/2018/QH14, ${vi}`, `Law on Denunciations 25/2018/QH14, ${en}`)
export const CIRCULAR_05 = (vi: string, en: string, confirm?: true) =>
  cite(`Thông tư số 05/2021/TT-TTCP, ${vi}`, `Circular 05/2021/TT-TTCP, ${en}`, confirm)
export const RECEPTION = (vi: string, en: string) =>
  cite(`Luật Tiếp công dân số 42/2013/QH13, ${vi}`, `Law on Citizen Reception 42/2013/QH13, ${en}`)
export const PARTY_CHARTER = cite('Điều lệ Đảng, Điều 39', 'Party Charter, Art. 39')
export const PARTY_REGULATION = cite(
  'Quy định số 22-QĐ/TW (2021) về công tác kiểm tra, giám sát và kỷ luật của Đảng',
  'Regulation 22-QĐ/TW (2021) on Party inspection, supervision and discipline',
  true,
)
export const PARTY_GUIDE = cite(
  'Hướng dẫn số 02-HD/TW (2021) thực hiện Quy định số 22-QĐ/TW',
  'Guide 02-HD/TW (2021) on Regulation 22-QĐ/TW',
  true,
)

export const form = (instrument: string, number?: string): FormReference =>
  number ? { instrument, number, confirm: true } : { instrument, confirm: true }
export const DECREE_124 = 'Nghị định số 124/2020/NĐ-CP, Phụ lục'
export const DECREE_31 = 'Nghị định số 31/2019/NĐ-CP, Phụ lục'
export const CIRCULAR_05_FORMS = 'Thông tư số 05/2021/TT-TTCP, Phụ lục'
export const PARTY_FORMS = 'Hướng dẫn số 02-HD/TW (2021), Phụ lục'

export const ALL_KINDS: readonly Kind[] = ['complaint', 'denunciation', 'recommendation', 'feedback']
export const PROPOSALS: readonly Kind[] = ['recommendation', 'feedback']
export const STATUTORY: readonly Kind[] = ['complaint', 'denunciation']

export const RECEIVED = p`Ngày ${f('case.receivedOn')}, ${f('committee.name')} nhận được đơn ${f('case.kindName')} (mã hồ sơ ${f('case.code')}).`
export const ANSWER = text(f('decision.answer'))
