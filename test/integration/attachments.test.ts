/**
 * Attachments over real HTTP on one machine: upload through the signed URL, completion with the
 * content check, the staff list and short-lived links, the 5-file limit under concurrency, the
 * denouncer's restricted documents, and the no-JavaScript submit form with a file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { normalizeTrackingCode } from '../../shared/domain/tracking-code.js'
import { clamdScanner } from '../../shared/scanning/clamav.js'
import { docx, exe, htmlPdf, jpeg, macroDocx, padTo, pdf, png } from '../fixtures/documents.js'
import { EICAR, type FakeClamd, startFakeClamd } from '../fixtures/fake-clamd.js'
import {
  addUser,
  fileAtDesk,
  fileOnline,
  getPage,
  startLoggingHarness,
  storedCase,
  TODAY,
} from './authz-helpers.js'
import { type Harness, petition, problemType, startHarness } from './harness.js'

const PDF = 'application/pdf'
const PNG = 'image/png'
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

let h: Harness
/** Every document of these tests passes a clamd (a stand-in on a local socket) before it is kept. */
let clamd: FakeClamd

beforeAll(async () => {
  clamd = await startFakeClamd()
  h = await startHarness({ scanner: clamdScanner({ path: clamd.path }) })
  await addUser(h, 'att.desk', 'reception_officer', 'btc')
  await addUser(h, 'att.handler', 'committee_handler', 'btc')
  await addUser(h, 'att.head', 'committee_head', 'btc')
  await addUser(h, 'att.headUp', 'committee_head', 'dukhoi')
  await addUser(h, 'att.other', 'committee_handler', 'byt')
  await addUser(h, 'att.sup', 'supervisor', undefined)
})
afterAll(async () => {
  await h?.close()
  await clamd?.close()
})

interface Slot {
  id: string
  name: string
  url: string
  method: 'PUT'
  headers: Record<string, string>
}

async function askSlots(
  code: string,
  pin: string,
  files: { name: string; type: string; size: number; contentOnly?: boolean }[],
) {
  return h.request('POST', `/api/v1/petitions/${code}/attachments`, {
    body: { files },
    headers: { 'x-tracking-pin': pin },
  })
}

async function put(slot: Slot, bytes: Uint8Array, contentType = slot.headers['content-type']!) {
  return fetch(slot.url, {
    method: 'PUT',
    headers: { ...slot.headers, 'content-type': contentType },
    body: bytes,
  })
}

async function complete(code: string, pin: string, id: string) {
  // A JSON body (even empty): a body-less POST counts as a form post for the CSRF check.
  return h.request('POST', `/api/v1/petitions/${code}/attachments/${id}/completion`, {
    body: {},
    headers: { 'x-tracking-pin': pin },
  })
}

/** Asks for one slot, uploads `bytes`, completes: the completion's answer. */
async function attach(
  code: string,
  pin: string,
  bytes: Uint8Array,
  declared: { name: string; type: string; contentOnly?: boolean },
) {
  const slots = await askSlots(code, pin, [{ ...declared, size: bytes.length }])
  expect(slots.status, JSON.stringify(slots.body)).toBe(201)
  const slot = slots.body.uploads[0] as Slot
  expect((await put(slot, bytes)).status).toBe(200)
  return { slot, res: await complete(code, pin, slot.id) }
}

/** A sound PDF carrying the EICAR test string in a stream: only the virus scanner refuses it. */
const infectedPdf = () => pdf({ objects: [`<</Length ${EICAR.length}>>\nstream\n${EICAR}\nendstream`] })

const list = (code: string, as: string) => h.request('GET', `/api/v1/cases/${code}/attachments`, { as })
const link = (code: string, id: string, as: string) =>
  h.request('GET', `/api/v1/cases/${code}/attachments/${id}/link`, { as })

