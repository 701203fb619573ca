import { describe, expect, it } from 'vitest'
import {
  bandMaterials,
  comparableText,
  compareShingles,
  foldedAddress,
  foldVietnamese,
  LSH_BANDS,
  MAX_SUGGESTIONS,
  minHash,
  type RepeatSuggestion,
  rankSuggestions,
  repeatFlag,
  repeatKeyMaterials,
  shingles,
  suggestionReasons,
} from '../../shared/domain/similarity.js'

const MATERNITY = {
  title: 'Khiếu nại việc chậm chi trả chế độ thai sản',
  content:
    'Tôi nghỉ sinh con từ tháng 5 nhưng đến nay chưa được chi trả chế độ thai sản. Cơ quan bảo hiểm đã nhận đủ hồ sơ. Đề nghị giải quyết dứt điểm.',
}
/** The same petition typed without a Vietnamese keyboard. */
const MATERNITY_PLAIN = {
  title: 'Khieu nai viec cham chi tra che do thai san',
  content:
    'Toi nghi sinh con tu thang 5 nhung den nay chua duoc chi tra che do thai san. Co quan bao hiem da nhan du ho so. De nghi giai quyet dut diem.',
}
/** Sent again: sentences reordered, a few words changed, a demand added. */
const MATERNITY_AGAIN = {
  title: 'Khiếu nại lần nữa việc chậm trả chế độ thai sản',
  content:
    'Cơ quan bảo hiểm đã nhận đủ hồ sơ của tôi. Tôi nghỉ sinh con từ tháng 5 nhưng đến nay vẫn chưa được chi trả chế độ thai sản. Đề nghị giải quyết dứt điểm, trả đủ tiền.',
}
const RECRUITMENT = {
  title: 'Khiếu nại kết quả xét tuyển viên chức',
  content:
    'Kết quả xét tuyển viên chức năm nay không công bố điểm chi tiết, tôi cho rằng việc chấm điểm phỏng vấn chưa khách quan. Đề nghị phúc khảo và công khai kết quả.',
}

const shinglesOf = (p: { title: string; content: string }) => shingles(comparableText(p))
const bandsOf = (p: { title: string; content: string }) => bandMaterials(minHash(shinglesOf(p))!)
const sharedBands = (a: string[], b: string[]) => a.filter((k) => b.includes(k)).length

describe('folding Vietnamese text', () => {
  it('drops tones and vowel marks, folds đ to d, lowers case and collapses punctuation', () => {
    expect(foldVietnamese('  Đề nghị GIẢI QUYẾT,   dứt điểm! ')).toBe('de nghi giai quyet dut diem')
  })

  it('folds decomposed (NFD) and precomposed (NFC) input alike', () => {
    const nfc = 'Nguyễn Thị Hạnh, Thanh Hóa'
    expect(foldVietnamese(nfc.normalize('NFD'))).toBe(foldVietnamese(nfc))
    expect(foldVietnamese(nfc)).toBe('nguyen thi hanh thanh hoa')
  })

  it('reads two writings of the same address as one', () => {
    expect(foldedAddress('Số 12 phố Hàng Bài, phường Hoàn Kiếm, Hà Nội')).toBe(
      foldedAddress('12 Hang Bai, P. Hoan Kiem, Ha Noi'),
    )
    expect(foldedAddress('45 Nguyễn Thị Minh Khai, TP. Hồ Chí Minh')).toBe(
      foldedAddress('45 Nguyen Thi Minh Khai, Thành phố Hồ Chí Minh'),
    )
  })
})

describe('scoring two petitions', () => {
  it('scores the same petition without diacritics as identical', () => {
    expect(compareShingles(shinglesOf(MATERNITY_PLAIN), shinglesOf(MATERNITY))).toEqual({
      score: 1,
      newInEarlier: 1,
    })
  })

  it('scores a reordered petition with a few words changed as similar, though not identical', () => {
    const { score } = compareShingles(shinglesOf(MATERNITY_AGAIN), shinglesOf(MATERNITY))
    expect(score).toBeGreaterThanOrEqual(0.5)
    expect(score).toBeLessThan(0.9)
  })

  it('scores an unrelated petition of the same kind close to zero', () => {
    expect(compareShingles(shinglesOf(RECRUITMENT), shinglesOf(MATERNITY)).score).toBeLessThan(0.1)
  })

  it('sees a repeat that adds a paragraph as mostly contained in the earlier one', () => {
    const longer = {
      ...MATERNITY,
      content: `${MATERNITY.content} Tôi đã gửi đơn một lần nhưng chưa được trả lời.`,
    }
    const c = compareShingles(shinglesOf(MATERNITY), shinglesOf(longer))
    expect(c.newInEarlier).toBe(1)
    expect(c.score).toBeGreaterThan(0.8)
  })
})

