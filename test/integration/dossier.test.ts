/**
 * The archive dossier over real HTTP on one machine: who may take it and when, what a complete one
 * and a content-only one hold, the manifest checked against the files (and failing on a changed
 * byte), the export recorded in the history, the staff page's button and redirect.
 */
import { unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MANIFEST_PATH, verifyDossier } from '../../shared/domain/dossier.js'
import { SESSION_COOKIE } from '../../web/staff/session.js'
import { pdf, png } from '../fixtures/documents.js'
import { actOk, addUser, type Filed, fileOnline, storedCase } from './authz-helpers.js'
import { type Harness, problemType, startHarness } from './harness.js'

let h: Harness
let denunciation: Filed
let committeeId: string
let parentId: string

const user = (role: string, committee = committeeId) => `dos.${role}.${committee}`

async function attach(filed: Filed, bytes: Uint8Array, name: string, type: string, contentOnly?: boolean) {
  const slots = await h.request('POST', `/api/v1/petitions/${filed.trackingCode}/attachments`, {
    body: { files: [{ name, type, size: bytes.length, ...(contentOnly ? { contentOnly } : {}) }] },
    headers: { 'x-tracking-pin': filed.pin },
  })
  expect(slots.status, JSON.stringify(slots.body)).toBe(201)
  const slot = slots.body.uploads[0]
  expect((await fetch(slot.url, { method: 'PUT', headers: slot.headers, body: bytes })).status).toBe(200)
  const done = await h.request(
    'POST',
    `/api/v1/petitions/${filed.trackingCode}/attachments/${slot.id}/completion`,
    {
      body: {},
      headers: { 'x-tracking-pin': filed.pin },
    },
  )
  expect(done.status).toBe(200)
}

const exportAs = (code: string, as: string) =>
  h.request('POST', `/api/v1/cases/${code}/dossier`, { as, body: {} })

async function download(url: string): Promise<Record<string, Uint8Array>> {
  const res = await fetch(url)
  expect(res.status).toBe(200)
  return unzipSync(new Uint8Array(await res.arrayBuffer()))
}

const cookieOf = async (as: string) => `${SESSION_COOKIE}=${await h.tokenFor(as)}`
const casePage = async (cookie: string) =>
  (await fetch(`${h.server.url}/staff/cases/${denunciation.trackingCode}`, { headers: { cookie } })).text()

const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes)

beforeAll(async () => {
  h = await startHarness()
  denunciation = await fileOnline(h, {
    kind: 'denunciation',
    petitioner: {
      fullName: 'Trần Thị Bích',
      phone: '0987654321',
      email: 'bich@example.vn',
      address: 'Số 5 Ngõ Huế',
    },
    concerns: { organization: 'Bộ Tài chính' },
  })
  committeeId = (await storedCase(h, denunciation.trackingCode)).committeeId
  const committees = (await h.server.services.settings.getCommittees()).value
  parentId = committees.find((x) => x.id === committeeId)!.parentId!
  await addUser(h, user('handler'), 'committee_handler', committeeId)
  await addUser(h, user('head'), 'committee_head', committeeId)
  await addUser(h, user('head', parentId), 'committee_head', parentId)
  await addUser(h, 'dos.sup', 'supervisor', undefined)
  await attach(denunciation, pdf(), 'Trần Thị Bích - đơn tố cáo.pdf', 'application/pdf')
  h.clock.now = new Date(h.clock.now.getTime() + 60_000)
  await attach(denunciation, png(), 'hien-truong.png', 'image/png', true)
})
afterAll(async () => {
  await h?.close()
})

