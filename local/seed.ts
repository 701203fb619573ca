/**
 * Seeds the demo organisation once: configuration, users, and ~50 petitions taken through the
 * real service with a moving clock, so every case, history and deadline is what the system itself
 * would have produced.
 */
import type { BlobStore } from '../shared/blobs/blob-store.js'
import { seededRandom } from '../shared/domain/audit.js'
import { addDays, type LocalDate, vietnamDate } from '../shared/domain/dates.js'
import { DomainError } from '../shared/domain/errors.js'
import type { ActingUser } from '../shared/domain/policy.js'
import type { ActionInput } from '../shared/domain/schemas.js'
import type { Channel, Kind } from '../shared/domain/vocabulary.js'
import { devMailboxSender, type MessageSender } from '../shared/notifications/senders.js'
import { createLogger } from '../shared/observability.js'
import type { Services } from '../shared/service/context.js'
import { createDocumentService, type DocumentService } from '../shared/service/documents.js'
import { createPetitionService } from '../shared/service/petitions.js'
import { createSweep } from '../shared/service/sweep.js'
import { COMMITTEES, PETITIONERS, ROUTING_RULES, TEMPLATES, USERS } from './demo-data.js'
import { seedReportsAndReception } from './seed-accountability.js'

type Target =
  | 'received'
  | 'received_overdue'
  | 'accepted'
  | 'verifying'
  | 'verifying_overdue'
  | 'extended'
  | 'suspended'
  | 'resolved'
  | 'closed'
  | 'not_accepted'
  | 'transferred'
  | 'guided'
  | 'filed'
  | 'withdrawn'
  | 'duplicate'
  | 'rerouted'

/** Days ago the petition arrived, and the steps after it: [days after receipt, action, by head?]. */
const PLANS: Record<
  Target,
  { ago: [number, number]; steps: [number, ActionInput, boolean?][]; kinds?: Kind[] }
> = {
  received: { ago: [0, 4], steps: [] },
  received_overdue: { ago: [22, 40], steps: [] },
  accepted: { ago: [5, 20], steps: [[3, { action: 'accept' }]] },
  verifying: {
    ago: [10, 25],
    steps: [
      [3, { action: 'accept' }],
      [5, { action: 'start_verification' }],
    ],
    kinds: ['complaint', 'denunciation'],
  },
  verifying_overdue: {
    ago: [55, 75],
    steps: [
      [4, { action: 'accept' }],
      [6, { action: 'start_verification' }],
    ],
    kinds: ['complaint', 'denunciation'],
  },
  extended: {
    ago: [40, 55],
    steps: [
      [3, { action: 'accept' }],
      [5, { action: 'start_verification' }],
      [
        28,
        {
          action: 'extend',
          complexity: 'complex',
          days: 30,
          reason: 'Phải xác minh tại nhiều địa điểm, nhiều nội dung.',
        },
        true,
      ],
    ],
    kinds: ['denunciation'],
  },
  suspended: {
    ago: [20, 35],
    steps: [
      [3, { action: 'accept' }],
      [5, { action: 'start_verification' }],
      [10, { action: 'suspend', reason: 'Chờ kết quả giám định của cơ quan chuyên môn.' }],
    ],
    kinds: ['denunciation'],
  },
  resolved: {
    ago: [30, 50],
    steps: [
      [3, { action: 'accept' }],
      [
        18,
        {
          action: 'resolve',
          answer:
            'Đã xem xét, trả lời như sau: nội dung phản ánh đã được đơn vị tiếp thu và chỉ đạo khắc phục.',
          outcome: 'answered',
        },
      ],
    ],
    kinds: ['recommendation', 'feedback'],
  },
  closed: {
    ago: [45, 85],
    steps: [
      [4, { action: 'accept' }],
      [6, { action: 'start_verification' }],
      [
        24,
        {
          action: 'resolve',
          answer:
            'Kết luận: nội dung khiếu nại đúng một phần. Đơn vị đã được yêu cầu điều chỉnh quyết định và khắc phục.',
          outcome: 'partly_upheld',
        },
      ],
      [26, { action: 'close' }],
    ],
    kinds: ['complaint'],
  },
  not_accepted: { ago: [10, 30], steps: [[5, { action: 'refuse', reason: 'already_guided' }]] },
  transferred: {
    ago: [8, 30],
    steps: [[3, { action: 'transfer', toBody: 'Ủy ban nhân dân thành phố Hà Nội' }]],
  },
  guided: {
    ago: [8, 30],
    steps: [
      [
        4,
        {
          action: 'guide',
          guidance:
            'Nội dung thuộc thẩm quyền của Tòa án nhân dân; đề nghị ông/bà gửi đơn khởi kiện đến Tòa án nhân dân quận nơi cư trú.',
        },
      ],
    ],
  },
  filed: {
    ago: [15, 40],
    steps: [[6, { action: 'file', note: 'Đơn không rõ nội dung, không có cơ sở xử lý.' }]],
  },
  withdrawn: {
    ago: [15, 30],
    steps: [
      [3, { action: 'accept' }],
      [
        8,
        {
          action: 'withdraw',
          scope: 'full',
          reason: 'Người khiếu nại đã được đơn vị giải thích và tự nguyện rút đơn.',
        },
      ],
    ],
    kinds: ['complaint'],
  },
  duplicate: { ago: [3, 12], steps: [] },
  rerouted: {
    ago: [2, 8],
    steps: [[1, { action: 'reroute', toCommitteeId: 'bnv', note: 'Nội dung thuộc lĩnh vực nội vụ.' }]],
  },
}

