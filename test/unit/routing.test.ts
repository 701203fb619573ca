/**
 * Routing (docs/domain.md#routing): which committee is competent for a petition. Realistic cases
 * use the demo bloc (local/demo-data.ts); edge cases use small trees built in the test.
 */
import { describe, expect, it } from 'vitest'
import { COMMITTEES, ROUTING_RULES } from '../../local/demo-data.js'
import {
  ancestry,
  type Committee,
  committeeForOrganization,
  normalizeName,
  type RoutingInput,
  type RoutingRule,
  routePetition,
} from '../../shared/domain/routing.js'

const committee = (id: string, overrides: Partial<Committee> = {}): Committee => ({
  id,
  name: `Committee ${id}`,
  type: 'subordinate',
  organizations: [],
  ...overrides,
})

const rule = (id: string, priority: number, overrides: Partial<RoutingRule> = {}): RoutingRule => ({
  id,
  priority,
  description: { vi: `Quy tắc ${id}`, en: `Rule ${id}` },
  target: { byConcernedOrganization: true },
  ...overrides,
})

const complaintBy = (overrides: Partial<RoutingInput> = {}): RoutingInput => ({
  kind: 'complaint',
  submitterType: 'citizen',
  ...overrides,
})

describe('normalizeName', () => {
  it('lowers the case and strips the Vietnamese accents: "Bộ Tài chính" becomes "bo tai chinh"', () => {
    expect(normalizeName('Bộ Tài chính')).toBe('bo tai chinh')
  })

  it('turns đ and Đ into d, which Unicode decomposition alone does not', () => {
    expect(normalizeName('Đảng ủy Khối')).toBe('dang uy khoi')
    expect(normalizeName('Ủy ban Kiểm tra đảng')).toBe('uy ban kiem tra dang')
  })

  it('strips the horn of ơ and ư and the stacked marks of ộ and ữ', () => {
    expect(normalizeName('Bộ Công Thương')).toBe('bo cong thuong')
    expect(normalizeName('Giữ gìn')).toBe('giu gin')
  })

  it('treats text already decomposed (NFD) like the composed form', () => {
    // Arrange
    const decomposed = 'Bộ Y tế'.normalize('NFD')

    // Act & Assert
    expect(normalizeName(decomposed)).toBe(normalizeName('Bộ Y tế'))
  })

  it('collapses runs of white space and trims both ends', () => {
    expect(normalizeName('  Bộ \t Tài   chính\n ')).toBe('bo tai chinh')
  })
})

describe('committeeForOrganization', () => {
  it('finds the committee whose agencies the text names, ignoring case and accents', () => {
    // Act
    const found = committeeForOrganization(COMMITTEES, 'ngan hang nha nuoc chi nhanh Ha Noi')

    // Assert
    expect(found?.committee.id).toBe('nhnn')
    expect(found?.matched).toBe('Ngân hàng Nhà nước')
  })

  it('prefers the longest agency name: the office of the bloc, not the bloc itself', () => {
    // "Văn phòng Đảng ủy Khối" also contains "Đảng ủy Khối", the bloc's own agency name.
    const found = committeeForOrganization(COMMITTEES, 'Văn phòng Đảng ủy Khối')

    expect(found?.committee.id).toBe('vanphong')
  })

  it('prefers the longest name whatever the order of the committees', () => {
    // Arrange
    const general = committee('general', { organizations: ['Cục Thuế'] })
    const local = committee('local', { organizations: ['Cục Thuế Hà Nội'] })
    const text = 'Chi cục thuộc Cục Thuế Hà Nội'

    // Act
    const generalFirst = committeeForOrganization([general, local], text)
    const localFirst = committeeForOrganization([local, general], text)

    // Assert
    expect(generalFirst?.committee.id).toBe('local')
    expect(localFirst?.committee.id).toBe('local')
  })

  it('finds nothing when the text names no agency, or when there is no text', () => {
    expect(committeeForOrganization(COMMITTEES, 'Công ty TNHH Hoa Mai')).toBeUndefined()
    expect(committeeForOrganization(COMMITTEES, undefined)).toBeUndefined()
    expect(committeeForOrganization(COMMITTEES, '')).toBeUndefined()
  })

  it('ignores an empty agency name instead of letting it match everything', () => {
    // Arrange
    const careless = committee('careless', { organizations: ['  '] })

    // Act & Assert
    expect(committeeForOrganization([careless], 'Bộ Tài chính')).toBeUndefined()
  })
})

