/**
 * Zod's issues as problem+json field entries (http/problem.ts), one per offending field, worded in
 * the caller's language: the rule messages of shared/domain/schemas.ts, zod's own locales otherwise.
 */
import { locales, type ZodError } from 'zod'
import { RULE_MESSAGES } from '../domain/schemas.js'
import type { Language } from '../domain/vocabulary.js'
import { type FieldProblem, InputProblem } from './problem.js'

/** Invalid input: carries the zod issues until the mapper words them in the caller's language. */
export class ValidationProblem extends InputProblem {
  constructor(
    readonly zodError: ZodError,
    readonly target: string,
  ) {
    super('validation failed')
  }

  fieldProblems(lang: Language): FieldProblem[] {
    return fieldProblems(this.zodError, lang)
  }
}

const zodLocales = { vi: locales.vi().localeError, en: locales.en().localeError }

const TYPE_NAMES: Record<string, { vi: string; en: string }> = {
  string: { vi: 'chuỗi ký tự', en: 'text' },
  number: { vi: 'số', en: 'a number' },
  int: { vi: 'số nguyên', en: 'a whole number' },
  boolean: { vi: 'true hoặc false', en: 'true or false' },
  object: { vi: 'đối tượng', en: 'an object' },
  array: { vi: 'danh sách', en: 'a list' },
}

function issueMessage(issue: ZodError['issues'][number], lang: Language): string {
  const custom = RULE_MESSAGES[issue.message]
  if (custom) return custom[lang]
  // zod's own wording says what it "received", which it cannot know once the input is dropped
  // from the issue (it never travels back to the client); say what is expected instead.
  if (issue.code === 'invalid_type') {
    const name = TYPE_NAMES[issue.expected] ?? { vi: issue.expected, en: issue.expected }
    return lang === 'vi' ? `bắt buộc, phải là ${name.vi}` : `is required and must be ${name.en}`
  }
  const worded = zodLocales[lang](issue as never)
  const text = typeof worded === 'string' ? worded : worded?.message
  return text ?? issue.message
}

/** One entry per offending field; an unknown key is reported under its own name. */
export function fieldProblems(error: ZodError, lang: Language): FieldProblem[] {
  const out: FieldProblem[] = []
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.')
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        out.push({
          field: path ? `${path}.${key}` : key,
          rule: 'unknown_field',
          message: lang === 'vi' ? 'trường không được chấp nhận' : 'is not an accepted field',
        })
      continue
    }
    // One entry per field: the first rule it breaks is the one to fix first.
    if (out.some((e) => e.field === (path || '(body)'))) continue
    out.push({
      field: path || '(body)',
      rule: RULE_MESSAGES[issue.message] ? issue.message : issue.code,
      message: issueMessage(issue, lang),
    })
  }
  return out
}