describe('a petitioner attaches a document', () => {
  it('uploads through the signed URL, completes, and staff see it and open the same bytes', async () => {
    const filed = await fileOnline(h)
    const bytes = padTo(pdf(), 4000)

    const { slot, res } = await attach(filed.trackingCode, filed.pin, bytes, {
      name: 'Quyết định số 12.pdf',
      type: PDF,
    })

    expect(res.status).toBe(200)
    expect(res.body.attachment).toMatchObject({ name: 'Quyết định số 12.pdf', type: 'pdf', size: 4000 })
    expect(slot.url).not.toContain('Nguy') // no petitioner name in the key or URL
    const listed = await list(filed.trackingCode, 'att.handler')
    expect(listed.status).toBe(200)
    expect(listed.body.items).toEqual([
      expect.objectContaining({
        id: slot.id,
        name: 'Quyết định số 12.pdf',
        mediaType: PDF,
        size: 4000,
        identityRestricted: false,
        canOpen: true,
        uploadedBy: { kind: 'petitioner' },
      }),
    ])
    const got = await link(filed.trackingCode, slot.id, 'att.handler')
    expect(got.status).toBe(200)
    const download = await fetch(got.body.url)
    expect(download.status).toBe(200)
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; /)
    expect(download.headers.get('content-type')).toBe(PDF)
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(bytes)
    const mine = await h.request('GET', `/api/v1/petitions/${filed.trackingCode}/attachments`, {
      headers: { 'x-tracking-pin': filed.pin },
    })
    expect(mine.body.items.map((i: { id: string }) => i.id)).toEqual([slot.id])
  })

  it('refuses a link once expired, a forged one, and an upload URL used for other bytes', async () => {
    const filed = await fileOnline(h)
    const { slot } = await attach(filed.trackingCode, filed.pin, png(), { name: 'anh.png', type: PNG })
    const { url } = (await link(filed.trackingCode, slot.id, 'att.handler')).body

    const forged = new URL(url)
    forged.searchParams.set('sig', `${forged.searchParams.get('sig')!.slice(0, -2)}AA`)
    expect((await fetch(forged)).status).toBe(403)
    const renamed = new URL(url)
    renamed.searchParams.set('d', 'other.png')
    expect((await fetch(renamed)).status).toBe(403)
    h.clock.now = new Date(h.clock.now.getTime() + 6 * 60_000)
    try {
      expect((await fetch(url)).status).toBe(403)
    } finally {
      h.clock.now = new Date(h.clock.now.getTime() - 6 * 60_000)
    }

    const more = (await askSlots(filed.trackingCode, filed.pin, [{ name: 'b.png', type: PNG, size: 100 }]))
      .body.uploads[0] as Slot
    expect((await put(more, padTo(png(), 101))).status).toBe(403)
    expect((await put(more, padTo(png(), 100), 'text/html')).status).toBe(403)
    expect(
      await h.server.blobs.size(`pending/${normalizeTrackingCode(filed.trackingCode)}/${more.id}`),
    ).toBeUndefined()
  })

  it('refuses a sixth file, and a request for more than ten megabytes', async () => {
    const filed = await fileOnline(h)
    for (const name of ['1.pdf', '2.pdf', '3.pdf', '4.pdf', '5.pdf'])
      expect((await attach(filed.trackingCode, filed.pin, pdf(), { name, type: PDF })).res.status).toBe(200)

    const sixth = await askSlots(filed.trackingCode, filed.pin, [{ name: '6.pdf', type: PDF, size: 100 }])
    expect(sixth.status).toBe(422)
    expect(sixth.body.type).toEqual(problemType('too_many_attachments'))
    const big = await askSlots((await fileOnline(h)).trackingCode, filed.pin, [
      { name: 'big.pdf', type: PDF, size: 11 * 1024 * 1024 },
    ])
    expect(big.status).toBe(422)
    expect(big.body.errors[0].field).toBe('files.0.size')
    expect((await list(filed.trackingCode, 'att.handler')).body.items).toHaveLength(5)
  })

  it('refuses a .pdf that is really a program, deletes it, and gives the slot back', async () => {
    const filed = await fileOnline(h)
    const code = normalizeTrackingCode(filed.trackingCode)!
    const { slot, res } = await attach(filed.trackingCode, filed.pin, exe(), {
      name: 'hoa-don.pdf',
      type: PDF,
    })

    expect(res.status).toBe(422)
    expect(res.headers.get('content-type')).toContain('application/problem+json')
    expect(res.body.type).toEqual(problemType('type_not_allowed'))
    expect(res.body.errors[0]).toMatchObject({ field: 'file', rule: 'type_not_allowed' })
    expect(await h.server.blobs.size(`pending/${code}/${slot.id}`)).toBeUndefined()
    expect(await h.server.blobs.size(`cases/${code}/${slot.id}`)).toBeUndefined()
    expect((await list(filed.trackingCode, 'att.handler')).body.items).toEqual([])
    const five = await askSlots(
      filed.trackingCode,
      filed.pin,
      Array.from({ length: 5 }, (_, i) => ({ name: `${i}.pdf`, type: PDF, size: 10 })),
    )
    expect(five.status).toBe(201)
  })

  it('refuses content of another type than declared (a PDF sent as a PNG) and accepts a DOCX', async () => {
    const filed = await fileOnline(h)
    const wrong = await attach(filed.trackingCode, filed.pin, pdf(), { name: 'scan.png', type: PNG })
    expect(wrong.res.status).toBe(422)
    expect(wrong.res.body.type).toEqual(problemType('type_mismatch'))
    const word = await attach(filed.trackingCode, filed.pin, docx(), { name: 'Đơn.docx', type: DOCX })
    expect(word.res.status).toBe(200)
    expect(word.res.body.attachment.type).toBe('docx')
  })

  it('refuses a DOCX carrying macros at completion: nothing stays and the slot is free again', async () => {
    const filed = await fileOnline(h)
    const code = normalizeTrackingCode(filed.trackingCode)!
    const { slot, res } = await attach(filed.trackingCode, filed.pin, macroDocx(), {
      name: 'Đơn khiếu nại.docx',
      type: DOCX,
    })

    expect(res.status).toBe(422)
    expect(res.body.type).toEqual(problemType('docx_macros'))
    expect(res.body.errors[0]).toMatchObject({ field: 'file', rule: 'docx_macros' })
    expect(await h.server.blobs.size(`pending/${code}/${slot.id}`)).toBeUndefined()
    expect(await h.server.blobs.size(`cases/${code}/${slot.id}`)).toBeUndefined()
    expect((await list(filed.trackingCode, 'att.handler')).body.items).toEqual([])
    const five = await askSlots(
      filed.trackingCode,
      filed.pin,
      Array.from({ length: 5 }, (_, i) => ({ name: `${i}.pdf`, type: PDF, size: 10 })),
    )
    expect(five.status).toBe(201)
  })

  it('refuses a PDF header over an HTML page at completion', async () => {
    const filed = await fileOnline(h)
    const { res } = await attach(filed.trackingCode, filed.pin, htmlPdf(), { name: 'don.pdf', type: PDF })
    expect(res.status).toBe(422)
    expect(res.body.type).toEqual(problemType('pdf_markup_body'))
  })

  it('refuses a document the virus scanner finds infected, before it leaves pending/: nothing stays', async () => {
    const filed = await fileOnline(h)
    const code = normalizeTrackingCode(filed.trackingCode)!
    const infected = infectedPdf()
    const scanned = clamd.received.length
    const { slot, res } = await attach(filed.trackingCode, filed.pin, infected, {
      name: 'don.pdf',
      type: PDF,
    })

    expect(res.status).toBe(422)
    expect(res.body.type).toEqual(problemType('infected_file'))
    expect(res.body.errors[0]).toMatchObject({ field: 'file', rule: 'infected_file' })
    expect(Buffer.from(clamd.received[scanned]!).equals(Buffer.from(infected))).toBe(true)
    expect(await h.server.blobs.size(`pending/${code}/${slot.id}`)).toBeUndefined()
    expect(await h.server.blobs.size(`cases/${code}/${slot.id}`)).toBeUndefined()
    expect((await list(filed.trackingCode, 'att.handler')).body.items).toEqual([])
  })

  it('answers 409 when completing before uploading, and 404 for a wrong PIN', async () => {
    const filed = await fileOnline(h)
    const slots = await askSlots(filed.trackingCode, filed.pin, [{ name: 'a.pdf', type: PDF, size: 10 }])
    const early = await complete(filed.trackingCode, filed.pin, slots.body.uploads[0].id)
    expect(early.status).toBe(409)
    expect(early.body.type).toEqual(problemType('upload_missing'))
    const wrongPin = await askSlots(filed.trackingCode, '000000', [{ name: 'a.pdf', type: PDF, size: 10 }])
    expect(wrongPin.status).toBe(404)
  })

  it('never lets concurrent requests take more than five slots', async () => {
    const filed = await fileOnline(h)

    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        askSlots(filed.trackingCode, filed.pin, [
          { name: `${i}.jpg`, type: 'image/jpeg', size: jpeg().length },
        ]),
      ),
    )

    expect(answers.filter((a) => a.status === 201)).toHaveLength(5)
    expect(answers.filter((a) => a.status === 422)).toHaveLength(3)
    for (const a of answers.filter((x) => x.status === 201)) {
      const slot = a.body.uploads[0] as Slot
      expect((await put(slot, jpeg())).status).toBe(200)
      expect((await complete(filed.trackingCode, filed.pin, slot.id)).status).toBe(200)
    }
    expect((await list(filed.trackingCode, 'att.sup')).body.items).toHaveLength(5)
  })
})

