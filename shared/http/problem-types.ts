/**
 * The problem types the API answers with (RFC 9457): each `type` is `<site>/problems/<code>`, a
 * page in both languages saying what happened and what to do. Codes group into families by HTTP
 * status; the OpenAPI document has one schema per family, and the page of a code is its family's
 * explanation under the code's own title.
 */
export type Bilingual = { readonly vi: string; readonly en: string }

export interface ProblemFamily {
  /** Component name of the family's schema in the OpenAPI document. */
  readonly schema: string
  readonly title: Bilingual
  readonly happened: Bilingual
  readonly todo: Bilingual
}

export const PROBLEM_FAMILIES = {
  400: {
    schema: 'BadRequestProblem',
    title: { vi: 'Yêu cầu sai định dạng', en: 'Malformed request' },
    happened: {
      vi: 'Yêu cầu không đọc được: nội dung không phải JSON hợp lệ, hoặc một tiêu đề (như If-Match) hay con trỏ trang sai dạng.',
      en: 'The request could not be read: the body is not valid JSON, or a header (such as If-Match) or a page cursor is not in the expected form.',
    },
    todo: {
      vi: 'Sửa yêu cầu theo mô tả trong `detail` rồi gửi lại. Gửi lại nguyên yêu cầu cũ sẽ nhận cùng lỗi.',
      en: 'Fix the request as `detail` says and send it again. Sending the same request again gives the same answer.',
    },
  },
  401: {
    schema: 'UnauthenticatedProblem',
    title: { vi: 'Cần đăng nhập', en: 'Sign-in required' },
    happened: {
      vi: 'Yêu cầu không có mã truy cập (Bearer), hoặc mã đã hết hạn, không hợp lệ, hoặc tài khoản bị khóa.',
      en: 'The request carries no Bearer access token, or the token has expired, is not valid, or the account is disabled.',
    },
    todo: {
      vi: 'Lấy mã truy cập mới (docs/integrating.md) rồi gửi lại với tiêu đề Authorization: Bearer <mã>.',
      en: 'Get a fresh access token (docs/integrating.md) and send the request again with Authorization: Bearer <token>.',
    },
  },
  403: {
    schema: 'ForbiddenProblem',
    title: { vi: 'Không có quyền', en: 'Not allowed' },
    happened: {
      vi: 'Bạn đã đăng nhập nhưng vai trò hoặc đơn vị của bạn không cho phép thao tác này trên tài nguyên này.',
      en: 'You are signed in, but your roles or committees do not allow this on this resource.',
    },
    todo: {
      vi: 'Không gửi lại. Nếu bạn cần quyền này, đề nghị quản trị viên cấp vai trò phù hợp.',
      en: 'Do not retry. If you need this right, ask an administrator for the matching role.',
    },
  },
  404: {
    schema: 'NotFoundProblem',
    title: { vi: 'Không tìm thấy', en: 'Not found' },
    happened: {
      vi: 'Không có tài nguyên ở địa chỉ này, hoặc mã theo dõi và mã PIN không khớp (hai trường hợp không được phân biệt, để không lộ đơn nào tồn tại).',
      en: 'There is no resource at this address, or the tracking code and PIN do not match (the two are not told apart, so that no one learns which petitions exist).',
    },
    todo: {
      vi: 'Kiểm tra lại địa chỉ, mã theo dõi và mã PIN. Nhập sai PIN nhiều lần sẽ bị tạm khóa.',
      en: 'Check the address, the tracking code and the PIN. Repeated wrong PINs lock the code for a while.',
    },
  },
  409: {
    schema: 'ConflictProblem',
    title: { vi: 'Không thể thực hiện lúc này', en: 'Not possible now' },
    happened: {
      vi: 'Thao tác không phù hợp với trạng thái hiện tại (ví dụ đơn đã đóng, đã đánh giá, chưa quá hạn), với loại đơn, với vai trò của bạn, hoặc một yêu cầu khác vừa thay đổi cùng dữ liệu.',
      en: 'The action does not fit the current state (the case is closed, already rated, not overdue…), the kind of petition, your role, or another request changed the same data at the same time.',
    },
    todo: {
      vi: 'Đọc lại tài nguyên: `allowedActions` cho biết thao tác nào được phép. Với `conflict` và `request_in_progress`, thử lại sau ít giây.',
      en: 'Read the resource again: `allowedActions` lists what is allowed. For `conflict` and `request_in_progress`, retry after a few seconds.',
    },
  },
  412: {
    schema: 'PreconditionFailedProblem',
    title: { vi: 'Phiên bản đã cũ', en: 'Stale version' },
    happened: {
      vi: 'Tài nguyên đã được người khác thay đổi sau khi bạn đọc nó: phiên bản trong If-Match không còn là phiên bản hiện tại.',
      en: 'Someone changed the resource after you read it: the version in If-Match is no longer the current one.',
    },
    todo: {
      vi: 'Đọc lại tài nguyên (GET), xem thay đổi, rồi gửi lại với phiên bản mới trong If-Match.',
      en: 'Read the resource again (GET), look at what changed, and send again with the new version in If-Match.',
    },
  },
  413: {
    schema: 'PayloadTooLargeProblem',
    title: { vi: 'Nội dung quá lớn', en: 'The request body is too large' },
    happened: {
      vi: 'Nội dung gửi lên vượt giới hạn (128 KB cho JSON).',
      en: 'The body is larger than the limit (128 KB for JSON).',
    },
    todo: {
      vi: 'Rút gọn nội dung; tài liệu đính kèm tải lên qua đường dẫn tải lên riêng (attachments).',
      en: 'Send less; documents go through the upload links (attachments), not in the JSON body.',
    },
  },
  415: {
    schema: 'UnsupportedMediaTypeProblem',
    title: { vi: 'Kiểu nội dung không được hỗ trợ', en: 'Unsupported content type' },
    happened: {
      vi: 'Kiểu nội dung (Content-Type) hoặc loại tệp không được chấp nhận ở đây.',
      en: 'The Content-Type or the kind of file is not accepted here.',
    },
    todo: {
      vi: 'Gửi JSON với Content-Type: application/json, hoặc một loại tệp được liệt kê trong `detail`.',
      en: 'Send JSON with Content-Type: application/json, or a file type listed in `detail`.',
    },
  },
  422: {
    schema: 'ValidationProblem',
    title: { vi: 'Dữ liệu không hợp lệ', en: 'The request is not valid' },
    happened: {
      vi: 'Yêu cầu đúng định dạng nhưng có trường thiếu, sai kiểu, hoặc vi phạm một quy định (ví dụ ngày nhận trong tương lai, đơn vị không tồn tại). Không có gì được ghi lại.',
      en: 'The request is well-formed, but a field is missing, of the wrong type, or breaks a rule (a receipt date in the future, an unknown committee…). Nothing was stored.',
    },
    todo: {
      vi: 'Mỗi phần tử của `errors` nêu trường (`field`), quy tắc (`rule`) và cách sửa (`message`). Sửa từng trường rồi gửi lại.',
      en: 'Each entry of `errors` names the field (`field`), the rule (`rule`) and how to fix it (`message`). Fix each field and send again.',
    },
  },
  428: {
    schema: 'PreconditionRequiredProblem',
    title: { vi: 'Thiếu phiên bản (If-Match)', en: 'The If-Match version is required' },
    happened: {
      vi: 'Thao tác thay đổi tài nguyên cần biết bạn đã đọc phiên bản nào, để không ghi đè thay đổi của người khác.',
      en: 'A change needs to know which version you read, so that it never overwrites someone else’s change.',
    },
    todo: {
      vi: 'Đọc tài nguyên (GET), lấy `version` (hoặc ETag) và gửi lại với tiêu đề If-Match: <version>.',
      en: 'Read the resource (GET), take its `version` (or ETag) and send again with If-Match: <version>.',
    },
  },
  429: {
    schema: 'TooManyRequestsProblem',
    title: { vi: 'Quá nhiều lần thử', en: 'Too many attempts' },
    happened: {
      vi: 'Đã có quá nhiều lần nhập sai mã PIN cho mã theo dõi này, hoặc từ địa chỉ này; hoặc địa chỉ này đã gửi quá nhiều đơn trong thời gian ngắn.',
      en: 'There were too many wrong PINs for this tracking code, or from this address; or this address filed too many petitions in a short time.',
    },
    todo: {
      vi: 'Chờ số giây trong tiêu đề Retry-After (và `retryAfterSeconds`) rồi mới thử lại.',
      en: 'Wait the number of seconds in the Retry-After header (and `retryAfterSeconds`) before trying again.',
    },
  },
  500: {
    schema: 'InternalErrorProblem',
    title: { vi: 'Lỗi hệ thống', en: 'Internal error' },
    happened: {
      vi: 'Hệ thống gặp lỗi ngoài dự kiến. Yêu cầu không được ghi nửa chừng.',
      en: 'Something unexpected failed. The request was not half applied.',
    },
    todo: {
      vi: 'Thử lại sau; nếu lỗi lặp lại, gửi cho bộ phận kỹ thuật mã `correlationId` của câu trả lời.',
      en: 'Try again later; if it keeps failing, give the support team the response’s `correlationId`.',
    },
  },
  503: {
    schema: 'ServiceBusyProblem',
    title: { vi: 'Hệ thống đang quá tải', en: 'The service is busy' },
    happened: {
      vi: 'Cơ sở dữ liệu tạm thời từ chối vì quá tải. Không có gì được ghi lại.',
      en: 'The database turned the request away for a moment. Nothing was stored.',
    },
    todo: {
      vi: 'Chờ số giây trong Retry-After rồi gửi lại (với cùng Idempotency-Key khi nộp đơn).',
      en: 'Wait the seconds in Retry-After and send again (with the same Idempotency-Key for a submission).',
    },
  },
} as const satisfies Record<number, ProblemFamily>