describe('routePetition with the demo bloc', () => {
  it('routes a denunciation of a Party member for breaching Party rules to the inspection commission', () => {
    // Arrange: the agency is named too, but the Party rule comes first.
    const input: RoutingInput = {
      kind: 'denunciation',
      topic: 'party_discipline',
      submitterType: 'member',
      concernedOrganization: 'Bộ Tài chính',
    }

    // Act
    const decision = routePetition(input, ROUTING_RULES, COMMITTEES)

    // Assert
    expect(decision.committeeId).toBe('ubkt')
    expect(decision.ruleId).toBe('R10-party-denunciation')
  })

  it('routes a complaint about Party discipline to the inspection commission', () => {
    const decision = routePetition(complaintBy({ topic: 'party_discipline' }), ROUTING_RULES, COMMITTEES)

    expect(decision).toMatchObject({ committeeId: 'ubkt', ruleId: 'R20-party-discipline-complaint' })
  })

  it('routes a petition about "bộ y tế", typed in lower case, to the Ministry of Health committee', () => {
    const decision = routePetition(
      {
        kind: 'feedback',
        topic: 'administration',
        submitterType: 'citizen',
        concernedOrganization: 'bộ y tế',
      },
      ROUTING_RULES,
      COMMITTEES,
    )

    expect(decision).toMatchObject({ committeeId: 'byt', ruleId: 'R50-by-agency' })
  })

  it('routes a denunciation about "Cục Thuế TP.HCM" to the Ministry of Finance committee', () => {
    const decision = routePetition(
      {
        kind: 'denunciation',
        topic: 'corruption',
        submitterType: 'citizen',
        concernedOrganization: 'Cục Thuế TP.HCM',
      },
      ROUTING_RULES,
      COMMITTEES,
    )

    expect(decision.committeeId).toBe('btc')
  })

  it('routes a Party-discipline recommendation by its agency: the Party rules cover denunciations and complaints only', () => {
    const decision = routePetition(
      {
        kind: 'recommendation',
        topic: 'party_discipline',
        submitterType: 'member',
        concernedOrganization: 'Bệnh viện Bạch Mai',
      },
      ROUTING_RULES,
      COMMITTEES,
    )

    expect(decision).toMatchObject({ committeeId: 'byt', ruleId: 'R50-by-agency' })
  })

  it('sends a petition about an unknown agency to the intake office with a reason in Vietnamese and English', () => {
    // Act
    const decision = routePetition(
      complaintBy({ topic: 'land', concernedOrganization: 'Công ty TNHH Hoa Mai' }),
      ROUTING_RULES,
      COMMITTEES,
    )

    // Assert
    expect(decision.committeeId).toBe('vanphong')
    expect(decision.ruleId).toBeUndefined()
    expect(decision.reason.vi).toBe(
      'Không quy tắc nào xác định được cơ quan có thẩm quyền: đơn được chuyển Văn phòng Đảng ủy Khối để phân loại, xử lý.',
    )
    expect(decision.reason.en).toBe(
      'No rule identified the competent body: the petition goes to Office of the Bloc Party Committee for triage.',
    )
  })

  it('explains an agency match by naming the agency and the committee in both languages', () => {
    const decision = routePetition(
      complaintBy({ topic: 'policy', concernedOrganization: 'Bảo hiểm xã hội Việt Nam' }),
      ROUTING_RULES,
      COMMITTEES,
    )

    expect(decision.committeeId).toBe('bnv')
    expect(decision.reason.vi).toContain('"Bảo hiểm xã hội Việt Nam"')
    expect(decision.reason.vi).toContain('Đảng ủy Bộ Nội vụ')
    expect(decision.reason.en).toContain('Party Committee of the Ministry of Home Affairs')
    expect(decision.reason.en).toContain('By the rule "A petition about an agency goes')
  })

  it('explains a fixed-target rule by quoting the rule and naming the committee', () => {
    const decision = routePetition(
      { kind: 'denunciation', topic: 'party_discipline', submitterType: 'citizen' },
      ROUTING_RULES,
      COMMITTEES,
    )

    expect(decision.reason.vi).toBe(
      'Theo quy tắc "Tố cáo đảng viên vi phạm Điều lệ, kỷ luật Đảng thuộc Ủy ban Kiểm tra": chuyển Ủy ban Kiểm tra Đảng ủy Khối.',
    )
    expect(decision.reason.en).toBe(
      'By the rule "Denunciations of Party members for breaching Party rules go to the inspection commission": sent to Inspection Commission of the Bloc Party Committee.',
    )
  })
})

