/**
 * The rules an attachment can break, each with the words the petitioner or officer reads (Vietnamese
 * first): the file checks of shared/service/attachments.ts and the structure checks of
 * shared/domain/document-structure.ts.
 */

import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from '../domain/attachments.js'
import type { StructureRule } from '../domain/document-structure.js'
import { RuleViolation } from '../domain/errors.js'
import type { Language } from '../domain/vocabulary.js'

export type Rule =
  | StructureRule
  | 'too_many_attachments'
  | 'type_not_allowed'
  | 'type_mismatch'
  | 'too_large'
  | 'size_mismatch'
  | 'empty_file'
  | 'infected_file'

export const RULES: Record<Rule, { vi: string; en: string }> = {
  too_many_attachments: {
    vi: `mỗi đơn chỉ được đính kèm tối đa ${MAX_ATTACHMENTS} tệp`,
    en: `a petition takes at most ${MAX_ATTACHMENTS} files`,
  },
  type_not_allowed: {
    vi: 'chỉ nhận tệp PDF, JPEG, PNG hoặc Word (DOCX), xác định theo nội dung tệp',
    en: 'only PDF, JPEG, PNG or Word (DOCX) files are accepted, judged by their content',
  },
  type_mismatch: {
    vi: 'nội dung tệp không đúng với loại tệp đã khai báo',
    en: 'the content of the file is not the type that was declared',
  },
  too_large: {
    vi: `mỗi tệp tối đa ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`,
    en: `each file may be at most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`,
  },
  size_mismatch: {
    vi: 'kích thước tệp đã tải lên không đúng với kích thước đã khai báo',
    en: 'the uploaded file is not the size that was declared',
  },
  empty_file: { vi: 'tệp rỗng', en: 'the file is empty' },
  infected_file: {
    vi: 'trình quét virus phát hiện mã độc trong tệp; tệp không được nhận',
    en: 'the virus scanner found malware in the file; it is not accepted',
  },
  malformed_document: {
    vi: 'tệp bị hỏng hoặc không đúng cấu trúc của loại tệp này, nên không kiểm tra được',
    en: 'the file is damaged or not built as a file of its type should be, so it cannot be checked',
  },
  pdf_markup_body: {
    vi: 'tệp mang tên PDF nhưng bên trong là trang web (HTML hoặc SVG)',
    en: 'the file starts as a PDF but holds a web page (HTML or SVG)',
  },
  pdf_active_content: {
    vi: 'không nhận tệp PDF chứa mã chạy (JavaScript), lệnh mở chương trình hoặc tệp nhúng',
    en: 'PDF files with scripts (JavaScript), program launches or embedded files are not accepted',
  },
  docx_macros: {
    vi: 'không nhận tệp Word chứa macro hoặc điều khiển ActiveX; hãy lưu lại dưới dạng .docx thường',
    en: 'Word files with macros or ActiveX controls are not accepted; save it again as a plain .docx',
  },
  archive_bomb: {
    vi: 'tệp nén bung ra quá lớn so với kích thước của nó',
    en: 'the compressed file inflates to far more than its size',
  },
  archive_unsafe_name: {
    vi: 'tệp nén chứa tên đường dẫn không an toàn',
    en: 'the compressed file holds an unsafe path name',
  },
  image_too_large: {
    vi: 'ảnh có số điểm ảnh quá lớn',
    en: 'the image has too many pixels',
  },
}

export function violation(rule: Rule, lang: Language, field: string): RuleViolation {
  return new RuleViolation(rule, RULES[rule][lang], field)
}
