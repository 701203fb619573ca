/**
 * Issue 12 finding 10: a petition recorded at the desk may be owned only by an active member
 * account, and only when the officer confirms the member is there in person. Every refusal names
 * its field and rule and writes nothing: no write operation reaches the table (the capacity meter
 * sees every call) and the would-be owner's petitions stay empty.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CapacityRecord } from '../../shared/store/client.js'
import { addUser, TODAY } from './authz-helpers.js'
import { type Harness, petition, problemType, startHarness } from './harness.js'

let h: Harness
const operations: string[] = []
const WRITES = ['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'TransactWriteItems']

beforeAll(async () => {
  h = await startHarness({
    now: `${TODAY}T03:00:00Z`,
    onCapacity: (r: CapacityRecord) => operations.push(r.operation),
  })
  await addUser(h, 'owner.member', 'member', 'btc')
  await addUser(h, 'owner.member.gone', 'member', 'btc', false)
  // A member who also works the cases is a staff account: owning a petition is not for it.
  await h.server.services.users.putUser({
    id: 'owner.member.handler',
    displayName: 'Đảng viên kiêm cán bộ',
    memberships: [
      { role: 'member', committeeId: 'btc' },
      { role: 'committee_handler', committeeId: 'btc' },
    ],
    active: true,
  })
})
afterAll(async () => h?.close())

const deskBody = (overrides: Record<string, unknown>) => ({
  ...petition({ kind: 'complaint', concerns: { organization: 'Bộ Tài chính' } }),
  channel: 'in_person',
  receivedAt: TODAY,
  ...overrides,
})

/** The operations the store was asked for while `run` ran. */
async function operationsDuring<T>(run: () => Promise<T>): Promise<{ result: T; ops: string[] }> {
  const start = operations.length
  const result = await run()
  return { result, ops: operations.slice(start) }
}

async function petitionsOwnedBy(ownerId: string): Promise<number> {
  return (await h.server.services.cases.listMyPetitions(ownerId, { limit: 50 })).items.length
}

/** Posts the intake as `tiepdan` and insists it was refused for `field` by `rule`, writing nothing. */
async function expectRefused(body: Record<string, unknown>, field: string, rule: string, code: string) {
  const { result: res, ops } = await operationsDuring(() =>
    h.request('POST', '/api/v1/cases', { as: 'tiepdan', body }),
  )
  expect(res.status).toBe(422)
  expect(res.headers.get('content-type')).toContain('application/problem+json')
  expect(res.body.type).toEqual(problemType(code))
  expect(res.body.errors).toContainEqual(expect.objectContaining({ field, rule }))
  expect(res.body.trackingCode).toBeUndefined()
  expect(ops.filter((op) => WRITES.includes(op))).toEqual([])
  return { res, ops }
}

describe('the owner of a petition recorded at the desk', () => {
  it('refuses an owner id no account has, after one read of the account, writing nothing', async () => {
    const reads = (ops: string[]) => ops.filter((op) => op === 'GetItem').length
    // The same request refused before the owner is looked up (a receipt date in the future).
    const { result: early, ops: before } = await operationsDuring(() =>
      h.request('POST', '/api/v1/cases', {
        as: 'tiepdan',
        body: deskBody({ ownerId: 'nobody.here', ownerPresent: true, receivedAt: '2026-12-30' }),
      }),
    )
    expect(early.body.type).toEqual(problemType('received_in_future'))

    const { ops } = await expectRefused(
      deskBody({ ownerId: 'nobody.here', ownerPresent: true }),
      'ownerId',
      'owner_not_member',
      'owner_not_member',
    )
    expect(reads(ops)).toBe(reads(before) + 1)
    expect(ops.filter((op) => op !== 'GetItem')).toEqual(before.filter((op) => op !== 'GetItem'))
    expect(await petitionsOwnedBy('nobody.here')).toBe(0)
  })

  it('refuses a staff account as owner, the officer’s own and a member who also handles cases', async () => {
    for (const ownerId of ['tiepdan', 'btc.canbo', 'giamsat', 'admin', 'owner.member.handler']) {
      await expectRefused(
        deskBody({ ownerId, ownerPresent: true }),
        'ownerId',
        'owner_not_member',
        'owner_not_member',
      )
      expect(await petitionsOwnedBy(ownerId)).toBe(0)
    }
  })

  it('refuses a deactivated member account', async () => {
    await expectRefused(
      deskBody({ ownerId: 'owner.member.gone', ownerPresent: true }),
      'ownerId',
      'owner_not_member',
      'owner_not_member',
    )
    expect(await petitionsOwnedBy('owner.member.gone')).toBe(0)
  })

  it('refuses an owner the officer has not confirmed present, or who is not at the desk', async () => {
    for (const presence of [{}, { ownerPresent: false }])
      await expectRefused(
        deskBody({ ownerId: 'owner.member', ...presence }),
        'ownerPresent',
        'owner_present',
        'validation_failed',
      )
    await expectRefused(
      deskBody({ ownerId: 'owner.member', ownerPresent: true, channel: 'post' }),
      'channel',
      'owner_in_person',
      'validation_failed',
    )
    expect(await petitionsOwnedBy('owner.member')).toBe(0)
  })

  it('records the petition of a member present at the desk, and the member sees it as theirs', async () => {
    const res = await h.request('POST', '/api/v1/cases', {
      as: 'tiepdan',
      body: deskBody({ ownerId: 'owner.member', ownerPresent: true }),
    })
    expect(res.status).toBe(201)
    const mine = await h.request('GET', '/api/v1/me/petitions', { as: 'owner.member' })
    expect(mine.status).toBe(200)
    expect(mine.body.items.map((i: { trackingCode: string }) => i.trackingCode)).toContain(
      res.body.trackingCode,
    )
  })

  it('still records a citizen’s petition with no owner and no presence tick', async () => {
    const res = await h.request('POST', '/api/v1/cases', {
      as: 'tiepdan',
      body: deskBody({ channel: 'post' }),
    })
    expect(res.status).toBe(201)
  })
})

