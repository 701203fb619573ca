/**
 * Demo data for one machine: a bloc Party committee of central agencies with its office, its
 * inspection commission and twelve subordinate committees; routing rules; a user per role per
 * committee; and petitions in every state. Vietnamese first, as the organisation would write it.
 */
import type { Committee, RoutingRule } from '../shared/domain/routing.js'
import type { Kind, Role } from '../shared/domain/vocabulary.js'
import type { User } from '../shared/store/users.js'

export const ORGANIZATION_NAME = {
  vi: 'Đảng ủy Khối các cơ quan Trung ương',
  en: 'Party Committee of the Central Agencies Bloc',
}

const ministries: [id: string, name: string, nameEn: string, organizations: string[]][] = [
  [
    'btc',
    'Đảng ủy Bộ Tài chính',
    'Party Committee of the Ministry of Finance',
    ['Bộ Tài chính', 'Tổng cục Thuế', 'Cục Thuế', 'Kho bạc Nhà nước', 'Cục Hải quan'],
  ],
  [
    'btp',
    'Đảng ủy Bộ Tư pháp',
    'Party Committee of the Ministry of Justice',
    ['Bộ Tư pháp', 'Trung tâm Lý lịch tư pháp', 'Cục Thi hành án dân sự'],
  ],
  [
    'byt',
    'Đảng ủy Bộ Y tế',
    'Party Committee of the Ministry of Health',
    ['Bộ Y tế', 'Bệnh viện Bạch Mai', 'Cục Quản lý Dược'],
  ],
  [
    'bgddt',
    'Đảng ủy Bộ Giáo dục và Đào tạo',
    'Party Committee of the Ministry of Education and Training',
    ['Bộ Giáo dục và Đào tạo', 'Bộ GD&ĐT'],
  ],
  [
    'bnnmt',
    'Đảng ủy Bộ Nông nghiệp và Môi trường',
    'Party Committee of the Ministry of Agriculture and Environment',
    ['Bộ Nông nghiệp và Môi trường', 'Cục Quản lý đất đai', 'Cục Kiểm soát ô nhiễm môi trường'],
  ],
  [
    'bxd',
    'Đảng ủy Bộ Xây dựng',
    'Party Committee of the Ministry of Construction',
    ['Bộ Xây dựng', 'Cục Đường bộ Việt Nam', 'Cục Quản lý hoạt động xây dựng'],
  ],
  [
    'bct',
    'Đảng ủy Bộ Công Thương',
    'Party Committee of the Ministry of Industry and Trade',
    ['Bộ Công Thương', 'Cục Quản lý thị trường', 'Tập đoàn Điện lực Việt Nam'],
  ],
  [
    'bnv',
    'Đảng ủy Bộ Nội vụ',
    'Party Committee of the Ministry of Home Affairs',
    ['Bộ Nội vụ', 'Bảo hiểm xã hội Việt Nam', 'Ban Tôn giáo Chính phủ'],
  ],
  [
    'bng',
    'Đảng ủy Bộ Ngoại giao',
    'Party Committee of the Ministry of Foreign Affairs',
    ['Bộ Ngoại giao', 'Cục Lãnh sự'],
  ],
  [
    'bkhcn',
    'Đảng ủy Bộ Khoa học và Công nghệ',
    'Party Committee of the Ministry of Science and Technology',
    ['Bộ Khoa học và Công nghệ', 'Cổng Dịch vụ công quốc gia', 'Cục Sở hữu trí tuệ'],
  ],
  [
    'bvhttdl',
    'Đảng ủy Bộ Văn hóa, Thể thao và Du lịch',
    'Party Committee of the Ministry of Culture, Sports and Tourism',
    ['Bộ Văn hóa, Thể thao và Du lịch', 'Cục Di sản văn hóa'],
  ],
  [
    'nhnn',
    'Đảng ủy Ngân hàng Nhà nước Việt Nam',
    'Party Committee of the State Bank of Vietnam',
    ['Ngân hàng Nhà nước', 'Ngân hàng Nhà nước Việt Nam'],
  ],
]

