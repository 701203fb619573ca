/**
 * Repeated and duplicate petitions over real HTTP: earlier petitions found at intake by the same
 * identity number, the same name and address, or near-identical content (across kinds); shown
 * to staff with their score, never telling a handler who filed a denunciation; linked or marked
 * as duplicates, which the report's repeat rate counts; found through the repeat index by Query,
 * never a Scan.
 */
import { randomBytes, randomInt } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { repeatKeyMaterials } from '../../shared/domain/similarity.js'
import { formatTrackingCode, normalizeTrackingCode } from '../../shared/domain/tracking-code.js'
import { newTrackingCode } from '../../shared/security.js'
import type { CapacityRecord } from '../../shared/store/client.js'
import { type Harness, problemType, startHarness } from './harness.js'

let h: Harness
const operations: CapacityRecord[] = []
let scans = 0
beforeAll(async () => {
  h = await startHarness({
    onCapacity: (r) => {
      operations.push(r)
      if (r.operation === 'Scan') scans++
    },
  })
})
afterAll(async () => h.close())

// ─── Helpers ────────────────────────────────────────────────────────────────────────────────────

const digits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join('')

function person(fullName: string, address: string) {
  return { fullName, idNumber: digits(12), address, phone: `09${digits(8)}` }
}

const TEXTS = {
  land: {
    title: 'Khiếu nại việc thu hồi đất nông nghiệp không bồi thường',
    content:
      'Gia đình tôi bị thu hồi 500 m2 đất nông nghiệp tại thôn Đông để làm đường nhưng chưa nhận được tiền bồi thường, hỗ trợ. Đề nghị xem xét giải quyết quyền lợi cho gia đình.',
  },
  school: {
    title: 'Kiến nghị về các khoản thu đầu năm học',
    content:
      'Trường tiểu học thu nhiều khoản ngoài quy định như quỹ lớp, tiền điều hòa, tiền sách tham khảo. Đề nghị kiểm tra, công khai các khoản thu.',
  },
  hospital: {
    title: 'Phản ánh thái độ phục vụ tại bệnh viện',
    content:
      'Nhân viên khoa cấp cứu có thái độ thiếu tôn trọng người bệnh, để bệnh nhân chờ hơn ba giờ không được thăm khám. Đề nghị chấn chỉnh.',
  },
  salary: {
    title: 'Khiếu nại việc không được nâng bậc lương đúng hạn',
    content:
      'Tôi đủ điều kiện nâng bậc lương thường xuyên từ tháng 3 nhưng đến nay chưa có quyết định. Đơn vị trả lời do thiếu hồ sơ nhưng tôi đã nộp đủ.',
  },
  tax: {
    title: 'Phản ánh chậm hoàn thuế thu nhập cá nhân',
    content:
      'Tôi nộp hồ sơ hoàn thuế thu nhập cá nhân qua mạng từ tháng 4, quá thời hạn mười hai ngày làm việc nhưng chưa được hoàn. Đề nghị cơ quan thuế giải quyết.',
  },
  road: {
    title: 'Phản ánh công trình đường chậm tiến độ',
    content:
      'Dự án nâng cấp tuyến đường liên xã thi công kéo dài hai năm, mặt đường đào bới gây bụi và tai nạn. Đề nghị đôn đốc nhà thầu.',
  },
  pension: {
    title: 'Khiếu nại việc tính sai lương hưu',
    content:
      'Cơ quan bảo hiểm tính lương hưu của tôi thiếu ba năm công tác ở chiến trường. Tôi đã gửi bản sao quyết định điều động làm căn cứ.',
  },
  market: {
    title: 'Khiếu nại quyết định xử phạt của đội quản lý thị trường',
    content:
      'Đội quản lý thị trường phạt cửa hàng tôi vì hàng không rõ nguồn gốc trong khi tôi đã xuất trình đủ hóa đơn nhập hàng. Đề nghị hủy quyết định xử phạt.',
  },
  bribe: {
    title: 'Tố cáo cán bộ nhận tiền khi cấp giấy phép',
    content:
      'Cán bộ phòng cấp phép yêu cầu nộp thêm tiền ngoài lệ phí mới giải quyết hồ sơ xin giấy phép kinh doanh. Tôi có ghi âm làm bằng chứng.',
  },
  electricity: {
    title: 'Kiến nghị về việc cắt điện không báo trước',
    content:
      'Điện lực khu vực cắt điện nhiều lần trong tháng mà không thông báo trước, làm hỏng thiết bị của các hộ kinh doanh. Đề nghị bồi thường và báo lịch cắt điện.',
  },
  license: {
    title: 'Khiếu nại việc chậm cấp giấy phép kinh doanh',
    content:
      'Hồ sơ xin cấp giấy phép kinh doanh rượu của tôi đã quá hạn hai mươi ngày mà chưa có kết quả, cũng không có văn bản trả lời lý do.',
  },
  pollution: {
    title: 'Phản ánh nhà máy xả nước thải ra sông',
    content:
      'Nhà máy giấy ở đầu làng xả nước thải chưa xử lý ra sông vào ban đêm, nước đổi màu và cá chết hàng loạt. Đề nghị kiểm tra, xử lý nghiêm.',
  },
  housing: {
    title: 'Kiến nghị về việc cấp giấy chứng nhận nhà ở công vụ',
    content:
      'Khu tập thể cơ quan xây từ năm 1990, các hộ đã ở ổn định nhưng chưa được xét cấp giấy chứng nhận quyền sở hữu nhà. Đề nghị hướng dẫn thủ tục.',
  },
  flood: {
    title: 'Phản ánh ngập úng do cống thoát nước bị lấp',
    content:
      'Cống thoát nước của khu dân cư bị công trình bên cạnh lấp kín, mỗi trận mưa nước ngập vào nhà dân nửa mét. Đề nghị khơi thông cống.',
  },
  noise: {
    title: 'Khiếu nại việc cấp phép karaoke gần trường học',
    content:
      'Cơ sở karaoke được cấp phép cách cổng trường mầm non chưa đến một trăm mét, hoạt động ồn ào đến khuya. Đề nghị thu hồi giấy phép.',
  },
  court: {
    title: 'Khiếu nại việc chậm thi hành bản án dân sự',
    content:
      'Bản án dân sự buộc bên vay trả nợ cho tôi đã có hiệu lực từ năm ngoái nhưng cơ quan thi hành án chưa tổ chức thi hành. Đề nghị đôn đốc thi hành án.',
  },
} as const