describe('candidate keys', () => {
  it('gives the same LSH bands to a petition with and without diacritics', () => {
    expect(bandsOf(MATERNITY_PLAIN)).toEqual(bandsOf(MATERNITY))
    expect(bandsOf(MATERNITY)).toHaveLength(LSH_BANDS)
  })

  it('shares at least one band with a near-identical repeat and none with an unrelated petition', () => {
    expect(sharedBands(bandsOf(MATERNITY_AGAIN), bandsOf(MATERNITY))).toBeGreaterThanOrEqual(1)
    expect(sharedBands(bandsOf(RECRUITMENT), bandsOf(MATERNITY))).toBe(0)
  })

  it('derives identity, name-and-address, subject and content keys, never without an address for the name', () => {
    const { keys } = repeatKeyMaterials({
      ...MATERNITY,
      petitioner: {
        fullName: 'Trần Thị Bình',
        idNumber: '031190004567',
        address: 'Tổ 5, phường Lê Chân, Hải Phòng',
      },
      concerns: { organization: 'Bảo hiểm xã hội Việt Nam' },
    })
    const reasons = keys.map((k) => k.reason)
    expect(reasons.filter((r) => r === 'same_identity')).toHaveLength(1)
    expect(reasons.filter((r) => r === 'same_name_address')).toHaveLength(1)
    expect(reasons.filter((r) => r === 'same_subject')).toHaveLength(1)
    expect(reasons.filter((r) => r === 'similar_content')).toHaveLength(LSH_BANDS)
    const noAddress = repeatKeyMaterials({ ...MATERNITY, petitioner: { fullName: 'Trần Thị Bình' } })
    expect(noAddress.keys.map((k) => k.reason)).not.toContain('same_name_address')
  })

  it('matches the same person written with and without diacritics by name and address', () => {
    const material = (fullName: string, address: string) =>
      repeatKeyMaterials({ ...MATERNITY, petitioner: { fullName, address } }).keys.find(
        (k) => k.reason === 'same_name_address',
      )!.material
    expect(material('Trần Thị Bình', 'Tổ 5, phường Lê Chân, Hải Phòng')).toBe(
      material('TRAN THI BINH', 'to 5 Le Chan - Hai Phong'),
    )
    expect(material('Trần Thị Bình', 'Tổ 5, phường Lê Chân, Hải Phòng')).not.toBe(
      material('Trần Thị Bình', 'Tổ 6, phường Lê Chân, Hải Phòng'),
    )
  })

  it('gives an anonymous petition content keys only', () => {
    const { keys } = repeatKeyMaterials(MATERNITY)
    expect(new Set(keys.map((k) => k.reason))).toEqual(new Set(['similar_content']))
  })
})

describe('suggestions and their grounds', () => {
  const far = { score: 0.05, newInEarlier: 0.05 }
  const near = { score: 0.7, newInEarlier: 0.9 }

  it('suggests a petition of the same petitioner whatever its content', () => {
    expect(suggestionReasons(new Set(['same_identity']), far)).toEqual(['same_identity'])
  })

  it('needs the score for content, a lower one when the subject is the same, and never the subject alone', () => {
    expect(suggestionReasons(new Set(['similar_content']), { score: 0.4, newInEarlier: 0.4 })).toEqual([])
    expect(suggestionReasons(new Set(['same_subject']), { score: 0.4, newInEarlier: 0.4 })).toEqual([
      'similar_content',
      'same_subject',
    ])
    expect(suggestionReasons(new Set(['same_subject']), far)).toEqual([])
    expect(suggestionReasons(new Set(['similar_content']), near)).toEqual(['similar_content'])
  })

  it('flags a petition whose content was already guided once, with its legal basis in both languages', () => {
    const flag = repeatFlag({ status: 'guided' }, { reasons: ['similar_content'], newInEarlier: 0.6 })
    expect(flag).toMatchObject({ code: 'already_guided', basis: expect.stringContaining('05/2021/TT-TTCP') })
    expect(flag!.vi).toContain('hướng dẫn một lần')
    expect(flag!.en).toContain('guidance once')
  })

  it('flags a finally decided matter only when the new petition brings nothing new', () => {
    const same = repeatFlag({ status: 'closed' }, { reasons: ['similar_content'], newInEarlier: 0.9 })
    const more = repeatFlag({ status: 'resolved' }, { reasons: ['similar_content'], newInEarlier: 0.5 })
    expect(same?.code).toBe('finally_decided_nothing_new')
    expect(more).toBeUndefined()
  })

  it('raises no flag on a same-petitioner match about something else, nor on an open earlier case', () => {
    expect(repeatFlag({ status: 'guided' }, { reasons: ['same_identity'], newInEarlier: 1 })).toBeUndefined()
    expect(
      repeatFlag({ status: 'accepted' }, { reasons: ['similar_content'], newInEarlier: 1 }),
    ).toBeUndefined()
  })

  it('puts same-petitioner matches first, then the highest score, and keeps a few', () => {
    const s = (code: string, score: number, reasons: RepeatSuggestion['reasons']): RepeatSuggestion => ({
      code,
      score,
      reasons,
      newInEarlier: score,
      kind: 'complaint',
      status: 'received',
      receivedOn: '2026-11-01',
    })
    const ranked = rankSuggestions([
      s('A', 0.9, ['similar_content']),
      s('B', 0.1, ['same_identity']),
      s('C', 0.6, ['similar_content']),
      ...['D', 'E', 'F', 'G'].map((c) => s(c, 0.55, ['similar_content'])),
    ])
    expect(ranked.map((x) => x.code).slice(0, 3)).toEqual(['B', 'A', 'C'])
    expect(ranked).toHaveLength(MAX_SUGGESTIONS)
  })
})