describe('the reception desk page', () => {
  async function postIntake(form: Record<string, string>) {
    return h.page('/staff/reception', {
      as: 'tiepdan',
      form: {
        channel: 'in_person',
        receivedAt: '26/11/2026',
        kind: 'complaint',
        title: 'Khiếu nại quyết định kỷ luật',
        content: 'Tôi đề nghị xem xét lại quyết định kỷ luật.',
        'petitioner.fullName': 'Cao Thị Yến',
        'concerns.organization': 'Bộ Tài chính',
        ...form,
      },
    })
  }

  it('offers the owner’s account and the presence tick', async () => {
    const res = await fetch(`${h.server.url}/staff/reception`, {
      headers: { cookie: `__Host-staff-session=${await h.tokenFor('tiepdan')}` },
    })
    const html = await res.text()
    expect(html).toContain('name="ownerId"')
    expect(html).toMatch(/type="checkbox" id="f-ownerPresent" name="ownerPresent"/)
    expect(html).toContain('Đảng viên có mặt, đã xác minh danh tính')
  })

  it('shows a missing presence tick next to its field, keeps what was typed and writes nothing', async () => {
    const { result, ops } = await operationsDuring(() => postIntake({ ownerId: 'owner.member' }))
    expect(result.status).toBe(422)
    expect(result.html).toContain('href="#f-ownerPresent"')
    expect(result.html).toContain('id="f-ownerPresent-error"')
    expect(result.html).toContain('value="owner.member"')
    expect(ops.filter((op) => WRITES.includes(op))).toEqual([])
  })

  it('shows a staff owner next to the owner field and writes nothing', async () => {
    const { result, ops } = await operationsDuring(() =>
      postIntake({ ownerId: 'btc.canbo', ownerPresent: 'true' }),
    )
    expect(result.status).toBe(422)
    expect(result.html).toContain('href="#f-ownerId"')
    expect(result.html).toContain('id="f-ownerId-error"')
    expect(result.html).toContain('tài khoản đảng viên đang hoạt động')
    expect(ops.filter((op) => WRITES.includes(op))).toEqual([])
    expect(await petitionsOwnedBy('btc.canbo')).toBe(0)
  })

  it('records a present member’s petition as theirs', async () => {
    const before = await petitionsOwnedBy('owner.member')
    const res = await postIntake({ ownerId: 'owner.member', ownerPresent: 'true' })
    expect(res.status).toBe(201)
    const code = /data-testid="tracking-code">([0-9A-Z-]+)</.exec(res.html)![1]!
    const mine = await h.request('GET', '/api/v1/me/petitions', { as: 'owner.member' })
    expect(mine.body.items.map((i: { trackingCode: string }) => i.trackingCode)).toContain(code)
    expect(await petitionsOwnedBy('owner.member')).toBe(before + 1)
  })
})