const CHANNELS: Channel[] = [
  'online',
  'online',
  'online',
  'in_person',
  'post',
  'email',
  'hotline',
  'transferred_in',
]

const ORDER: Target[] = [
  'received',
  'received_overdue',
  'accepted',
  'verifying',
  'verifying_overdue',
  'extended',
  'suspended',
  'resolved',
  'closed',
  'not_accepted',
  'transferred',
  'guided',
  'filed',
  'withdrawn',
  'duplicate',
  'rerouted',
]

/** The same words typed without a Vietnamese keyboard. */
function withoutDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D')
}

/** At 09:30 Vietnam time on `date`. */
function morningOf(date: LocalDate, minute = 0): Date {
  return new Date(`${date}T09:${String(30 + (minute % 30)).padStart(2, '0')}:00+07:00`)
}

const SEED_MARKER = { pk: 'CONFIG', sk: 'SEEDED' }

/**
 * The documents of the case's decision just taken, issued by the head of its committee as the
 * office would (docs/documents.md#issuing): the accused's notices name the person the petition
 * concerns and summarise its title; a document the case cannot fill is left out.
 */
async function issueDemoDocuments(
  documents: DocumentService,
  code: string,
  committeeId: string,
  petition: { readonly title: string; readonly person?: string },
): Promise<void> {
  const head = USERS.find((u) => u.id === `${committeeId}.truong`)
  if (!head) return
  const { templates } = await documents.applicable(head, code)
  for (const { template, issued } of templates) {
    if (issued) continue
    try {
      await documents.issue(head, code, template.id, {
        ...(template.addressee === 'accused' ? { recipient: petition.person ?? 'Người bị tố cáo' } : {}),
        contentSummary: `Nội dung tố cáo: ${petition.title}.`,
      })
    } catch (error) {
      if (!(error instanceof DomainError)) throw error
    }
  }
}