export const COMMITTEES: Committee[] = [
  {
    id: 'dukhoi',
    name: ORGANIZATION_NAME.vi,
    nameEn: ORGANIZATION_NAME.en,
    type: 'root',
    organizations: ['Đảng ủy Khối'],
  },
  {
    id: 'vanphong',
    name: 'Văn phòng Đảng ủy Khối',
    nameEn: 'Office of the Bloc Party Committee',
    parentId: 'dukhoi',
    type: 'office',
    organizations: ['Văn phòng Đảng ủy Khối'],
  },
  {
    id: 'ubkt',
    name: 'Ủy ban Kiểm tra Đảng ủy Khối',
    nameEn: 'Inspection Commission of the Bloc Party Committee',
    parentId: 'dukhoi',
    type: 'inspection',
    organizations: ['Ủy ban Kiểm tra Đảng ủy Khối'],
  },
  ...ministries.map(
    ([id, name, nameEn, organizations]): Committee => ({
      id,
      name,
      nameEn,
      parentId: 'dukhoi',
      type: 'subordinate',
      organizations,
    }),
  ),
]

export const ROUTING_RULES: RoutingRule[] = [
  {
    id: 'R10-party-denunciation',
    priority: 10,
    description: {
      vi: 'Tố cáo đảng viên vi phạm Điều lệ, kỷ luật Đảng thuộc Ủy ban Kiểm tra',
      en: 'Denunciations of Party members for breaching Party rules go to the inspection commission',
    },
    kinds: ['denunciation'],
    topics: ['party_discipline'],
    target: { committeeId: 'ubkt' },
  },
  {
    id: 'R20-party-discipline-complaint',
    priority: 20,
    description: {
      vi: 'Khiếu nại kỷ luật Đảng thuộc Ủy ban Kiểm tra',
      en: 'Complaints about Party discipline go to the inspection commission',
    },
    kinds: ['complaint'],
    topics: ['party_discipline'],
    target: { committeeId: 'ubkt' },
  },
  {
    id: 'R50-by-agency',
    priority: 50,
    description: {
      vi: 'Đơn liên quan đến cơ quan nào thì chuyển đảng ủy của cơ quan đó',
      en: 'A petition about an agency goes to that agency’s Party committee',
    },
    target: { byConcernedOrganization: true },
  },
]

const PEOPLE: [id: string, name: string][] = [
  ['dukhoi', 'Trần Quốc Hưng'],
  ['vanphong', 'Lê Thị Thu'],
  ['ubkt', 'Phạm Văn Dũng'],
  ['btc', 'Nguyễn Thị Mai'],
  ['btp', 'Hoàng Minh Tuấn'],
  ['byt', 'Đỗ Thị Hương'],
  ['bgddt', 'Vũ Đức Thắng'],
  ['bnnmt', 'Bùi Thị Lan'],
  ['bxd', 'Đặng Văn Long'],
  ['bct', 'Ngô Thị Phương'],
  ['bnv', 'Dương Quang Vinh'],
  ['bng', 'Lý Thị Kim'],
  ['bkhcn', 'Trịnh Văn Nam'],
  ['bvhttdl', 'Phan Thị Hoa'],
  ['nhnn', 'Tạ Minh Đức'],
]

const user = (id: string, displayName: string, role: Role, committeeId?: string): User => ({
  id,
  displayName,
  // Demo addresses: on one machine every message lands in the dev mailbox, never outside.
  email: `${id}@dukhoi.example.vn`,
  memberships: [{ role, ...(committeeId ? { committeeId } : {}) }],
  active: true,
})

export const USERS: User[] = [
  user('admin', 'Quản trị hệ thống', 'admin'),
  // A second admin: granting a role that can reveal identity, or admin, needs another admin's confirmation.
  user('admin2', 'Quản trị viên thứ hai (người duyệt)', 'admin'),
  user('giamsat', 'Nguyễn Thị Hồng (Ủy ban Kiểm tra)', 'supervisor', 'ubkt'),
  user('tiepdan', 'Lê Văn Khánh (Tiếp công dân)', 'reception_officer', 'vanphong'),
  user('dangvien', 'Cao Thị Yến (đảng viên)', 'member', 'btc'),
  ...PEOPLE.flatMap(([id, name]) => [
    user(`${id}.truong`, `${name} (trưởng)`, 'committee_head', id),
    user(`${id}.canbo`, `Cán bộ ${COMMITTEES.find((c) => c.id === id)?.name ?? id}`, 'committee_handler', id),
  ]),
]

export interface PetitionTemplate {
  readonly kind: Kind
  readonly title: string
  readonly content: string
  readonly topic: string
  readonly organization?: string
  readonly person?: string
}