describe('staff and the case scope', () => {
  it('answers 404 outside the case scope, for the list and the link', async () => {
    const filed = await fileOnline(h)
    const { slot } = await attach(filed.trackingCode, filed.pin, pdf(), { name: 'a.pdf', type: PDF })

    expect((await list(filed.trackingCode, 'att.other')).status).toBe(404)
    expect((await link(filed.trackingCode, slot.id, 'att.other')).status).toBe(404)
    expect((await link(filed.trackingCode, slot.id, 'att.headUp')).status).toBe(200)
  })

  it('lets the reception officer attach at the desk, and no one else', async () => {
    const filed = await fileAtDesk(h, {}, 'att.desk')
    const files = { files: [{ name: 'Biên bản tiếp dân.pdf', type: PDF, size: pdf().length }] }

    expect(
      (
        await h.request('POST', `/api/v1/cases/${filed.trackingCode}/attachments`, {
          as: 'att.handler',
          body: files,
        })
      ).status,
    ).toBe(403)
    expect(
      (
        await h.request('POST', `/api/v1/cases/${filed.trackingCode}/attachments`, {
          as: 'att.other',
          body: files,
        })
      ).status,
    ).toBe(404)
    const slots = await h.request('POST', `/api/v1/cases/${filed.trackingCode}/attachments`, {
      as: 'att.desk',
      body: files,
    })
    expect(slots.status).toBe(201)
    expect((await put(slots.body.uploads[0], pdf())).status).toBe(200)
    const done = await h.request(
      'POST',
      `/api/v1/cases/${filed.trackingCode}/attachments/${slots.body.uploads[0].id}/completion`,
      { as: 'att.desk', body: {} },
    )
    expect(done.status).toBe(200)
    expect(done.body.attachment).toMatchObject({
      name: 'Biên bản tiếp dân.pdf',
      uploadedBy: { kind: 'staff', role: 'reception_officer' },
    })
  })
})

