/** Examples of the main requests and responses, for the OpenAPI document (linted against their schemas). */

const deadline = {
  clock: 'resolution',
  dueDate: '2027-01-08',
  dayType: 'working',
  basis: 'Luật Tiếp công dân 2013, Điều 28',
  explanation: '10 ngày làm việc kể từ ngày nhận (26/11/2026), không tính thứ Bảy, Chủ nhật và ngày lễ',
  state: 'running',
  startedOn: '2026-11-26',
  limit: 10,
  unit: 'working_days',
}

export const petitionExample = {
  kind: 'recommendation',
  title: 'Kiến nghị đơn giản hóa thủ tục',
  content: 'Đề nghị bỏ yêu cầu nộp bản sao giấy tờ đã được số hóa.',
  petitioner: { fullName: 'Nguyễn Văn An', phone: '0912345678', email: 'an@example.vn' },
  concerns: { organization: 'Bộ Xây dựng' },
  topic: 'administration',
}

export const receiptExample = {
  trackingCode: 'K3X9-Q2MZ-7HTD',
  pin: '48213906',
  kind: 'recommendation',
  status: 'received',
  receivedAt: '2026-11-26T03:00:00.000Z',
  anonymous: false,
  committee: { id: 'bxd', name: 'Đảng ủy Bộ Xây dựng' },
  routing: { reason: 'the organisation concerned: Bộ Xây dựng' },
  deadlines: [deadline],
}

export const citizenViewExample = {
  trackingCode: 'K3X9-Q2MZ-7HTD',
  kind: 'recommendation',
  title: 'Kiến nghị đơn giản hóa thủ tục',
  status: 'accepted',
  receivedAt: '2026-11-26T03:00:00.000Z',
  anonymous: false,
  committee: { id: 'bxd', name: 'Đảng ủy Bộ Xây dựng' },
  timeline: [
    { at: '2026-11-26T03:00:00.000Z', type: 'received' },
    { at: '2026-11-27T02:10:00.000Z', type: 'accepted' },
  ],
  deadlines: [deadline],
  canWithdraw: false,
  canSupplement: true,
  canEscalate: false,
  canRate: false,
}

export const actionExample = { action: 'accept', note: 'Thuộc thẩm quyền' }

export const validationProblemExample = {
  type: 'https://tiepdan.example.vn/problems/validation_failed',
  title: 'The request is not valid',
  status: 422,
  detail: 'title: is required and must be text',
  instance: '/api/v1/petitions',
  errors: [{ field: 'title', rule: 'invalid_type', message: 'is required and must be text' }],
}

export const transitionProblemExample = {
  type: 'https://tiepdan.example.vn/problems/action_not_in_state',
  title: 'This action is not possible',
  status: 409,
  detail: "'resolve' is not possible while the case is accepted",
  instance: '/api/v1/cases/K3X9-Q2MZ-7HTD/actions',
  action: 'resolve',
  caseStatus: 'accepted',
  kind: 'recommendation',
}