export const TEMPLATES: PetitionTemplate[] = [
  {
    kind: 'complaint',
    title: 'Khiếu nại quyết định kỷ luật khiển trách',
    content:
      'Tôi không đồng ý với quyết định kỷ luật khiển trách của chi bộ đối với tôi vì việc chậm nộp báo cáo có lý do chính đáng (tôi điều trị tại bệnh viện, có giấy ra viện kèm theo). Đề nghị xem xét lại quyết định.',
    topic: 'party_discipline',
  },
  {
    kind: 'complaint',
    title: 'Khiếu nại việc không được nâng bậc lương đúng hạn',
    content:
      'Tôi đủ điều kiện nâng bậc lương thường xuyên từ tháng 3 nhưng đến nay chưa có quyết định. Đơn vị trả lời do thiếu hồ sơ nhưng tôi đã nộp đủ. Đề nghị xem xét, giải quyết.',
    topic: 'policy',
    organization: 'Bộ Giáo dục và Đào tạo',
  },
  {
    kind: 'complaint',
    title: 'Khiếu nại kết quả xét tuyển viên chức',
    content:
      'Kết quả xét tuyển viên chức năm nay không công bố điểm chi tiết, tôi cho rằng việc chấm điểm phỏng vấn chưa khách quan. Đề nghị phúc khảo và công khai kết quả.',
    topic: 'personnel',
    organization: 'Bộ Nội vụ',
  },
  {
    kind: 'complaint',
    title: 'Khiếu nại việc chậm chi trả chế độ thai sản',
    content:
      'Tôi nghỉ sinh con từ tháng 5 nhưng đến nay chưa được chi trả chế độ thai sản. Cơ quan bảo hiểm đã nhận đủ hồ sơ. Đề nghị giải quyết dứt điểm.',
    topic: 'policy',
    organization: 'Bảo hiểm xã hội Việt Nam',
  },
  {
    kind: 'denunciation',
    title: 'Tố cáo đảng viên vi phạm những điều đảng viên không được làm',
    content:
      'Đồng chí trưởng phòng tại đơn vị tôi công tác tham gia góp vốn, điều hành doanh nghiệp tư nhân có quan hệ hợp đồng với chính đơn vị, vi phạm quy định về những điều đảng viên không được làm. Tôi gửi kèm bản sao đăng ký kinh doanh.',
    topic: 'party_discipline',
    person: 'Trưởng phòng Kế hoạch – Tài chính',
  },
  {
    kind: 'denunciation',
    title: 'Tố cáo hành vi nhận tiền khi giải quyết hồ sơ hoàn thuế',
    content:
      'Cán bộ tiếp nhận hồ sơ hoàn thuế gợi ý doanh nghiệp chi "phí bôi trơn" để hồ sơ được giải quyết nhanh. Tôi có ghi âm cuộc trao đổi và sẵn sàng cung cấp.',
    topic: 'corruption',
    organization: 'Cục Thuế',
    person: 'Cán bộ bộ phận một cửa',
  },
  {
    kind: 'denunciation',
    title: 'Tố cáo sai phạm trong đấu thầu mua sắm thiết bị y tế',
    content:
      'Gói thầu mua sắm máy thở năm nay có dấu hiệu nâng giá và chỉ định nhà thầu quen biết. Giá trúng thầu cao hơn giá thị trường khoảng 40%.',
    topic: 'corruption',
    organization: 'Bệnh viện Bạch Mai',
  },
  {
    kind: 'denunciation',
    title: 'Tố cáo việc sử dụng xe công sai mục đích',
    content:
      'Xe công của đơn vị thường xuyên được dùng để đưa đón người nhà lãnh đạo vào cuối tuần. Tôi có ảnh chụp biển số và thời gian cụ thể.',
    topic: 'finance',
    organization: 'Cục Đường bộ Việt Nam',
  },
  {
    kind: 'recommendation',
    title: 'Kiến nghị đơn giản hóa thủ tục cấp giấy phép xây dựng',
    content:
      'Thủ tục cấp phép xây dựng nhà ở riêng lẻ còn yêu cầu nhiều giấy tờ trùng lặp đã có trong cơ sở dữ liệu quốc gia. Kiến nghị bỏ yêu cầu nộp bản sao giấy tờ đã được số hóa.',
    topic: 'administration',
    organization: 'Bộ Xây dựng',
  },
  {
    kind: 'recommendation',
    title: 'Kiến nghị bổ sung phụ cấp cho cán bộ công tác vùng sâu, vùng xa',
    content:
      'Cán bộ biệt phái công tác tại vùng sâu, vùng xa chưa được hưởng phụ cấp thu hút theo quy định mới. Kiến nghị hướng dẫn áp dụng thống nhất.',
    topic: 'policy',
    organization: 'Bộ Nội vụ',
  },
  {
    kind: 'recommendation',
    title: 'Kiến nghị công khai tiến độ giải quyết hồ sơ hoàn thuế',
    content:
      'Doanh nghiệp không theo dõi được hồ sơ hoàn thuế đang ở bước nào. Kiến nghị công khai tiến độ trực tuyến cho từng hồ sơ.',
    topic: 'administration',
    organization: 'Bộ Tài chính',
  },
  {
    kind: 'feedback',
    title: 'Phản ánh thái độ làm việc của cán bộ tiếp nhận hồ sơ',
    content:
      'Ngày làm việc vừa qua, cán bộ tiếp nhận hồ sơ lý lịch tư pháp có thái độ thiếu tôn trọng, không hướng dẫn rõ ràng mà yêu cầu tôi tự tìm hiểu.',
    topic: 'administration',
    organization: 'Trung tâm Lý lịch tư pháp',
  },
  {
    kind: 'feedback',
    title: 'Phản ánh tình trạng ô nhiễm từ cơ sở sản xuất',
    content:
      'Cơ sở sản xuất giấy gần khu dân cư xả nước thải có mùi hôi ra kênh chung, nhất là vào ban đêm. Người dân đã phản ánh nhiều lần nhưng chưa được xử lý.',
    topic: 'other',
    organization: 'Cục Kiểm soát ô nhiễm môi trường',
  },
  {
    kind: 'feedback',
    title: 'Phản ánh Cổng dịch vụ công thường xuyên bị lỗi',
    content:
      'Trong tuần qua tôi không thể nộp hồ sơ trực tuyến vì trang thanh toán báo lỗi liên tục. Đề nghị kiểm tra, khắc phục.',
    topic: 'administration',
    organization: 'Cổng Dịch vụ công quốc gia',
  },
  {
    kind: 'feedback',
    title: 'Phản ánh việc niêm yết giá điện chưa rõ ràng',
    content:
      'Hóa đơn tiền điện tháng này tăng bất thường, bảng giá niêm yết tại điểm giao dịch chưa cập nhật. Đề nghị giải thích cách tính.',
    topic: 'other',
    organization: 'Tập đoàn Điện lực Việt Nam',
  },
]