describe("a denouncer's documents", () => {
  it('are restricted to the head of the resolving committee and supervisors, each opening audited', async () => {
    const filed = await fileOnline(h, { kind: 'denunciation', concerns: { organization: 'Bộ Tài chính' } })
    const committeeId = (await storedCase(h, filed.trackingCode)).committeeId
    await addUser(h, `att.handler.${committeeId}`, 'committee_handler', committeeId)
    await addUser(h, `att.head.${committeeId}`, 'committee_head', committeeId)
    const signed = await attach(filed.trackingCode, filed.pin, pdf(), {
      name: 'Nguyễn Văn An - đơn.pdf',
      type: PDF,
    })
    const photo = await attach(filed.trackingCode, filed.pin, png(), {
      name: 'hien-truong.png',
      type: PNG,
      contentOnly: true,
    })

    const seenByHandler = await list(filed.trackingCode, `att.handler.${committeeId}`)
    expect(seenByHandler.body.items).toHaveLength(2)
    expect(seenByHandler.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: signed.slot.id,
          name: 'Tài liệu 1.pdf',
          identityRestricted: true,
          canOpen: false,
        }),
        expect.objectContaining({
          id: photo.slot.id,
          name: 'hien-truong.png',
          identityRestricted: false,
          canOpen: true,
        }),
      ]),
    )
    expect(JSON.stringify(seenByHandler.body)).not.toContain('Nguyễn')
    expect((await link(filed.trackingCode, signed.slot.id, `att.handler.${committeeId}`)).status).toBe(403)
    expect((await link(filed.trackingCode, photo.slot.id, `att.handler.${committeeId}`)).status).toBe(200)
    // The head lists it under the same neutral name: the original is not on any render.
    const seenByHead = await list(filed.trackingCode, `att.head.${committeeId}`)
    expect(JSON.stringify(seenByHead.body)).not.toContain('Nguy')
    expect(seenByHead.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: signed.slot.id, name: 'Tài liệu 1.pdf', canOpen: true }),
      ]),
    )
    const before = (await storedCase(h, filed.trackingCode)).version
    const opened = await link(filed.trackingCode, signed.slot.id, `att.head.${committeeId}`)
    expect(opened.status).toBe(200)
    // The audited opening gives the original name; the signed URL (access logs) names it neutrally.
    expect(opened.body.name).toBe('Nguyễn Văn An - đơn.pdf')
    expect(decodeURIComponent(opened.body.url)).not.toContain('Nguy')
    expect(decodeURIComponent(opened.body.url)).not.toContain('Nguyễn')
    expect((await link(filed.trackingCode, signed.slot.id, 'att.sup')).status).toBe(200)
    const after = await storedCase(h, filed.trackingCode)
    expect(after.version).toBe(before + 2)
    expect(after.history.slice(-2).map((e) => [e.type, e.actor.id, e.public])).toEqual([
      ['identity_document_opened', `att.head.${committeeId}`, false],
      ['identity_document_opened', 'att.sup', false],
    ])
  })
})

