/**
 * Each staff section through `app.request()` with fake deps: the routes' own work (sign-in and
 * scope redirects, form reading, Post/Redirect/Get, re-rendering with 422/409) without a server.
 */
import { describe, expect, it, vi } from 'vitest'
import { DomainError } from '../../../shared/domain/errors.js'
import { formatTrackingCode } from '../../../shared/domain/tracking-code.js'
import type { QueueItem } from '../../../shared/service/workspace.js'
import { t } from '../../../web/i18n.js'
import type { StaffCaseViewModel } from '../../../web/staff/pages/case.js'
import { COMMITTEES, fakeDeps, request, staffCaseView } from '../fixtures/staff-deps.js'

const ITEM: QueueItem = {
  trackingCode: 'KN-2611-ABCD-EFGH',
  kind: 'complaint',
  status: 'received',
  title: 'Đường làng hỏng',
  channel: 'online',
  receivedOn: '2026-11-18',
  nextDue: '2026-11-21',
  urgency: 'due_soon',
  committeeId: 'btc',
}

describe('sign-in section', () => {
  it('sends a visitor without a session to sign in, with the way back', async () => {
    const res = await request(fakeDeps(), '/staff/queue?kind=complaint')
    expect(res.status).toBe(303)
    expect(res.location).toBe(`/staff/sign-in?return=${encodeURIComponent('/staff/queue?kind=complaint')}`)
  })

  it('signs in a dev user and goes back to where they were going', async () => {
    const deps = fakeDeps({
      signIn: { kind: 'dev', listUsers: async () => [], issue: async (id: string) => id },
    })
    const res = await request(deps, '/staff/sign-in', { form: { userId: 'handler', return: '/staff/queue' } })
    expect(res.status).toBe(303)
    expect(res.location).toBe('/staff/queue')
    const unknown = await request(deps, '/staff/sign-in', { form: { userId: 'nobody' } })
    expect(unknown.location).toBe('/staff/sign-in?reason=failed')
  })

  it('sends each role to its home page', async () => {
    expect((await request(fakeDeps(), '/staff', { as: 'admin' })).location).toBe('/staff/admin')
    expect((await request(fakeDeps(), '/staff', { as: 'desk' })).location).toBe('/staff/reception')
  })
})

describe('queue section', () => {
  it('lists the service’s items and pages on with the same filters', async () => {
    const queue = vi.fn(async () => ({
      readable: COMMITTEES.slice(1),
      filters: { committee: 'btc', kind: 'complaint' },
      items: [ITEM],
      next: 'offset=25',
      paged: false,
      noMatch: false,
    }))
    const res = await request(fakeDeps({ workspace: { queue } }), '/staff/queue?kind=complaint', {
      as: 'handler',
    })
    expect(res.status).toBe(200)
    expect(res.html).toContain(ITEM.trackingCode)
    expect(res.html).toContain('/staff/queue?committee=btc&amp;kind=complaint&amp;offset=25')
    expect(queue).toHaveBeenCalledWith(
      expect.objectContaining({ id: 'handler' }),
      expect.objectContaining({ kind: 'complaint' }),
    )
  })

  it('goes straight to a case whose code was searched for', async () => {
    const deps = fakeDeps({ workspace: { queue: async () => ({ goTo: ITEM.trackingCode }) } })
    const res = await request(deps, `/staff/queue?q=${ITEM.trackingCode}`, { as: 'handler' })
    expect(res.location).toBe(`/staff/cases/${ITEM.trackingCode}`)
  })

  it('shows the forbidden page when the service refuses the queue', async () => {
    const deps = fakeDeps({
      workspace: {
        queue: async () => {
          throw new DomainError('forbidden', 'no', 403)
        },
      },
    })
    expect((await request(deps, '/staff/queue', { as: 'member' })).status).toBe(403)
  })
})

const caseView = (): StaffCaseViewModel =>
  staffCaseView({ trackingCode: ITEM.trackingCode, title: ITEM.title, allowedActions: ['accept'] })