export const PETITIONERS: {
  fullName: string
  idNumber: string
  address: string
  phone: string
  email?: string
}[] = [
  {
    fullName: 'Nguyễn Văn An',
    idNumber: '001085012345',
    address: 'Số 12 phố Hàng Bài, phường Hoàn Kiếm, Hà Nội',
    phone: '0912345678',
    email: 'an.nguyen@example.vn',
  },
  {
    fullName: 'Trần Thị Bình',
    idNumber: '031190004567',
    address: 'Tổ 5, phường Lê Chân, Hải Phòng',
    phone: '0983111222',
  },
  {
    fullName: 'Lê Hoàng Cường',
    idNumber: '079088007788',
    address: '45 Nguyễn Thị Minh Khai, phường Bến Thành, TP. Hồ Chí Minh',
    phone: '0903555666',
    email: 'cuong.le@example.vn',
  },
  {
    fullName: 'Phạm Thị Dung',
    idNumber: '038192001122',
    address: 'Thôn Đông, xã Quảng Xương, Thanh Hóa',
    phone: '0977888999',
  },
  {
    fullName: 'Hoàng Văn Em',
    idNumber: '001079003344',
    address: 'Số 8 ngõ 102 Trường Chinh, phường Kim Liên, Hà Nội',
    phone: '0936222333',
  },
  {
    fullName: 'Vũ Thị Giang',
    idNumber: '048195005566',
    address: '27 Lê Duẩn, phường Hải Châu, Đà Nẵng',
    phone: '0905777444',
    email: 'giang.vu@example.vn',
  },
  {
    fullName: 'Đặng Minh Hải',
    idNumber: '036087009900',
    address: 'Khối 3, phường Trường Vinh, Nghệ An',
    phone: '0915666777',
  },
  {
    fullName: 'Bùi Thị Hạnh',
    idNumber: '025193002211',
    address: 'Số 3 đường Hùng Vương, phường Việt Trì, Phú Thọ',
    phone: '0968444555',
  },
]