/** Seeds once; returns the number of petitions created (0 when the data folder was already seeded). */
export async function seedDemoData(
  services: Services,
  options: {
    petitions?: number
    today?: Date
    /** Where the story's messages go (the local server's dev mailbox); default: a mailbox of its own. */
    sender?: MessageSender
    /** Where issued documents go: with it, each decision's documents are issued as it is taken. */
    blobs?: BlobStore
  } = {},
): Promise<number> {
  const marker = await services.db.get({ TableName: services.tableName, Key: SEED_MARKER })
  if (marker.Item) return 0

  await services.settings.putCommittees(COMMITTEES, (await services.settings.getCommittees()).version)
  await services.settings.putRoutingRules(ROUTING_RULES, (await services.settings.getRoutingRules()).version)
  for (const u of USERS) await services.users.putUser(u)

  const realNow = options.today ?? services.now()
  const today = vietnamDate(realNow)
  let clock = realNow
  // The seeding clock moves through the past; its request logs would only bury the start banner.
  const seeding = {
    ...services,
    now: () => clock,
    logger: createLogger({ serviceName: 'seed', silent: true }),
  }
  const petitions = createPetitionService(seeding)
  const random = seededRandom(20_260_701)
  const officer = USERS.find((u) => u.id === 'tiepdan')!
  const supervisor = USERS.find((u) => u.id === 'giamsat')!
  const count = options.petitions ?? 52
  // The watch runs as the story unfolds, so the demo's messages carry the days they were due.
  const watch = createSweep(seeding, {
    siteUrl: () => 'http://localhost:3000',
    sender: options.sender ?? devMailboxSender(),
  })
  const created: string[] = []
  const documents = options.blobs
    ? createDocumentService({ services: seeding, petitions, blobs: options.blobs })
    : undefined

  for (let i = 0; i < count; i++) {
    const target = ORDER[i % ORDER.length]!
    const plan = PLANS[target]
    const candidates = TEMPLATES.filter((t) => !plan.kinds || plan.kinds.includes(t.kind))
    const template = candidates[Math.floor(random() * candidates.length)]!
    const ago = plan.ago[0] + Math.floor(random() * (plan.ago[1] - plan.ago[0] + 1))
    const receivedOn = addDays(today, -ago)
    const channel = CHANNELS[i % CHANNELS.length]!
    const petitioner = PETITIONERS[i % PETITIONERS.length]!
    const anonymous = template.kind === 'feedback' && i % 5 === 0
    // Repeats: a few recent petitions send an earlier text again, typed without diacritics.
    const repeat = target === 'received' && i >= ORDER.length
    const plain = (text: string) => (repeat ? withoutDiacritics(text) : text)
    const body = {
      kind: template.kind,
      title: plain(template.title),
      content: plain(template.content),
      anonymous,
      ...(anonymous ? {} : { petitioner }),
      concerns: { organization: template.organization, person: template.person },
      topic: template.topic as never,
      signatories: i % 9 === 0 ? 7 : 1,
      language: 'vi' as const,
      instance: 1 as const,
    }
    clock = morningOf(receivedOn, i)
    const receipt =
      channel === 'online'
        ? await petitions.submit(body, 'vi', i % 11 === 0 ? { id: 'dangvien' } : undefined)
        : await petitions.recordIntake(
            {
              ...body,
              channel: channel as Exclude<Channel, 'online'>,
              receivedAt: receivedOn,
              severalPlaces: false,
              ...(channel === 'transferred_in'
                ? { referral: { source: 'agency' as const, name: 'Ban Dân nguyện' } }
                : {}),
            },
            officer,
            'vi',
          )
    created.push(receipt.trackingCode)
    await watch.processCase(receipt.trackingCode.replaceAll('-', ''))

    const steps = [...plan.steps]
    if (target === 'duplicate' && created.length > 1)
      steps.push([1, { action: 'mark_duplicate', of: created[0]! }])
    for (const [after, planned, byHead] of steps) {
      const on = addDays(receivedOn, after)
      if (on > today) break
      clock = morningOf(on, i + after)
      const current = await petitions.getForStaff(receipt.trackingCode, supervisor, 'vi')
      const action: ActionInput =
        planned.action === 'reroute' && planned.toCommitteeId === current.committee.id
          ? { ...planned, toCommitteeId: 'bnnmt' }
          : planned
      const actorId = `${current.committee.id}.${byHead ? 'truong' : 'canbo'}`
      const actor: ActingUser = USERS.find((u) => u.id === actorId)!
      await petitions.act(receipt.trackingCode, current.version, action, actor, 'vi')
      if (documents) {
        const after = await petitions.getForStaff(receipt.trackingCode, supervisor, 'vi')
        await issueDemoDocuments(documents, receipt.trackingCode, after.committee.id, template)
      }
      await watch.processCase(receipt.trackingCode.replaceAll('-', ''))
    }
  }
  // Staff link the repeats to the earlier petition the index suggests (their clocks stay their own).
  for (const code of created.filter((_, i) => ORDER[i % ORDER.length] === 'received' && i >= ORDER.length)) {
    const current = await petitions.getForStaff(code, supervisor, 'vi')
    const earlier = current.repeats.find((r) => r.reasons.includes('similar_content'))
    const handler = USERS.find((u) => u.id === `${current.committee.id}.canbo`)
    if (earlier?.trackingCode && handler && current.status === 'received')
      await petitions.act(
        code,
        current.version,
        { action: 'link_repeat', of: earlier.trackingCode },
        handler,
        'vi',
      )
  }
  // With the demo petitions only: tests that start from an empty organisation stay empty.
  if (count > 0)
    await seedReportsAndReception(seeding, today, created, (on, minute) => {
      clock = morningOf(on, minute)
    })
  await services.db.put({
    TableName: services.tableName,
    Item: { ...SEED_MARKER, at: realNow.toISOString(), petitions: count },
  })
  return count
}
