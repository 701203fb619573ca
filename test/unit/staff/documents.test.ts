/**
 * The staff pages' documents (web/staff/routes/documents.tsx, pages/case-documents.tsx) through
 * `app.request()` with fake deps: the case page's templates and issued documents, the preview with
 * its confirm step (nothing issued unconfirmed), Post/Redirect/Get on issuing, refusals shown on
 * the page, the register of a period.
 */
import { describe, expect, it, vi } from 'vitest'
import { composeDocument, contextFor, templateById } from '../../../shared/domain/documents/index.js'
import { DEFAULT_RETENTION } from '../../../shared/domain/dossier.js'
import { DomainError, RuleViolation } from '../../../shared/domain/errors.js'
import { committeeInputSchema } from '../../../shared/service/admin.js'
import type { DocumentView } from '../../../shared/service/documents.js'
import type { StaffPageDeps } from '../../../web/staff/types.js'
import { sourceFor } from '../documents/fixtures.js'
import { COMMITTEES, fakeDeps, request, staffCaseView } from '../fixtures/staff-deps.js'

const CODE = 'K7QM2XP4'
const ACCEPTANCE = templateById('complaint.acceptance')

const view = () => staffCaseView({ trackingCode: CODE, version: 4, status: 'accepted' })

const ISSUED: DocumentView = {
  ref: 'btc.2026.12',
  committeeId: 'btc',
  year: 2026,
  number: 12,
  symbol: '12-TB/BTCD',
  templateId: 'transfer.slip',
  name: { vi: 'Phiếu chuyển đơn', en: 'Transfer slip' },
  caseCode: CODE,
  addressee: 'other_body',
  recipientName: 'Sở Xây dựng',
  summary: 'Về việc chuyển đơn khiếu nại',
  issuedOn: '2026-11-20',
  sha256: 'a'.repeat(64),
  size: 1000,
  status: 'issued',
}

const applicable = {
  decision: { seq: 3, action: 'accept' as const, input: { action: 'accept' as const } },
  canIssue: true,
  templates: [{ template: ACCEPTANCE, issued: false }],
}

function deps(documents: Partial<NonNullable<StaffPageDeps['documents']>> = {}) {
  const model = composeDocument(
    ACCEPTANCE,
    contextFor(sourceFor(ACCEPTANCE, 'complaint', 'party'), 'petitioner'),
  )
  return fakeDeps({
    petitions: {
      getCasePage: async () =>
        ({ view: view(), stored: { committeeId: 'btc', status: 'accepted' } }) as never,
    },
    workspace: {
      caseContext: async () => ({
        committees: COMMITTEES,
        canReveal: false,
        canTakeDossier: false,
        names: {},
      }),
    },
    documents: {
      applicable: async () => applicable,
      applicableOf: () => applicable,
      listForCase: async () => [ISSUED],
      listForCaseOf: async () => [ISSUED],
      preview: async () => model,
      ...documents,
    } as StaffPageDeps['documents'],
  })
}

describe('documents on the case page', () => {
  it('lists the templates of the last decision to preview, and the issued documents to download', async () => {
    const res = await request(deps(), `/staff/cases/${CODE}`, { as: 'handler' })
    expect(res.status).toBe(200)
    expect(res.html).toContain('data-template="complaint.acceptance"')
    expect(res.html).toContain(`/staff/cases/${CODE}/documents/new?template=complaint.acceptance`)
    expect(res.html).toContain(`/staff/cases/${CODE}/documents/btc.2026.12`)
    // A document for another body is listed for the officer to send.
    expect(res.html).toContain('Cán bộ gửi văn bản này đến Sở Xây dựng.')
  })

  it('previews the document server-side with a confirm step', async () => {
    const res = await request(deps(), `/staff/cases/${CODE}/documents/new?template=complaint.acceptance`, {
      as: 'handler',
    })
    expect(res.status).toBe(200)
    expect(res.html).toContain('data-testid="document-preview"')
    expect(res.html).toContain('ĐẢNG CỘNG SẢN VIỆT NAM')
    expect(res.html).toContain('name="confirm"')
  })

  it('issues nothing unconfirmed (422); confirmed, issues and redirects to the case (303)', async () => {
    const issue = vi.fn(async () => ({ ...ISSUED, ref: 'btc.2026.13', templateId: 'complaint.acceptance' }))
    const unconfirmed = await request(deps({ issue }), `/staff/cases/${CODE}/documents`, {
      as: 'handler',
      form: { template: 'complaint.acceptance' },
    })
    expect(unconfirmed.status).toBe(422)
    expect(unconfirmed.html).toContain('Hãy xác nhận đã đọc bản xem trước trước khi ban hành')
    expect(issue).not.toHaveBeenCalled()

    const done = await request(deps({ issue }), `/staff/cases/${CODE}/documents`, {
      as: 'handler',
      form: { template: 'complaint.acceptance', confirm: 'true' },
    })
    expect(done.status).toBe(303)
    expect(done.location).toBe(`/staff/cases/${CODE}?document=btc.2026.13#documents`)
    expect(issue).toHaveBeenCalledWith(
      expect.objectContaining({ id: 'handler' }),
      CODE,
      'complaint.acceptance',
      {
        recipient: '',
        contentSummary: '',
      },
    )
  })

  it('shows a refusal on the preview page with its status; a signer without the right gets 403', async () => {
    const stale = vi.fn(async () => {
      throw new DomainError('template_not_applicable', 'not for this decision', 409)
    })
    const refused = await request(deps({ issue: stale }), `/staff/cases/${CODE}/documents`, {
      as: 'handler',
      form: { template: 'complaint.acceptance', confirm: 'true' },
    })
    expect(refused.status).toBe(409)
    expect(refused.html).toContain('data-testid="document-error"')

    const forbidden = vi.fn(async () => {
      throw new DomainError('not_allowed_for_role', 'heads only', 403)
    })
    const res = await request(deps({ issue: forbidden }), `/staff/cases/${CODE}/documents`, {
      as: 'handler',
      form: { template: 'complaint.acceptance', confirm: 'true' },
    })
    expect(res.status).toBe(403)
  })

  it("shows a committee's register of a period, and a period across two years as a 422", async () => {
    const registerOf = vi.fn(async () => [ISSUED])
    const res = await request(
      deps({ registerOf }),
      '/staff/documents/register?committee=btc&from=01/11/2026&to=30/11/2026',
      {
        as: 'supervisor',
      },
    )
    expect(res.status).toBe(200)
    expect(res.html).toContain('data-number="12"')
    expect(res.html).toContain(
      '/staff/documents/register.xlsx?committee=btc&amp;from=2026-11-01&amp;to=2026-11-30',
    )
    expect(registerOf).toHaveBeenCalledWith(
      expect.objectContaining({ id: 'supervisor' }),
      'btc',
      '2026-11-01',
      '2026-11-30',
    )

    const across = vi.fn(async () => {
      throw new DomainError('invalid_period', 'within one year', 422, { field: 'from' })
    })
    const bad = await request(
      deps({ registerOf: across }),
      '/staff/documents/register?committee=btc&from=01/12/2025&to=30/01/2026',
      {
        as: 'supervisor',
      },
    )
    expect(bad.status).toBe(422)
  })
})