describe('the submit form without JavaScript', () => {
  async function postMultipart(
    fields: Record<string, string>,
    files: { name: string; type: string; bytes: Uint8Array }[],
  ) {
    const form = new FormData()
    for (const [k, v] of Object.entries(fields)) form.append(k, v)
    for (const f of files) form.append('attachments', new Blob([f.bytes], { type: f.type }), f.name)
    const res = await fetch(`${h.server.url}/submit`, {
      method: 'POST',
      headers: { origin: h.server.url },
      body: form,
    })
    return { status: res.status, html: await res.text() }
  }
  const fields = () => {
    const p = petition({ concerns: { organization: 'Bộ Tài chính' } })
    return {
      language: 'vi',
      kind: p.kind,
      title: p.title,
      content: p.content,
      'petitioner.fullName': 'Trần Thị Bình',
      'petitioner.phone': '0912345678',
      'concerns.organization': 'Bộ Tài chính',
      topic: p.topic,
      signatories: '1',
    }
  }

  it('offers a file field on a multipart form', async () => {
    const page = await getPage(h, '/submit')
    expect(page.html).toContain('enctype="multipart/form-data"')
    expect(page.html).toMatch(/<input[^>]*type="file"[^>]*name="attachments"/)
  })

  it('files the petition with its document in one post', async () => {
    const res = await postMultipart(fields(), [{ name: 'Giấy tờ.pdf', type: PDF, bytes: pdf() }])

    expect(res.status).toBe(201)
    expect(res.html).toContain('Giấy tờ.pdf')
    const code = /data-testid="tracking-code">([^<]+)</.exec(res.html)![1]!
    const staff = await list(code, 'att.sup')
    expect(staff.body.items).toEqual([expect.objectContaining({ name: 'Giấy tờ.pdf', type: 'pdf' })])
  })

  it('still files a petition without a file, as before', async () => {
    const res = await postMultipart(fields(), [
      { name: '', type: 'application/octet-stream', bytes: new Uint8Array(0) },
    ])
    expect(res.status).toBe(201)
    expect(res.html).not.toContain('receipt-attachments')
  })

  it('refuses a renamed program with the form and its message, and files nothing', async () => {
    const title = `Đơn có tệp giả ${Date.now()}`
    const res = await postMultipart({ ...fields(), title }, [
      { name: 'anh.jpg', type: 'image/jpeg', bytes: exe() },
    ])

    expect(res.status).toBe(422)
    expect(res.html).toContain('f-attachments-error')
    expect(res.html).toContain('PDF, JPEG, PNG')
    const queue = await h.request('GET', '/api/v1/committees/btc/queue?limit=100', { as: 'att.sup' })
    expect(queue.body.items.map((i: { title: string }) => i.title)).not.toContain(title)
  })

  it('refuses a PDF over an HTML page with the form and its message, and files nothing', async () => {
    const title = `Đơn có PDF giả ${Date.now()}`
    const res = await postMultipart({ ...fields(), title }, [
      { name: 'don.pdf', type: PDF, bytes: htmlPdf() },
    ])

    expect(res.status).toBe(422)
    expect(res.html).toContain('f-attachments-error')
    expect(res.html).toContain('trang web (HTML hoặc SVG)')
    const queue = await h.request('GET', '/api/v1/committees/btc/queue?limit=100', { as: 'att.sup' })
    expect(queue.body.items.map((i: { title: string }) => i.title)).not.toContain(title)
  })

  it('refuses an infected document with the form, and files nothing', async () => {
    const title = `Đơn có tệp nhiễm mã độc ${Date.now()}`
    const res = await postMultipart({ ...fields(), title }, [
      { name: 'don.pdf', type: PDF, bytes: infectedPdf() },
    ])

    expect(res.status).toBe(422)
    expect(res.html).toContain('f-attachments-error')
    expect(res.html).toContain('phát hiện mã độc')
    const queue = await h.request('GET', '/api/v1/committees/btc/queue?limit=100', { as: 'att.sup' })
    expect(queue.body.items.map((i: { title: string }) => i.title)).not.toContain(title)
  })
})

