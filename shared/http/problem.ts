/**
 * The one mapper from errors to RFC 9457 problem+json. Routes throw; this answers. 4xx explain
 * themselves in the caller's language and name the field and the rule; 5xx never leak internals.
 */
import type { Logger } from '@aws-lambda-powertools/logger'
import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { DomainError } from '../domain/errors.js'
import type { Language } from '../domain/vocabulary.js'
import { requestLanguage } from './lang.js'
import { PROBLEM_CODES, PROBLEM_FAMILIES, PROBLEMS_PATH } from './problem-types.js'
import { classifyStoreError, THROTTLED_RETRY_AFTER_SECONDS } from './store-errors.js'

export interface FieldProblem {
  readonly field: string
  readonly message: string
  readonly rule: string
}

/**
 * Invalid input, worded by the mapper in the caller's language. The one kind there is, zod's
 * issues, is http/field-problems.ts's ValidationProblem: apart, so that the mapper (in every app,
 * at every cold start) does not load zod and the rule messages' schemas before an input needs them.
 */
export abstract class InputProblem extends Error {
  abstract readonly target: string
  abstract fieldProblems(lang: Language): FieldProblem[]
}

const TITLES: Record<string, { vi: string; en: string }> = {
  validation_failed: { vi: 'Dữ liệu gửi lên không hợp lệ', en: 'The request is not valid' },
  malformed_json: { vi: 'Nội dung không phải JSON hợp lệ', en: 'The body is not valid JSON' },
  case_not_found: { vi: 'Không tìm thấy đơn', en: 'Case not found' },
  not_found: { vi: 'Không tìm thấy', en: 'Not found' },
  too_many_attempts: { vi: 'Nhập sai quá nhiều lần', en: 'Too many attempts' },
  too_many_submissions: { vi: 'Gửi quá nhiều đơn', en: 'Too many petitions' },
  version_conflict: { vi: 'Đơn đã được người khác cập nhật', en: 'The case was changed by someone else' },
  precondition_required: { vi: 'Thiếu phiên bản (If-Match)', en: 'The If-Match version is required' },
  unauthenticated: { vi: 'Cần đăng nhập', en: 'Sign-in required' },
  forbidden: { vi: 'Không có quyền', en: 'Not allowed' },
  idempotency_key_reused: {
    vi: 'Khóa Idempotency-Key đã dùng cho nội dung khác',
    en: 'The Idempotency-Key was used for a different request',
  },
  request_in_progress: {
    vi: 'Yêu cầu giống hệt đang được xử lý',
    en: 'An identical request is still being processed',
  },
  payload_too_large: { vi: 'Nội dung quá lớn', en: 'The request body is too large' },
  unsupported_media_type: { vi: 'Kiểu nội dung không được hỗ trợ', en: 'Unsupported content type' },
  internal_error: { vi: 'Lỗi hệ thống', en: 'Internal error' },
  service_busy: { vi: 'Hệ thống đang quá tải', en: 'The service is busy' },
  conflict: { vi: 'Dữ liệu vừa được thay đổi', en: 'The data was changed at the same time' },
  owner_not_member: {
    vi: 'Người đứng đơn không phải tài khoản đảng viên',
    en: 'The owner is not a member account',
  },
  identity_not_granted: {
    vi: 'Bạn không được xem thông tin người gửi đơn này',
    en: 'This petitioner’s details are not shown to you',
  },
  unknown_template: { vi: 'Không có mẫu văn bản này', en: 'No such document template' },
  template_not_applicable: {
    vi: 'Mẫu văn bản không dùng cho thao tác này',
    en: 'The document template does not fit this action',
  },
  dossier_not_allowed: {
    vi: 'Chỉ trưởng ban và cán bộ giám sát được lập hồ sơ lưu trữ',
    en: 'Only heads and supervisors take a case dossier',
  },
  case_not_finished: {
    vi: 'Đơn chưa kết thúc xử lý',
    en: 'The case has not been finished',
  },
  document_field_missing: {
    vi: 'Văn bản thiếu thông tin bắt buộc',
    en: 'The document lacks a required field',
  },
  document_not_found: { vi: 'Không có văn bản này trong hồ sơ', en: 'No such document on this case' },
  document_already_issued: {
    vi: 'Văn bản này đã được ban hành cho quyết định này',
    en: 'This document was already issued for this decision',
  },
  document_already_cancelled: { vi: 'Văn bản đã bị hủy', en: 'The document is already cancelled' },
  register_busy: { vi: 'Sổ văn bản đi đang bận, hãy thử lại', en: 'The register is busy; try again' },
}
const TRANSITION_TITLE = { vi: 'Không thể thực hiện thao tác này', en: 'This action is not possible' }
const RULE_TITLE = { vi: 'Dữ liệu vi phạm quy định', en: 'The request breaks a rule' }

