/**
 * Issue 12.1: an admin could add `supervisor` to their own account and then reveal a denouncer's
 * identity. Nobody changes their own roles; a role that can reveal identity is only requested and
 * waits for a second admin; every change of roles is an audited event supervisors read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fileOnline } from './authz-helpers.js'
import { type Harness, problemType, startHarness } from './harness.js'

let h: Harness

beforeAll(async () => {
  h = await startHarness()
  for (const id of ['admin2', 'admin3'])
    await h.server.services.users.putUser({
      id,
      displayName: `Quản trị ${id}`,
      memberships: [{ role: 'admin' }],
      active: true,
    })
})
afterAll(async () => h.close())

const putUser = (as: string, id: string, memberships: object[], active = true) =>
  h.request('PUT', `/api/v1/users/${id}`, {
    as,
    body: { displayName: `Tài khoản ${id}`, memberships, active },
  })
const decide = (as: string, id: string, grantId: string, decision: 'confirmation' | 'refusal') =>
  h.request('POST', `/api/v1/users/${id}/grants/${grantId}/${decision}`, { as, body: {} })
const rolesOf = async (id: string) =>
  ((await h.server.services.users.getUser(id))?.memberships ?? []).map((m) => m.role).sort()
const reveal = (as: string, code: string) =>
  h.request('POST', `/api/v1/cases/${code}/reveal`, { as, body: { reason: 'Xác minh' } })

describe('the self-escalation of issue 12.1', () => {
  it('refuses an admin who adds supervisor to their own account, and the reveal stays refused', async () => {
    const { trackingCode } = await fileOnline(h)

    const res = await putUser('admin', 'admin', [{ role: 'admin' }, { role: 'supervisor' }])

    expect(res.status).toBe(403)
    expect(res.body.type).toEqual(problemType('own_roles'))
    expect(await rolesOf('admin')).toEqual(['admin'])
    const revealed = await reveal('admin', trackingCode)
    expect(revealed.status).not.toBe(200)
    expect(revealed.body.petitioner).toBeUndefined()
  })

  it('refuses any change of one’s own roles, even one that takes rights away', async () => {
    const res = await putUser('admin2', 'admin2', [{ role: 'admin' }, { role: 'member' }])

    expect(res.status).toBe(403)
    expect(res.body.type).toEqual(problemType('own_roles'))
    expect(await rolesOf('admin2')).toEqual(['admin'])
  })

  it('lets an admin rename themselves when their roles stay as they are', async () => {
    const res = await putUser('admin3', 'admin3', [{ role: 'admin' }])

    expect(res.status).toBe(200)
    expect(res.body.pendingGrants).toEqual([])
  })
})

describe('four eyes on a role that can reveal identity', () => {
  it('saves supervisor as a pending grant that only another admin can confirm', async () => {
    const { trackingCode } = await fileOnline(h)
    const asked = await putUser('admin', 'gs.moi', [{ role: 'supervisor' }])
    expect(asked.status).toBe(200)
    expect(asked.body.memberships).toEqual([])
    expect(asked.body.pendingGrants).toHaveLength(1)
    const grant = asked.body.pendingGrants[0]
    expect(grant).toMatchObject({
      status: 'pending',
      requestedBy: 'admin',
      membership: { role: 'supervisor' },
    })
    expect((await reveal('gs.moi', trackingCode)).status).not.toBe(200)

    const bySame = await decide('admin', 'gs.moi', grant.id, 'confirmation')
    expect(bySame.status).toBe(403)
    expect(bySame.body.type).toEqual(problemType('four_eyes'))
    expect(await rolesOf('gs.moi')).toEqual([])

    const byOther = await decide('admin2', 'gs.moi', grant.id, 'confirmation')
    expect(byOther.status).toBe(200)
    expect(byOther.body).toMatchObject({ status: 'confirmed', decidedBy: 'admin2' })
    expect(await rolesOf('gs.moi')).toEqual(['supervisor'])
    expect((await reveal('gs.moi', trackingCode)).status).toBe(200)

    const again = await decide('admin3', 'gs.moi', grant.id, 'confirmation')
    expect(again.status).toBe(409)
    expect(again.body.type).toEqual(problemType('grant_decided'))
  })

  it('treats a committee head as a reveal role (derived from the reveal policy) and a handler not', async () => {
    const res = await putUser('admin', 'btc.moi', [
      { role: 'committee_handler', committeeId: 'btc' },
      { role: 'committee_head', committeeId: 'byt' },
    ])

    expect(res.status).toBe(200)
    expect(res.body.memberships).toEqual([{ role: 'committee_handler', committeeId: 'btc' }])
    expect(res.body.pendingGrants.map((g: { membership: unknown }) => g.membership)).toEqual([
      { role: 'committee_head', committeeId: 'byt' },
    ])
  })

  it('makes admin itself wait for a second admin, so no admin mints an accomplice alone', async () => {
    const res = await putUser('admin', 'qt.moi', [{ role: 'admin' }, { role: 'member' }])

    expect(res.status).toBe(200)
    expect(res.body.memberships).toEqual([{ role: 'member' }])
    expect(res.body.pendingGrants.map((g: { membership: unknown }) => g.membership)).toEqual([
      { role: 'admin' },
    ])
    expect(await rolesOf('qt.moi')).toEqual(['member'])
  })

  it('refuses confirming a grant of one’s own account', async () => {
    const asked = await putUser('admin', 'admin3', [{ role: 'admin' }, { role: 'supervisor' }])
    const grant = asked.body.pendingGrants[0]

    const res = await decide('admin3', 'admin3', grant.id, 'confirmation')

    expect(res.status).toBe(403)
    expect(res.body.type).toEqual(problemType('own_roles'))
    expect(await rolesOf('admin3')).toEqual(['admin'])
  })

  it('answers 404 for an unknown grant and 409 when the account was deactivated meanwhile', async () => {
    const asked = await putUser('admin', 'sap.nghi', [{ role: 'supervisor' }])
    const grant = asked.body.pendingGrants[0]
    expect((await putUser('admin', 'sap.nghi', [{ role: 'member' }], false)).status).toBe(200)

    const unknown = await decide('admin2', 'sap.nghi', '00000000-0000-4000-8000-000000000000', 'confirmation')
    const gone = await decide('admin2', 'sap.nghi', grant.id, 'confirmation')

    expect(unknown.status).toBe(404)
    expect(unknown.body.type).toEqual(problemType('grant_not_found'))
    expect(gone.status).toBe(409)
    expect(gone.body.type).toEqual(problemType('account_gone'))
    expect(await rolesOf('sap.nghi')).toEqual(['member'])
  })

  it('confirms a grant once when two admins confirm it at the same moment', async () => {
    const asked = await putUser('admin', 'dua.tranh', [{ role: 'supervisor' }])
    const grant = asked.body.pendingGrants[0]

    const answers = await Promise.all([
      decide('admin2', 'dua.tranh', grant.id, 'confirmation'),
      decide('admin3', 'dua.tranh', grant.id, 'confirmation'),
    ])

    expect(answers.map((r) => r.status).sort()).toEqual([200, 409])
    expect(await rolesOf('dua.tranh')).toEqual(['supervisor'])
  })

  it('refuses a grant: the role is never given', async () => {
    const asked = await putUser('admin', 'bi.tu.choi', [{ role: 'member' }, { role: 'supervisor' }])
    const grant = asked.body.pendingGrants[0]

    const res = await decide('admin', 'bi.tu.choi', grant.id, 'refusal')

    expect(res.status).toBe(200)
    expect(res.body.status).toBe('refused')
    expect(await rolesOf('bi.tu.choi')).toEqual(['member'])
    expect((await decide('admin2', 'bi.tu.choi', grant.id, 'confirmation')).status).toBe(409)
  })
})

describe('the audited role changes', () => {
  it('lists every kind of change to supervisors, and to no committee role', async () => {
    const asked = await putUser('admin', 'nhat.ky', [{ role: 'member' }, { role: 'supervisor' }])
    await decide('admin2', 'nhat.ky', asked.body.pendingGrants[0].id, 'confirmation')
    const again = await putUser('admin', 'nhat.ky', [
      { role: 'supervisor' },
      { role: 'committee_head', committeeId: 'btc' },
    ])
    await decide('admin2', 'nhat.ky', again.body.pendingGrants[0].id, 'refusal')

    const res = await h.request('GET', '/api/v1/role-changes', { as: 'giamsat' })

    expect(res.status).toBe(200)
    const mine = res.body.items.filter((e: { userId: string }) => e.userId === 'nhat.ky')
    expect(mine.map((e: { type: string }) => e.type).sort()).toEqual([
      'confirmed',
      'direct',
      'direct',
      'refused',
      'requested',
      'requested',
    ])
    expect(mine.find((e: { type: string }) => e.type === 'confirmed')).toMatchObject({
      by: 'admin2',
      added: [{ role: 'supervisor' }],
    })
    expect((await h.request('GET', '/api/v1/role-changes', { as: 'btc.truong' })).status).toBe(403)
  })
})

describe('the admin and supervisor pages', () => {
  const page = (path: string, as: string, form?: Record<string, string>) => h.page(path, { as, form })

  it('shows pending grants to admins, who confirm them with a plain form', async () => {
    const asked = await putUser('admin', 'trang.admin', [{ role: 'supervisor' }])
    const grant = asked.body.pendingGrants[0]
    const form = { userId: 'trang.admin', grantId: grant.id }

    const listed = await page('/staff/admin/users', 'admin2')
    const bySame = await page('/staff/admin/users/grants/confirm', 'admin', form)
    const byOther = await page('/staff/admin/users/grants/confirm', 'admin2', form)

    expect(listed.html).toContain(`value="${grant.id}"`)
    expect(bySame.status).toBe(403)
    expect(byOther.status).toBe(303)
    expect(await rolesOf('trang.admin')).toEqual(['supervisor'])
  })

  it('refuses an admin page form that changes the admin’s own role', async () => {
    const res = await page('/staff/admin/users', 'admin2', {
      id: 'admin2',
      displayName: 'Quản trị admin2',
      role: 'supervisor',
      active: 'true',
    })

    expect(res.status).toBe(403)
    expect(await rolesOf('admin2')).toEqual(['admin'])
  })

  it('shows the role change log to supervisors and not to handlers', async () => {
    const seen = await page('/staff/role-changes', 'giamsat')

    expect(seen.status).toBe(200)
    expect(seen.html).toContain('data-testid="role-changes"')
    expect(seen.html).toContain('trang.admin')
    expect((await page('/staff/role-changes', 'btc.canbo')).status).toBe(403)
  })
})