describe('case section', () => {
  const deps = (applyAction = vi.fn()) =>
    fakeDeps({
      petitions: {
        getCasePage: async () => ({ view: caseView(), stored: { committeeId: 'btc' } }) as never,
        applyAction,
      },
      workspace: {
        caseContext: async () => ({
          committees: COMMITTEES,
          canReveal: false,
          canTakeDossier: false,
          names: {},
        }),
      },
    })

  it('previews the tracking link on the public site, never on the host the request came by', async () => {
    const res = await request(deps(), `/staff/cases/${ITEM.trackingCode}`, { as: 'handler' })
    expect(res.status).toBe(200)
    expect(res.html).toContain('https://tiepdan.example/track')
    expect(res.html).not.toContain('staff.example')
  })

  it('redirects after an action (Post/Redirect/Get)', async () => {
    const act = vi.fn(async () => ({ code: ITEM.trackingCode.replaceAll('-', '') }))
    const res = await request(deps(act as never), `/staff/cases/${ITEM.trackingCode}/act`, {
      as: 'handler',
      form: { action: 'accept', version: '3', language: 'vi' },
    })
    expect(res.status).toBe(303)
    // The redirect names the case the write returned, as people read its code.
    expect(res.location).toBe(
      `/staff/cases/${formatTrackingCode(ITEM.trackingCode.replaceAll('-', ''))}?done=accept`,
    )
    expect(act).toHaveBeenCalledWith(ITEM.trackingCode, 3, { action: 'accept' }, expect.anything())
  })

  it('says the case changed since the form was shown (409) on a version conflict', async () => {
    const act = vi.fn(async () => {
      throw new DomainError('version_conflict', 'stale', 409)
    })
    const res = await request(deps(act), `/staff/cases/${ITEM.trackingCode}/act`, {
      as: 'handler',
      form: { action: 'accept', version: '2' },
    })
    expect(res.status).toBe(409)
    expect(res.html).toContain('data-testid="stale"')
  })

  it('offers the archive dossier where the workspace says so, and its button redirects to the link', async () => {
    const exportDossier = vi.fn(async () => ({ url: 'https://files.example/ho-so.zip' }))
    const withDossier = (canTakeDossier: boolean, canReveal = true) =>
      fakeDeps({
        petitions: {
          getCasePage: async () => ({ view: caseView(), stored: { committeeId: 'btc' } }) as never,
        },
        workspace: {
          caseContext: async () => ({ committees: COMMITTEES, canReveal, canTakeDossier, names: {} }),
        },
        dossiers: { exportDossier: exportDossier as never },
      })
    const path = `/staff/cases/${ITEM.trackingCode}`
    expect((await request(withDossier(false), path, { as: 'supervisor' })).html).not.toContain('dossier-form')
    const offered = (await request(withDossier(true), path, { as: 'supervisor' })).html
    expect(offered).toContain(`action="${path}/dossier"`)
    expect(offered).not.toContain('dossier-partial')
    expect((await request(withDossier(true, false), path, { as: 'supervisor' })).html).toContain(
      'dossier-partial',
    )
    const res = await request(withDossier(true), `${path}/dossier`, { as: 'supervisor', form: {} })
    expect(res.status).toBe(303)
    expect(res.location).toBe('https://files.example/ho-so.zip')
    expect(exportDossier).toHaveBeenCalledWith(
      expect.objectContaining({ id: 'supervisor' }),
      ITEM.trackingCode,
      {
        eventName: expect.any(Function),
      },
    )
  })
})

describe('reception section', () => {
  it('refuses the desk to staff who are not reception officers', async () => {
    expect((await request(fakeDeps(), '/staff/reception', { as: 'handler' })).status).toBe(403)
  })

  it('shows bad input next to its field with the values typed, and records nothing', async () => {
    const recordIntake = vi.fn()
    const res = await request(fakeDeps({ petitions: { recordIntake } }), '/staff/reception', {
      as: 'desk',
      form: {
        kind: 'complaint',
        channel: 'in_person',
        receivedAt: 'hôm qua',
        title: 'Tiêu đề giữ lại',
        content: '',
      },
    })
    expect(res.status).toBe(422)
    expect(res.html).toContain('href="#f-receivedAt"')
    expect(res.html).toContain('Tiêu đề giữ lại')
    expect(recordIntake).not.toHaveBeenCalled()
  })

  it('lists the triage items with their committee’s name', async () => {
    const triage = async () => ({
      desk: 'btc',
      items: [{ ...ITEM, version: 1, routingReason: 'lý do định tuyến' }],
    })
    const res = await request(fakeDeps({ workspace: { triage } }), '/staff/reception/triage', { as: 'desk' })
    expect(res.status).toBe(200)
    expect(res.html).toContain('lý do định tuyến')
  })
})

describe('register section', () => {
  const deps = (record = vi.fn()) =>
    fakeDeps({
      reception: {
        record,
        list: async () => ({ items: [] }) as never,
        summary: async () => undefined as never,
      },
    })

  it('records a session and redirects to the register of its committee', async () => {
    const record = vi.fn(async () => ({}) as never)
    const res = await request(deps(record), '/staff/reception/register', {
      as: 'desk',
      form: { committeeId: 'btc', date: '19/11/2026', type: 'regular', hostUserId: 'desk', visitors: '3' },
    })
    expect(res.status).toBe(303)
    expect(res.location).toBe('/staff/reception/register?committee=btc&done=1')
    expect(record).toHaveBeenCalledWith(
      expect.objectContaining({ date: '2026-11-19', visitors: 3 }),
      expect.anything(),
    )
  })

  it('maps a refusal about a delegation to its form field', async () => {
    const record = vi.fn(async () => {
      throw new DomainError('too_many', 'no', 422, { field: 'delegations.0.representatives' })
    })
    const res = await request(deps(record), '/staff/reception/register', {
      as: 'desk',
      form: {
        committeeId: 'btc',
        date: '19/11/2026',
        type: 'regular',
        hostUserId: 'desk',
        delegationPeople: '6',
        delegationRepresentatives: '2',
        delegationSubject: 'Đất đai',
        visitors: '8',
      },
    })
    expect(res.status).toBe(422)
    expect(res.html).toContain('href="#f-delegationRepresentatives"')
  })
})