/** A code's own title, else its family's (the heading of its page, `/problems/<code>`). */
export function problemTitle(code: string, lang: Language): string | undefined {
  const status = PROBLEM_CODES[code]
  if (status === undefined) return undefined
  return (TITLES[code] ?? PROBLEM_FAMILIES[status].title)[lang]
}

/** The members RFC 9457 defines; an extension member can never take one of these names. */
export const STANDARD_PROBLEM_MEMBERS = ['type', 'title', 'status', 'detail', 'instance'] as const

/**
 * The absolute URI of a problem type: the site's origin when the app knows it (`SITE_URL` in AWS,
 * where the request's own host is API Gateway's), else the origin the request came to (one
 * machine, where that is the site).
 */
export function problemTypeUri(c: Context, code: string): string {
  const site = (c.get('siteUrl' as never) as string | undefined) ?? new URL(c.req.url).origin
  return `${site.replace(/\/$/, '')}${PROBLEMS_PATH}/${code}`
}

export function problemResponse(
  c: Context,
  status: number,
  code: string,
  detail: string,
  extra: Record<string, unknown> = {},
  title?: string,
): Response {
  const lang = requestLanguage(c)
  const correlationId = c.get('correlationId' as never) as string | undefined
  // Extensions first, then the standard members, and a clashing extension is left out: a client
  // reading `status` must always read the HTTP status (RFC 9457 §3.1), never a case's state.
  const extensions = Object.fromEntries(
    Object.entries(extra).filter(([name]) => !(STANDARD_PROBLEM_MEMBERS as readonly string[]).includes(name)),
  )
  const body = {
    ...extensions,
    // A 5xx says nothing of its cause; this id finds the request's log lines.
    ...(status >= 500 && correlationId ? { correlationId } : {}),
    type: problemTypeUri(c, code),
    title: title ?? (TITLES[code] ?? (status >= 500 ? TITLES.internal_error! : RULE_TITLE))[lang],
    status,
    detail,
    instance: c.req.path,
  }
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'content-type': 'application/problem+json; charset=utf-8',
      ...((status === 429 || status === 503) && typeof extra.retryAfterSeconds === 'number'
        ? { 'retry-after': String(extra.retryAfterSeconds) }
        : {}),
    },
  })
}

/** The `onError` of every app. */
export function errorMapper(logger: Logger) {
  return (error: Error, c: Context): Response => {
    const lang = requestLanguage(c)
    if (error instanceof InputProblem) {
      const errors = error.fieldProblems(lang)
      const detail = errors.map((e) => `${e.field}: ${e.message}`).join('; ')
      return problemResponse(c, error.target === 'param' ? 404 : 422, 'validation_failed', detail, { errors })
    }
    if (error instanceof DomainError) {
      const field = typeof error.details?.field === 'string' ? error.details.field : undefined
      const extra: Record<string, unknown> = { ...(error.details ?? {}) }
      if (field) extra.errors = [{ field, rule: error.code, message: error.message }]
      const title = error.status === 409 && !TITLES[error.code] ? TRANSITION_TITLE[lang] : undefined
      return problemResponse(c, error.status, error.code, error.message, extra, title)
    }
    if (error instanceof HTTPException) {
      const status = error.status
      const code =
        status === 400 && /json/i.test(error.message)
          ? 'malformed_json'
          : status === 401
            ? 'unauthenticated'
            : status === 403
              ? 'forbidden'
              : status === 404
                ? 'not_found'
                : status === 413
                  ? 'payload_too_large'
                  : status === 415
                    ? 'unsupported_media_type'
                    : 'bad_request'
      if (status >= 500) logger.error('http exception', { status, error: error.message })
      return problemResponse(c, status, code, error.message)
    }
    const storeFailure = classifyStoreError(error)
    if (storeFailure === 'throttled') {
      logger.warn('store throttled', { error: { name: error.name } })
      return problemResponse(
        c,
        503,
        'service_busy',
        lang === 'vi'
          ? 'Hệ thống đang bận, xin thử lại sau ít giây.'
          : 'The service is busy; please try again in a few seconds.',
        { retryAfterSeconds: THROTTLED_RETRY_AFTER_SECONDS },
      )
    }
    if (storeFailure === 'conflict') {
      logger.info('conditional write refused', { error: { name: error.name } })
      return problemResponse(
        c,
        409,
        'conflict',
        lang === 'vi'
          ? 'Dữ liệu vừa được thay đổi bởi một yêu cầu khác; hãy tải lại và thử lại.'
          : 'Another request changed the same data; reload and try again.',
      )
    }
    logger.error('unhandled error', {
      error: { name: error.name, message: error.message, stack: error.stack },
    })
    return problemResponse(
      c,
      500,
      'internal_error',
      lang === 'vi' ? 'Đã có lỗi, xin thử lại sau.' : 'Something went wrong; please try again later.',
    )
  }
}

export type ProblemStatus = ContentfulStatusCode
