import { PROBLEM_CODES, PROBLEM_FAMILIES } from '../../shared/http/problem-types.js'
import { Layout } from '../layout.js'
import type { Lang } from '../types.js'

export interface ProblemPageProps {
  lang: Lang
  organizationName: { vi: string; en: string }
  /** A code of PROBLEM_CODES. */
  code: string
  title: string
  langHref: string
}

const WORDS = {
  vi: {
    happened: 'Chuyện gì đã xảy ra',
    todo: 'Cần làm gì',
    detail:
      'Câu trả lời lỗi (application/problem+json, RFC 9457) có `detail` nói cụ thể trường hợp của bạn, và `instance` là địa chỉ đã gọi.',
    guide: 'Hướng dẫn tích hợp: docs/integrating.md.',
    status: 'Mã trạng thái HTTP',
  },
  en: {
    happened: 'What happened',
    todo: 'What to do',
    detail:
      'The error response (application/problem+json, RFC 9457) says what happened in your case in `detail`; `instance` is the address you called.',
    guide: "The integrator's guide: docs/integrating.md.",
    status: 'HTTP status',
  },
} as const

/** The page a problem's `type` URI resolves to: what happened and what to do, in plain words. */
export function ProblemPage({ lang, organizationName, code, title, langHref }: ProblemPageProps) {
  const status = PROBLEM_CODES[code]!
  const family = PROBLEM_FAMILIES[status]
  const w = WORDS[lang]
  return (
    <Layout lang={lang} organizationName={organizationName} title={title} langHref={langHref}>
      <h1>{title}</h1>
      <p>
        <code>{code}</code> · {w.status} {status}
      </p>
      <h2>{w.happened}</h2>
      <p>{family.happened[lang]}</p>
      <h2>{w.todo}</h2>
      <p>{family.todo[lang]}</p>
      <p>{w.detail}</p>
      <p>{w.guide}</p>
    </Layout>
  )
}