describe('the archive dossier', () => {
  it('is refused while the case is being handled, and to a handler', async () => {
    const open = await exportAs(denunciation.trackingCode, user('head'))
    expect(open.status).toBe(409)
    expect(open.body.type).toEqual(problemType('case_not_finished'))
    await actOk(h, denunciation.trackingCode, user('handler'), {
      action: 'file',
      note: 'Lưu đơn để theo dõi',
    })
    const handler = await exportAs(denunciation.trackingCode, user('handler'))
    expect(handler.status).toBe(403)
    expect(handler.body.type).toEqual(problemType('dossier_not_allowed'))
    // Nothing was recorded for the refusals.
    expect((await storedCase(h, denunciation.trackingCode)).history.map((e) => e.type)).not.toContain(
      'dossier_exported',
    )
  })

  it('is complete for the head of the resolving committee, recorded first, and verifies against its manifest', async () => {
    const before = await storedCase(h, denunciation.trackingCode)
    const res = await exportAs(denunciation.trackingCode, user('head'))
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    expect(res.body).toMatchObject({ scope: 'full', withheld: 0, fileName: expect.stringMatching(/\.zip$/) })
    const after = await storedCase(h, denunciation.trackingCode)
    expect(after.version).toBe(before.version + 1)
    expect(after.history.at(-1)).toMatchObject({
      type: 'dossier_exported',
      public: false,
      actor: { id: user('head') },
      data: { scope: 'full' },
    })

    const files = await download(res.body.url)
    expect(verifyDossier(files)).toEqual({ ok: true, problems: [] })
    const manifest = JSON.parse(text(files[MANIFEST_PATH]))
    expect(manifest).toMatchObject({
      trackingCode: denunciation.trackingCode,
      kind: 'denunciation',
      status: 'filed',
      scope: 'full',
      retention: { years: 15, until: '2041-12-31' },
      history: { events: after.history.length, lastHash: after.history.at(-1)!.hash, intact: true },
    })
    // The history in the file is the case's own chain, ending with this export.
    expect(JSON.parse(text(files['lich-su.json']))).toEqual(after.history)
    expect(Object.keys(files).sort()).toEqual([
      '00-muc-luc.html',
      '01-don.txt',
      'lich-su.json',
      MANIFEST_PATH,
      'tai-lieu/01-Tai-lieu-1.pdf',
      'tai-lieu/02-hien-truong.png',
    ])
    expect(text(files['01-don.txt'])).toContain('Trần Thị Bích')
    // The table of contents follows the events, in Vietnamese, linking each file.
    const index = text(files['00-muc-luc.html'])
    expect(index).toContain('MỤC LỤC HỒ SƠ')
    expect(index.indexOf('Đã gửi đơn')).toBeLessThan(index.indexOf('Xếp lưu'))
    expect(index.indexOf('Xếp lưu')).toBeLessThan(index.indexOf('Lập hồ sơ lưu trữ'))
    expect(index).toContain('href="tai-lieu/02-hien-truong.png"')
    // The ZIP's file name and link carry the code, never the denouncer.
    expect(decodeURIComponent(res.body.url)).not.toContain('Bích')
  })

  it('fails the check when one byte of a file or the history changes', async () => {
    const res = await exportAs(denunciation.trackingCode, 'dos.sup')
    expect(res.body.scope).toBe('full')
    const files = await download(res.body.url)
    const changed = { ...files, '01-don.txt': files['01-don.txt']!.map((b, i) => (i === 0 ? b ^ 1 : b)) }
    expect(verifyDossier(changed)).toEqual({ ok: false, problems: ['01-don.txt: altered'] })
    const extra = { ...files, 'tai-lieu/03-them.pdf': pdf() }
    expect(verifyDossier(extra).problems).toEqual(['tai-lieu/03-them.pdf: not in the manifest'])
    const { [MANIFEST_PATH]: _, ...noManifest } = files
    expect(verifyDossier(noManifest).ok).toBe(false)
  })

  it('leaves out what identifies the denouncer for a head above the committee', async () => {
    const res = await exportAs(denunciation.trackingCode, user('head', parentId))
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ scope: 'content', withheld: 2 })
    const files = await download(res.body.url)
    expect(verifyDossier(files).ok).toBe(true)
    expect(Object.keys(files).filter((path) => path.startsWith('tai-lieu/'))).toEqual([
      'tai-lieu/01-hien-truong.png',
    ])
    expect(text(files['01-don.txt'])).toContain('Người gửi: (không có trong bản hồ sơ này)')
    const everything = Object.values(files).map(text).join('\n')
    for (const marker of ['Trần Thị Bích', '0987654321', 'bich@example.vn', 'Số 5 Ngõ Huế'])
      expect(everything).not.toContain(marker)
    expect(JSON.parse(text(files[MANIFEST_PATH]))).toMatchObject({ scope: 'content', withheld: 2 })
  })

  it('is offered on the staff case page of a finished case, and its button leads to the ZIP', async () => {
    const cookie = await cookieOf(user('head'))
    const html = await casePage(cookie)
    expect(html).toContain('data-testid="dossier-form"')
    expect(html).not.toContain('data-testid="dossier-partial"')
    const posted = await fetch(`${h.server.url}/staff/cases/${denunciation.trackingCode}/dossier`, {
      method: 'POST',
      headers: {
        cookie,
        origin: new URL(h.server.url).origin,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: '',
      redirect: 'manual',
    })
    expect(posted.status).toBe(303)
    expect(verifyDossier(await download(posted.headers.get('location')!)).ok).toBe(true)
    const handlerPage = await casePage(await cookieOf(user('handler')))
    expect(handlerPage).toContain('data-testid="staff-timeline"')
    expect(handlerPage).not.toContain('data-testid="dossier-form"')
    // A head above gets the form with the word that the copy is not complete.
    expect(await casePage(await cookieOf(user('head', parentId)))).toContain('data-testid="dossier-partial"')
  })
})