describe('without an answering virus scanner', () => {
  it('keeps the document and says in the log that it went unscanned', async () => {
    const dead = await startFakeClamd('hang-up')
    const logged = await startLoggingHarness(undefined, { scanner: clamdScanner({ path: dead.path }) })
    try {
      const filed = await fileOnline(logged)
      const slots = await logged.request('POST', `/api/v1/petitions/${filed.trackingCode}/attachments`, {
        body: { files: [{ name: 'don.pdf', type: PDF, size: pdf().length }] },
        headers: { 'x-tracking-pin': filed.pin },
      })
      const slot = slots.body.uploads[0] as Slot
      expect((await fetch(slot.url, { method: 'PUT', headers: slot.headers, body: pdf() })).status).toBe(200)
      const done = await logged.request(
        'POST',
        `/api/v1/petitions/${filed.trackingCode}/attachments/${slot.id}/completion`,
        { body: {}, headers: { 'x-tracking-pin': filed.pin } },
      )

      expect(done.status).toBe(200)
      const warning = logged.logs
        .map((l) => JSON.parse(l))
        .find((l) => l.message === 'attachment not scanned')
      expect(warning).toMatchObject({ level: 'WARN', attachmentId: slot.id })
      expect(warning.reason).toMatch(/^clamd: /)
    } finally {
      await logged.close()
      await dead.close()
    }
  })
})

void TODAY