describe("a committee's document settings (admin)", () => {
  it('posts the header style and the other settings with the committee; empty ones keep the defaults', async () => {
    const saveCommittee = vi.fn(async (_u: unknown, input: unknown) => input as never)
    const res = await request(fakeDeps({ admin: { saveCommittee } }), '/staff/admin/committees', {
      as: 'admin',
      form: {
        id: 'btc',
        name: 'Ban Tiếp công dân',
        type: 'subordinate',
        version: '1',
        'documents.headerStyle': 'state',
        'documents.issuerCode': 'BTCD',
        'documents.place': '',
      },
    })
    expect(res.status).toBe(303)
    expect(saveCommittee).toHaveBeenCalledWith(
      expect.objectContaining({ id: 'admin' }),
      expect.objectContaining({ documents: { headerStyle: 'state', issuerCode: 'BTCD' } }),
      1,
    )
  })

  it('the settings schema refuses an issuer code outside capitals and digits, naming the field', () => {
    const parsed = committeeInputSchema.safeParse({
      id: 'btc',
      name: 'Ban',
      type: 'subordinate',
      organizations: [],
      documents: { headerStyle: 'state', issuerCode: 'b/tc' },
    })
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues[0]?.path).toEqual(['documents', 'issuerCode'])
  })
})
describe('the retention setting (admin)', () => {
  const settings = { getRetention: async () => ({ value: DEFAULT_RETENTION, version: 2 }) }
  it('is for administrators; shows the years by kind; saves them (303) or shows the refusal (422)', async () => {
    expect((await request(fakeDeps({ settings }), '/staff/admin/retention', { as: 'handler' })).status).toBe(
      403,
    )
    const page = await request(fakeDeps({ settings }), '/staff/admin/retention', { as: 'admin' })
    expect(page.status).toBe(200)
    expect(page.html).toContain('name="complaint"')
    expect(page.html).toContain('value="15"')

    const saveRetentionSettings = vi.fn(async () => DEFAULT_RETENTION)
    const form = {
      complaint: '20',
      denunciation: 'vĩnh viễn',
      recommendation: '10',
      feedback: '5',
      version: '2',
    }
    const saved = await request(
      fakeDeps({ settings, admin: { saveRetentionSettings } }),
      '/staff/admin/retention',
      {
        as: 'admin',
        form,
      },
    )
    expect(saved.location).toBe('/staff/admin/retention?done=1')
    expect(saveRetentionSettings).toHaveBeenCalledWith(
      expect.objectContaining({ id: 'admin' }),
      {
        complaint: { years: 20 },
        denunciation: { permanent: true },
        recommendation: { years: 10 },
        feedback: { years: 5 },
      },
      2,
    )
    const refuse = vi.fn(async () => {
      throw new RuleViolation('invalid_retention_settings', 'feedback: too small', 'feedback')
    })
    const bad = await request(
      fakeDeps({ settings, admin: { saveRetentionSettings: refuse } }),
      '/staff/admin/retention',
      {
        as: 'admin',
        form: { ...form, feedback: '0' },
      },
    )
    expect(bad.status).toBe(422)
    expect(bad.html).toContain('value="0"')
  })
})