/** The same words typed without a Vietnamese keyboard. */
const withoutDiacritics = (s: string) =>
  s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D')

interface Filed {
  trackingCode: string
  committee: { id: string }
}

async function file(body: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Filed> {
  const res = await h.request('POST', '/api/v1/petitions', {
    body: { topic: 'administration', ...body },
    headers,
  })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body
}

async function view(code: string, as: string) {
  const res = await h.request('GET', `/api/v1/cases/${code}`, { as })
  expect(res.status).toBe(200)
  return res.body
}

async function act(code: string, as: string, body: Record<string, unknown>) {
  const { version } = await view(code, as)
  return h.request('POST', `/api/v1/cases/${code}/actions`, {
    as,
    body,
    headers: { 'if-match': String(version) },
  })
}

/** The repeat-index items under one key material (hashed as the application hashes it). */
async function keyItems(reason: 'same_identity' | 'same_name_address', material: string) {
  const [key] = h.server.services.repeats.hashKeys([{ reason, material }])
  const out = await h.server.services.db.query({
    TableName: h.server.services.tableName,
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': `REPEAT#${key!.hash}` },
  })
  return out.Items ?? []
}

const codesOf = (repeats: { trackingCode: string }[]) => repeats.map((r) => r.trackingCode)

// ─── Finding earlier petitions ──────────────────────────────────────────────────────────────────

describe('finding earlier petitions at intake', () => {
  it('finds a petition of the same identity number across kinds and shows it with the reason', async () => {
    const x = person('Nguyễn Văn Thành', 'Số 9 phố Lò Đúc, Hà Nội')
    const earlier = await file({
      kind: 'complaint',
      ...TEXTS.land,
      petitioner: x,
      concerns: { organization: 'Bộ Tài chính' },
    })
    const later = await file({
      kind: 'recommendation',
      ...TEXTS.school,
      petitioner: { ...x, address: 'Thôn Hạ, xã Yên Phong, Bắc Ninh' },
      concerns: { organization: 'Bộ Tài chính' },
    })

    const seen = await view(later.trackingCode, 'btc.canbo')

    expect(earlier.committee.id).toBe('btc')
    expect(seen.repeats).toHaveLength(1)
    expect(seen.repeats[0]).toMatchObject({
      trackingCode: earlier.trackingCode,
      reasons: ['same_identity'],
      kind: 'complaint',
      status: 'received',
      reachable: true,
      title: TEXTS.land.title,
    })
    expect(seen.repeats[0].score).toBeLessThan(0.5)
  })

  it('finds a petition of the same name and address, written without diacritics and abbreviated', async () => {
    const earlier = await file({
      kind: 'feedback',
      ...TEXTS.hospital,
      petitioner: { fullName: 'Lê Thị Hoa', address: 'Số 3 ngõ 5 phố Huế, phường Hai Bà Trưng, Hà Nội' },
      concerns: { organization: 'Bộ Y tế' },
    })
    const later = await file({
      kind: 'complaint',
      ...TEXTS.salary,
      petitioner: { fullName: 'LE THI HOA', address: '3 ngo 5 Hue, P. Hai Ba Trung, Ha Noi' },
      concerns: { organization: 'Bộ Y tế' },
    })

    const seen = await view(later.trackingCode, 'byt.canbo')

    expect(seen.repeats).toEqual([
      expect.objectContaining({ trackingCode: earlier.trackingCode, reasons: ['same_name_address'] }),
    ])
  })

  it('finds a near-identical petition typed without diacritics by someone else, with its score', async () => {
    const earlier = await file({
      kind: 'feedback',
      ...TEXTS.tax,
      petitioner: person('Phạm Quốc Bảo', 'Số 1 Tràng Thi, Hà Nội'),
      concerns: { organization: 'Bộ Tài chính' },
    })
    const later = await file({
      kind: 'recommendation',
      title: withoutDiacritics(TEXTS.tax.title),
      content: withoutDiacritics(TEXTS.tax.content),
      petitioner: person('Đinh Thị Lụa', 'Số 2 Hàng Gai, Hà Nội'),
      concerns: { organization: 'Bo Tai chinh' },
    })

    const seen = await view(later.trackingCode, 'btc.canbo')

    expect(seen.repeats).toEqual([
      expect.objectContaining({
        trackingCode: earlier.trackingCode,
        score: 1,
        reasons: ['similar_content', 'same_subject'],
        kind: 'feedback',
      }),
    ])
  })

  it('finds the earlier petitions of one recorded at the desk at intake, before anyone opens it', async () => {
    const w = person('Lưu Thị Yến', 'Số 30 Hai Bà Trưng, Hà Nội')
    const earlier = await file({
      kind: 'feedback',
      ...TEXTS.flood,
      petitioner: w,
      concerns: { organization: 'Bộ Y tế' },
    })
    const desk = await h.request('POST', '/api/v1/cases', {
      as: 'tiepdan',
      body: {
        kind: 'complaint',
        ...TEXTS.noise,
        petitioner: w,
        concerns: { organization: 'Bộ Y tế' },
        topic: 'administration',
        channel: 'post',
        receivedAt: '2026-11-26',
      },
    })
    expect(desk.status).toBe(201)

    const stored = await h.server.services.cases.getCase(normalizeTrackingCode(desk.body.trackingCode)!)

    expect(stored?.repeats).toEqual([
      expect.objectContaining({
        code: normalizeTrackingCode(earlier.trackingCode),
        reasons: ['same_identity', 'same_name_address'],
      }),
    ])
  })

  it('suggests nothing for an unrelated petition of another petitioner about the same organisation', async () => {
    const filed = await file({
      kind: 'complaint',
      ...TEXTS.road,
      petitioner: person('Hà Văn Tú', 'Số 5 Kim Mã, Hà Nội'),
      concerns: { organization: 'Bộ Tài chính' },
    })

    const seen = await view(filed.trackingCode, 'btc.canbo')

    expect(seen.repeats).toEqual([])
  })

  it('writes the keys of a replayed submission once, and finds it once', async () => {
    const y = person('Trịnh Thị Nga', 'Tổ 3, phường Quang Trung, Hà Đông, Hà Nội')
    const body = {
      kind: 'complaint',
      ...TEXTS.pension,
      petitioner: y,
      concerns: { organization: 'Bộ Nội vụ' },
    }
    const key = { 'idempotency-key': `repeat-${randomBytes(6).toString('hex')}` }

    const first = await file(body, key)
    const replay = await file(body, key)
    const again = await file(body)

    const identityItems = await keyItems('same_identity', `identity:${y.idNumber}`)
    expect(replay.trackingCode).toBe(first.trackingCode)
    expect(identityItems.map((i) => i.code).sort()).toEqual(
      [first.trackingCode, again.trackingCode].map((c) => normalizeTrackingCode(c)).sort(),
    )
    const seen = await view(again.trackingCode, 'bnv.canbo')
    expect(codesOf(seen.repeats)).toEqual([first.trackingCode])
    expect(seen.repeats[0]).toMatchObject({
      score: 1,
      reasons: ['same_identity', 'same_name_address', 'similar_content', 'same_subject'],
    })
    // The index holds hashes only: no identity number, name or address in any key item.
    const stored = JSON.stringify(identityItems)
    for (const value of [y.idNumber, 'Nga', 'nga', 'Quang Trung', 'quang trung'])
      expect(stored).not.toContain(value)
  })
})

// ─── Linking and marking, the report ────────────────────────────────────────────────────────────

describe('linking repeats and marking duplicates', () => {
  it('links a repeat without touching either clock, marks a duplicate, and counts both in the repeat rate', async () => {
    const z = person('Kiều Văn Lâm', 'Số 14 Trần Hưng Đạo, Hà Nội')
    const original = await file({
      kind: 'complaint',
      ...TEXTS.court,
      petitioner: z,
      concerns: { organization: 'Bộ Tư pháp' },
    })
    const repeat = await file({
      kind: 'complaint',
      ...TEXTS.court,
      content: `${TEXTS.court.content} Đây là lần thứ hai tôi gửi đơn.`,
      petitioner: z,
      concerns: { organization: 'Bộ Tư pháp' },
    })
    const copy = await file({
      kind: 'feedback',
      title: withoutDiacritics(TEXTS.court.title),
      content: withoutDiacritics(TEXTS.court.content),
      petitioner: person('Mai Thị Đào', 'Số 8 Lý Thường Kiệt, Hà Nội'),
      concerns: { organization: 'Bộ Tư pháp' },
    })
    expect(original.committee.id).toBe('btp')
    const before = await view(repeat.trackingCode, 'btp.canbo')
    const originalBefore = await view(original.trackingCode, 'btp.canbo')
    expect(codesOf(before.repeats)).toContain(original.trackingCode)

    const linked = await act(repeat.trackingCode, 'btp.canbo', {
      action: 'link_repeat',
      of: original.trackingCode,
    })
    const duplicate = await act(copy.trackingCode, 'btp.canbo', {
      action: 'mark_duplicate',
      of: (await view(copy.trackingCode, 'btp.canbo')).repeats[0].trackingCode,
    })

    expect(linked.status).toBe(200)
    expect(linked.body.status).toBe('received')
    expect(linked.body.history.at(-1)).toMatchObject({
      type: 'linked_repeat',
      public: false,
      data: { of: normalizeTrackingCode(original.trackingCode) },
    })
    // Each petitioner keeps their own clock: neither case's deadlines move.
    expect(linked.body.deadlines).toEqual(before.deadlines)
    const originalAfter = await view(original.trackingCode, 'btp.canbo')
    expect(originalAfter.version).toBe(originalBefore.version)
    expect(originalAfter.deadlines).toEqual(originalBefore.deadlines)
    expect(duplicate.status).toBe(200)
    expect(duplicate.body).toMatchObject({ status: 'duplicate', duplicateOf: expect.any(String) })

    const report = await h.request('GET', '/api/v1/reports?committeeId=btp&from=2026-11-01&to=2026-11-30', {
      as: 'giamsat',
    })
    expect(report.status).toBe(200)
    expect(report.body.total.caseload.received.total).toBe(3)
    expect(report.body.total.repeats).toEqual({ duplicates: 1, linkedRepeats: 1, total: 2, rate: 2 / 3 })
  })

  it('refuses to link a case to itself, to a case that does not exist, or twice to the same case', async () => {
    const a = await file({
      kind: 'feedback',
      ...TEXTS.electricity,
      petitioner: person('Tô Văn Hùng', 'Số 4 Hàng Bông, Hà Nội'),
      concerns: { organization: 'Bộ Công Thương' },
    })
    const b = await file({
      kind: 'feedback',
      ...TEXTS.electricity,
      petitioner: person('Lò Thị Sen', 'Bản Mường, Sơn La'),
      concerns: { organization: 'Bộ Công Thương' },
    })

    const self = await act(b.trackingCode, 'bct.canbo', { action: 'link_repeat', of: b.trackingCode })
    const unknown = await act(b.trackingCode, 'bct.canbo', {
      action: 'link_repeat',
      of: formatTrackingCode(newTrackingCode()),
    })
    const first = await act(b.trackingCode, 'bct.canbo', { action: 'link_repeat', of: a.trackingCode })
    const twice = await act(b.trackingCode, 'bct.canbo', { action: 'link_repeat', of: a.trackingCode })

    expect([self.status, self.body.type]).toEqual([422, problemType('repeat_of_itself')])
    expect([unknown.status, unknown.body.type]).toEqual([422, problemType('unknown_tracking_code')])
    expect(first.status).toBe(200)
    expect([twice.status, twice.body.type]).toEqual([409, problemType('already_linked')])
  })

  it('flags a repeat of a petition already guided once, with the legal ground in both languages', async () => {
    const petitioner = person('Quách Văn Đông', 'Số 21 Bà Triệu, Hà Nội')
    const earlier = await file({
      kind: 'complaint',
      ...TEXTS.license,
      petitioner,
      concerns: { organization: 'Bộ Công Thương' },
    })
    const guided = await act(earlier.trackingCode, 'bct.canbo', {
      action: 'guide',
      guidance: 'Đề nghị gửi đơn đến Ủy ban nhân dân quận nơi cấp phép.',
    })
    expect(guided.status).toBe(200)
    const later = await file({
      kind: 'complaint',
      ...TEXTS.license,
      petitioner,
      concerns: { organization: 'Bộ Công Thương' },
    })

    const seen = await view(later.trackingCode, 'bct.canbo')

    expect(seen.repeats[0]).toMatchObject({
      trackingCode: earlier.trackingCode,
      status: 'guided',
      flag: {
        code: 'already_guided',
        vi: expect.stringContaining('hướng dẫn một lần'),
        en: expect.stringContaining('guidance once'),
        basis: expect.stringContaining('05/2021/TT-TTCP'),
      },
    })
  })
})

// ─── Confidentiality ────────────────────────────────────────────────────────────────────────────

describe('confidentiality of suggestions', () => {
  const marker = randomBytes(4).toString('hex')
  const z = {
    fullName: `LEAKMARK-NAME-${marker} Vương Thị`,
    idNumber: digits(12),
    address: `Số 6 ngõ LEAKMARK-ADDR-${marker}, Hà Nội`,
    phone: `09${digits(8)}`,
  }
  const markers = [`leakmark-name-${marker}`, z.idNumber, `leakmark-addr-${marker}`, z.phone]
  const carries = (value: unknown) => {
    const text = JSON.stringify(value).toLowerCase()
    return markers.filter((m) => text.includes(m))
  }
  const filed = {} as Record<
    'complaint' | 'denunciation' | 'complaintAgain' | 'elsewhere' | 'anonymousCopy',
    Filed
  >

  beforeAll(async () => {
    const at = { concerns: { organization: 'Bộ Công Thương' } }
    filed.complaint = await file({ kind: 'complaint', ...TEXTS.market, petitioner: z, ...at })
    filed.denunciation = await file({ kind: 'denunciation', ...TEXTS.bribe, petitioner: z, ...at })
    filed.complaintAgain = await file({ kind: 'complaint', ...TEXTS.pollution, petitioner: z, ...at })
    filed.elsewhere = await file({
      kind: 'complaint',
      ...TEXTS.housing,
      petitioner: z,
      concerns: { organization: 'Bộ Nội vụ' },
    })
    filed.anonymousCopy = await file({ kind: 'denunciation', anonymous: true, ...TEXTS.market, ...at })
  })

  it('never links a denunciation to its denouncer: no same-petitioner suggestion on it or to it', async () => {
    for (const viewer of ['bct.canbo', 'bct.truong', 'giamsat']) {
      const onDenunciation = await view(filed.denunciation.trackingCode, viewer)
      expect(onDenunciation.repeats, viewer).toEqual([])
      expect(carries(onDenunciation), viewer).toEqual([])
    }
    const onComplaint = await view(filed.complaintAgain.trackingCode, 'bct.canbo')
    expect(codesOf(onComplaint.repeats)).toEqual([filed.complaint.trackingCode])
    expect(onComplaint.repeats[0].reasons).toEqual(['same_identity', 'same_name_address'])
    expect(carries(onComplaint.repeats)).toEqual([])
  })

  it('shows same-petitioner matches only to those who may see the identity on both cases', async () => {
    // The handler of another committee sees this complainant, not the earlier petitions' petitioner.
    const elsewhere = await view(filed.elsewhere.trackingCode, 'bnv.canbo')
    // A supervisor reads every case but sees no petitioner's identity in the ordinary view.
    const supervisor = await view(filed.complaintAgain.trackingCode, 'giamsat')
    // A head above reads the file, not who filed it.
    const headAbove = await view(filed.complaintAgain.trackingCode, 'dukhoi.truong')

    expect(elsewhere.repeats).toEqual([])
    expect(supervisor.repeats).toEqual([])
    expect(headAbove.repeats).toEqual([])
  })

  it('shows a content match on a denunciation by its score, and never who filed either petition', async () => {
    const seen = await view(filed.anonymousCopy.trackingCode, 'bct.canbo')

    expect(seen.repeats).toEqual([
      expect.objectContaining({
        trackingCode: filed.complaint.trackingCode,
        reasons: ['similar_content', 'same_subject'],
        score: 1,
      }),
    ])
    expect(carries(seen)).toEqual([])
  })

  it('names an earlier petition outside the reader’s reach by nothing: no code, no title', async () => {
    // A denunciation at one committee, then the same text (another sender) at another committee.
    const words = `Tố cáo cán bộ thu tiền trái phép khi cấp giấy phép xây dựng ${marker}`
    const content = `${words}. Đề nghị kiểm tra và xử lý nghiêm việc thu tiền ngoài quy định ${marker}.`
    const earlier = await file({
      kind: 'denunciation',
      title: words,
      content,
      petitioner: person('Tạ Văn Kiên', 'Số 5 Phan Chu Trinh, Hà Nội'),
      concerns: { organization: 'Bộ Công Thương' },
    })
    const later = await file({
      kind: 'feedback',
      title: words,
      content,
      petitioner: person('Hồ Thị Nga', 'Số 9 Hàng Bông, Hà Nội'),
      concerns: { organization: 'Bộ Nội vụ' },
    })

    const seen = await view(later.trackingCode, 'bnv.canbo')
    const supervisor = await view(later.trackingCode, 'giamsat')

    expect(seen.repeats).toHaveLength(1)
    expect(seen.repeats[0]).toMatchObject({ reachable: false, kind: 'denunciation', score: 1 })
    expect(seen.repeats[0]).not.toHaveProperty('trackingCode')
    expect(seen.repeats[0]).not.toHaveProperty('title')
    const code = normalizeTrackingCode(earlier.trackingCode)!
    for (const form of [code, formatTrackingCode(code), earlier.trackingCode])
      expect(JSON.stringify(seen).toLowerCase()).not.toContain(form.toLowerCase())
    // Whoever reaches the earlier case sees it named.
    expect(codesOf(supervisor.repeats)).toEqual([earlier.trackingCode])
  })

  it('keeps no identity in the repeat index or in the suggestions stored on the case', async () => {
    const items = [
      ...(await keyItems('same_identity', `identity:${z.idNumber}`)),
      ...(await keyItems(
        'same_name_address',
        repeatKeyMaterials({ title: '', content: '', petitioner: z }).keys.find(
          (k) => k.reason === 'same_name_address',
        )!.material,
      )),
    ]
    const stored = await h.server.services.cases.getCase(
      normalizeTrackingCode(filed.complaintAgain.trackingCode)!,
    )

    expect(items.length).toBeGreaterThanOrEqual(4)
    expect(carries(items)).toEqual([])
    expect(stored?.repeats?.length).toBeGreaterThan(0)
    expect(carries(stored?.repeats)).toEqual([])
  })
})

// ─── Cost and access ────────────────────────────────────────────────────────────────────────────

describe('cost and access', () => {
  it('finds candidates with one bounded Query per key at the first staff read, and measures the cost', async () => {
    const body = (n: number) => ({
      kind: 'recommendation',
      title: 'Kiến nghị sửa quy định về giờ làm việc của bộ phận một cửa',
      content: `Đề nghị bộ phận một cửa làm việc cả sáng thứ bảy để người lao động nộp hồ sơ. Ý kiến số ${n}.`,
      petitioner: person(`Người gửi ${n}`, `Số ${n} phố Huế, Hà Nội`),
      concerns: { organization: 'Bộ Khoa học và Công nghệ' },
    })
    const by = (op: string) => operations.filter((o) => o.operation === op)
    const units = (list: CapacityRecord[]) => list.reduce((s, o) => s + o.capacityUnits, 0)
    const tally = () => ({
      queries: by('Query').length,
      queryUnits: units(by('Query')),
      puts: by('PutItem').length,
      putUnits: units(by('PutItem')),
      gets: by('GetItem').length,
      getUnits: units(by('GetItem')),
      updates: by('UpdateItem').length,
      total: units(operations),
    })
    const measure = async (run: () => Promise<unknown>) => {
      operations.length = 0
      await run()
      return tally()
    }
    for (let i = 1; i <= 6; i++) await file(body(i))
    await view((await file(body(0))).trackingCode, 'bkhcn.canbo')

    let filed: Filed | undefined
    const submission = await measure(async () => {
      filed = await file(body(7))
    })
    const firstRead = await measure(() => view(filed!.trackingCode, 'bkhcn.canbo'))
    const secondRead = await measure(() => view(filed!.trackingCode, 'bkhcn.canbo'))

    // Keys: identity, name and address, subject, 8 content bands: one PutItem each at intake (the
    // public function queries nothing), one Query each at the first staff read, none after it.
    expect(submission).toMatchObject({ queries: 0, puts: 11 + 2 })
    // The case's supplements are not read: its history records none.
    expect(firstRead.queries).toBe(11)
    expect(firstRead.updates).toBe(1)
    expect(secondRead).toMatchObject({ queries: 0, updates: 0 })
    console.log(
      `repeats capacity: submission ${JSON.stringify(submission)}; first staff read with 7 similar earlier ${JSON.stringify(firstRead)}; second read ${JSON.stringify(secondRead)}`,
    )
  })

  it('never scans: no Scan in the code, and none among every operation this file ran', async () => {
    const sources: string[] = []
    const walk = async (dir: string): Promise<void> => {
      for (const entry of await readdir(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name)
        if (entry.isDirectory()) await walk(path)
        else if (/\.tsx?$/.test(entry.name)) sources.push(await readFile(path, 'utf8'))
      }
    }
    for (const dir of ['shared', 'functions', 'local', 'web'])
      await walk(join(import.meta.dirname, '../..', dir))

    expect(sources.length).toBeGreaterThan(20)
    expect(sources.filter((s) => /ScanCommand|\bScan\(/.test(s))).toEqual([])
    expect(operations.length).toBeGreaterThan(0)
    expect(scans).toBe(0)
  })
})