export type ProblemStatusCode = keyof typeof PROBLEM_FAMILIES

export function isProblemStatus(status: number): status is ProblemStatusCode {
  return status in PROBLEM_FAMILIES
}

/**
 * Every code the API answers with, and its status: the page `/problems/<code>` exists for these.
 * The integration harness fails a test whose response carries a code not listed here (or under
 * another status), so a new refusal cannot ship without its page.
 */
export const PROBLEM_CODES: Readonly<Record<string, ProblemStatusCode>> = {
  // 400
  malformed_json: 400,
  bad_request: 400,
  invalid_if_match: 400,
  invalid_cursor: 400,
  // 401, 403
  unauthenticated: 401,
  forbidden: 403,
  identity_restricted: 403,
  dossier_not_allowed: 403,
  reveal_not_allowed: 403,
  identity_not_granted: 403,
  own_roles: 403,
  four_eyes: 403,
  verification_not_allowed: 403,
  // 404
  not_found: 404,
  case_not_found: 404,
  attachment_not_found: 404,
  document_not_found: 404,
  report_request_not_found: 404,
  sample_not_found: 404,
  grant_not_found: 404,
  not_in_sample: 404,
  unknown_committee: 404,
  // 409
  conflict: 409,
  request_in_progress: 409,
  action_not_for_kind: 409,
  action_not_in_state: 409,
  not_allowed_for_role: 409,
  not_allowed_for_petitioner: 409,
  already_transferred: 409,
  already_linked: 409,
  already_escalated: 409,
  already_rated: 409,
  already_suspended: 409,
  anonymous_not_handled: 409,
  not_overdue: 409,
  no_answer_yet: 409,
  case_closed: 409,
  nothing_to_reveal: 409,
  grant_decided: 409,
  account_gone: 409,
  account_changed: 409,
  extension_not_allowed: 409,
  extension_limit_reached: 409,
  extension_after_deadline: 409,
  invalid_extension: 409,
  suspension_not_allowed: 409,
  too_many_attachments: 409,
  upload_missing: 409,
  template_not_applicable: 409,
  case_not_finished: 409,
  document_already_issued: 409,
  document_already_cancelled: 409,
  register_busy: 409,
  // 412, 413, 415, 428, 429
  version_conflict: 412,
  payload_too_large: 413,
  unsupported_media_type: 415,
  type_not_allowed: 415,
  precondition_required: 428,
  too_many_attempts: 429,
  too_many_submissions: 429,
  // 422
  validation_failed: 422,
  idempotency_key_reused: 422,
  type_mismatch: 422,
  malformed_document: 422,
  pdf_markup_body: 422,
  pdf_active_content: 422,
  docx_macros: 422,
  archive_bomb: 422,
  archive_unsafe_name: 422,
  image_too_large: 422,
  infected_file: 422,
  calendar_day_name: 422,
  committee_cycle: 422,
  duplicate_of_itself: 422,
  extension_too_long: 422,
  future_date: 422,
  future_period: 422,
  invalid_argument: 422,
  invalid_date: 422,
  invalid_override: 422,
  invalid_period: 422,
  invalid_tracking_code: 422,
  local_date: 422,
  no_rule_set: 422,
  period_ends_before_start: 422,
  period_too_long: 422,
  head_hosts: 422,
  invalid_sample_size: 422,
  invalid_seed: 422,
  invalid_setting: 422,
  invalid_watch_settings: 422,
  invalid_retention_settings: 422,
  known_after_receipt: 422,
  outcome_not_for_kind: 422,
  received_too_long_ago: 422,
  self_lockout: 422,
  unknown_part: 422,
  year_out_of_range: 422,
  host_not_in_committee: 422,
  invalid_holiday_notice: 422,
  notice_date_year: 422,
  period_required: 422,
  repeat_of_itself: 422,
  same_committee: 422,
  tracking_code: 422,
  unknown_indicator: 422,
  unknown_parent: 422,
  unknown_rule: 422,
  unknown_tracking_code: 422,
  unknown_user: 422,
  year_required: 422,
  received_in_future: 422,
  online_not_yet: 422,
  case_not_overdue: 422,
  committee_required: 422,
  owner_not_member: 422,
  unknown_template: 422,
  document_field_missing: 422,
  // 5xx
  internal_error: 500,
  service_busy: 503,
}

/** Where the problem pages live under the site. */
export const PROBLEMS_PATH = '/problems'