describe('routePetition rules and fallbacks', () => {
  const office = committee('office', { type: 'office', name: 'Văn phòng' })
  const root = committee('root', { type: 'root', name: 'Đảng ủy' })
  const a = committee('a', { organizations: ['Cơ quan A'] })
  const b = committee('b', { organizations: ['Cơ quan B'] })
  const tree = [root, office, a, b]

  it('tries rules by priority, not by their order in the list', () => {
    // Arrange
    const rules = [
      rule('late', 20, { target: { committeeId: 'b' } }),
      rule('early', 10, { target: { committeeId: 'a' } }),
    ]

    // Act
    const decision = routePetition(complaintBy(), rules, tree)

    // Assert
    expect(decision).toMatchObject({ committeeId: 'a', ruleId: 'early' })
  })

  it('breaks a priority tie by rule id, so the outcome never depends on storage order', () => {
    const rules = [
      rule('r-2', 10, { target: { committeeId: 'b' } }),
      rule('r-1', 10, { target: { committeeId: 'a' } }),
    ]

    expect(routePetition(complaintBy(), rules, tree).ruleId).toBe('r-1')
  })

  it('skips a rule whose kinds do not include the petition’s kind', () => {
    const rules = [
      rule('denunciations', 1, { kinds: ['denunciation'], target: { committeeId: 'a' } }),
      rule('all', 2, { target: { committeeId: 'b' } }),
    ]

    expect(routePetition(complaintBy(), rules, tree).committeeId).toBe('b')
  })

  it('skips a rule with topics when the petition has no topic or another one', () => {
    const rules = [
      rule('land', 1, { topics: ['land'], target: { committeeId: 'a' } }),
      rule('all', 2, { target: { committeeId: 'b' } }),
    ]

    expect(routePetition(complaintBy(), rules, tree).committeeId).toBe('b')
    expect(routePetition(complaintBy({ topic: 'policy' }), rules, tree).committeeId).toBe('b')
    expect(routePetition(complaintBy({ topic: 'land' }), rules, tree).committeeId).toBe('a')
  })

  it('applies a rule for Party members to members only', () => {
    const rules = [
      rule('members', 1, { submitterTypes: ['member'], target: { committeeId: 'a' } }),
      rule('all', 2, { target: { committeeId: 'b' } }),
    ]

    expect(routePetition(complaintBy({ submitterType: 'member' }), rules, tree).committeeId).toBe('a')
    expect(routePetition(complaintBy({ submitterType: 'citizen' }), rules, tree).committeeId).toBe('b')
  })

  it('applies a rule limited to some organisations only when the petition names one, accents aside', () => {
    const rules = [
      rule('about-b', 1, { organizations: ['Cơ quan B'], target: { committeeId: 'a' } }),
      rule('all', 2, { target: { committeeId: 'b' } }),
    ]

    expect(routePetition(complaintBy({ concernedOrganization: 'CO QUAN B' }), rules, tree).committeeId).toBe(
      'a',
    )
    expect(routePetition(complaintBy({ concernedOrganization: 'Cơ quan C' }), rules, tree).committeeId).toBe(
      'b',
    )
    expect(routePetition(complaintBy(), rules, tree).committeeId).toBe('b')
  })

  it('skips a rule that points at a committee no longer in the tree', () => {
    // Arrange
    const rules = [
      rule('dissolved', 1, { target: { committeeId: 'dissolved' } }),
      rule('fallback', 2, { target: { committeeId: 'b' } }),
    ]

    // Act
    const decision = routePetition(complaintBy(), rules, tree)

    // Assert
    expect(decision).toMatchObject({ committeeId: 'b', ruleId: 'fallback' })
  })

  it('moves on to the next rule when an agency rule finds no agency', () => {
    const rules = [rule('by-agency', 1), rule('catch-all', 2, { target: { committeeId: 'a' } })]

    expect(routePetition(complaintBy({ concernedOrganization: 'Nơi khác' }), rules, tree)).toMatchObject({
      committeeId: 'a',
      ruleId: 'catch-all',
    })
  })

  it('falls back to the intake office when no rule matches', () => {
    const decision = routePetition(complaintBy(), [], tree)

    expect(decision).toEqual({
      committeeId: 'office',
      reason: expect.objectContaining({ vi: expect.stringContaining('Văn phòng') }),
    })
  })

  it('falls back to the root committee when the tree has no intake office', () => {
    const decision = routePetition(complaintBy(), [], [a, root, b])

    expect(decision.committeeId).toBe('root')
    expect(decision.reason.vi).toContain('Đảng ủy')
  })

  it('uses the Vietnamese name in the English reason when a committee has no English name', () => {
    const decision = routePetition(complaintBy(), [rule('to-a', 1, { target: { committeeId: 'a' } })], tree)

    expect(decision.reason.en).toBe('By the rule "Rule to-a": sent to Committee a.')
  })

  it('refuses to route at all in a tree with neither an intake office nor a root', () => {
    expect(() => routePetition(complaintBy(), [], [a, b])).toThrow(/neither an intake office nor a root/)
  })
})

describe('ancestry', () => {
  it('lists a ministry committee and then the bloc above it', () => {
    expect(ancestry(COMMITTEES, 'btc').map((c) => c.id)).toEqual(['btc', 'dukhoi'])
  })

  it('lists only the root for the root', () => {
    expect(ancestry(COMMITTEES, 'dukhoi').map((c) => c.id)).toEqual(['dukhoi'])
  })

  it('is empty for a committee that does not exist', () => {
    expect(ancestry(COMMITTEES, 'nowhere')).toEqual([])
  })

  it('walks a deeper tree nearest first', () => {
    // Arrange
    const tree = [
      committee('ward', { parentId: 'district' }),
      committee('province', { type: 'root' }),
      committee('district', { parentId: 'province' }),
    ]

    // Act & Assert
    expect(ancestry(tree, 'ward').map((c) => c.id)).toEqual(['ward', 'district', 'province'])
  })

  it('stops on a parent cycle in bad data instead of looping forever', () => {
    // Arrange
    const tree = [committee('x', { parentId: 'y' }), committee('y', { parentId: 'x' })]

    // Act
    const chain = ancestry(tree, 'x')

    // Assert
    expect(chain[0]?.id).toBe('x')
    expect(chain.length).toBeLessThanOrEqual(tree.length + 1)
  })
})