describe('reports section', () => {
  it('shows the dashboard’s standings from the workspace service', async () => {
    const deps = fakeDeps({
      workspace: {
        dashboard: async () => ({
          scope: COMMITTEES,
          today: '2026-11-20',
          year: 2026,
          overdue: [{ ...ITEM, urgency: 'overdue' as const }],
          atRisk: [],
          standings: [{ committeeId: 'btc', open: 4, overdue: 1, dueSoon: 0, onTime: 3, timed: 4 }],
        }),
      },
      accountability: { list: async () => ({ items: [] }) as never },
    })
    const res = await request(deps, '/staff/dashboard', { as: 'supervisor' })
    expect(res.status).toBe(200)
    expect(res.html).toContain('data-testid="ranking"')
    expect(res.html).toContain(ITEM.trackingCode)
  })

  it('refuses an unknown period next to its field (422) without asking for figures', async () => {
    const report = vi.fn()
    const res = await request(
      fakeDeps({ reports: { report } }),
      '/staff/reports?committee=btc&period=decade',
      {
        as: 'supervisor',
      },
    )
    expect(res.status).toBe(422)
    expect(report).not.toHaveBeenCalled()
  })
})

describe('audit section', () => {
  it('refuses a finding without a note and records nothing; records a complete one', async () => {
    const recordFinding = vi.fn(async () => ({}) as never)
    const deps = fakeDeps({
      audit: {
        recordFinding,
        getSample: async () =>
          ({
            id: 's1',
            committeeId: 'btc',
            from: '2026-01-01',
            to: '2026-03-31',
            cases: [],
            progress: {},
          }) as never,
      },
    })
    const path = '/staff/audit-samples/s1/findings/KN1'
    const bad = await request(deps, path, { as: 'supervisor', form: { finding: 'compliant', note: '' } })
    expect(bad.status).toBe(422)
    expect(recordFinding).not.toHaveBeenCalled()
    const good = await request(deps, path, {
      as: 'supervisor',
      form: { finding: 'compliant', note: 'Đúng hạn' },
    })
    expect(good.status).toBe(303)
    expect(good.location).toBe('/staff/audit-samples/s1?done=1#f-KN1-finding')
  })
})

describe('accountability section', () => {
  it('requires a report and goes to the dashboard; shows a refusal on its field', async () => {
    const require = vi.fn(async () => ({}) as never)
    const form = { committeeId: 'btc', period: 'quarter', year: '2026', index: '3' }
    const ok = await request(fakeDeps({ accountability: { require } }), '/staff/accountability', {
      as: 'supervisor',
      form,
    })
    expect(ok.location).toBe('/staff/dashboard?done=accountability#accountability')
    expect(require).toHaveBeenCalledWith(
      expect.objectContaining({ kind: 'periodic', year: 2026, index: 3 }),
      expect.anything(),
      'vi',
    )
    const refused = vi.fn(async () => {
      throw new DomainError('period_not_over', 'no', 422, { field: 'index' })
    })
    const res = await request(fakeDeps({ accountability: { require: refused } }), '/staff/accountability', {
      as: 'supervisor',
      form,
    })
    expect(res.status).toBe(422)
    expect(res.html).toContain('href="#f-index"')
  })

  it('answers 400 to a step without a version, 404 to an unknown step', async () => {
    expect(
      (await request(fakeDeps(), '/staff/accountability/r1/submit', { as: 'supervisor', form: { x: '1' } }))
        .status,
    ).toBe(400)
    expect(
      (
        await request(fakeDeps(), '/staff/accountability/r1/bogus', {
          as: 'supervisor',
          form: { version: '1' },
        })
      ).status,
    ).toBe(404)
  })
})

describe('admin section', () => {
  it('is for administrators only', async () => {
    expect((await request(fakeDeps(), '/staff/admin', { as: 'supervisor' })).status).toBe(403)
    expect((await request(fakeDeps(), '/staff/admin/users', { as: 'supervisor' })).status).toBe(403)
  })

  it('says the configuration changed since the form was shown', async () => {
    const saveCommittee = vi.fn(async () => {
      throw new DomainError('version_conflict', 'stale', 409)
    })
    const res = await request(fakeDeps({ admin: { saveCommittee } }), '/staff/admin/committees', {
      as: 'admin',
      form: { id: 'moi', name: 'Mới', type: 'subordinate', version: '1' },
    })
    expect(res.status).toBe(422)
    expect(res.html).toContain(t('vi', 'staff.admin.stale'))
  })

  it('refuses an account id of the wrong shape before the service is asked', async () => {
    const put = vi.fn()
    const res = await request(
      fakeDeps({
        accounts: { put, list: async () => [], pendingGrants: async () => [], roleChanges: async () => [] },
      }),
      '/staff/admin/users',
      {
        as: 'admin',
        form: { id: 'có dấu', displayName: 'X', role: 'member' },
      },
    )
    expect(res.status).toBe(422)
    expect(res.html).toContain('href="#f-id"')
    expect(put).not.toHaveBeenCalled()
  })
})
