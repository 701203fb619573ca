/**
 * Official documents on dynalite (shared/service/documents.ts): 50 concurrent issues on one
 * committee take the numbers 1..50, unique and gap-free; every refusal (a signer without the right,
 * an unknown template, a case in the wrong state, the same document twice) numbers nothing; a
 * cancelled number stays cancelled; the file is stored under its SHA-256, which the case's history
 * records; a denouncer's name is in no register entry and in no document to the accused.
 */
import { createHash } from 'node:crypto'
import ExcelJS from 'exceljs'
import { strFromU8, unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { REGISTER_SHEET } from '../../functions/report-export/register-workbook.js'
import { verifyDossier } from '../../shared/domain/dossier.js'
import type { DomainError } from '../../shared/domain/errors.js'
import type { ActingUser } from '../../shared/domain/policy.js'
import { normalizeTrackingCode } from '../../shared/domain/tracking-code.js'
import { archiveEventName } from '../../web/i18n.js'
import { docxParagraphs, unzipDocx } from '../unit/documents/fixtures.js'
import { actOk, fileOnline, rawCaseItems, storedCase } from './authz-helpers.js'
import { type Harness, startHarness } from './harness.js'

let h: Harness
let head: ActingUser
let handler: ActingUser
const YEAR = 2026

async function actingUser(id: string): Promise<ActingUser> {
  const u = await h.server.services.users.getUser(id)
  if (!u) throw new Error(`no user ${id}`)
  return u
}

/** The code of a refusal, or a failure when the call succeeded. */
async function refusal(call: Promise<unknown>): Promise<{ code: string; status: number }> {
  try {
    await call
  } catch (error) {
    const e = error as DomainError
    return { code: e.code, status: e.status }
  }
  throw new Error('expected a refusal')
}

async function readBlob(key: string): Promise<Uint8Array> {
  const size = (await h.server.blobs.size(key)) ?? 0
  return h.server.blobs.readRange(key, 0, size - 1)
}

/** Every item of a committee's register of the year, as stored (keys included). */
async function rawRegister(committeeId: string) {
  const out = await h.server.services.db.query({
    TableName: h.server.services.tableName,
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': `DOCREG#${committeeId}#${YEAR}` },
  })
  return out.Items ?? []
}

const docs = () => h.server.documents
const last = () => docs().register.lastNumber('btc', YEAR)

beforeAll(async () => {
  h = await startHarness()
  head = await actingUser('btc.truong')
  handler = await actingUser('btc.canbo')
})
afterAll(async () => {
  await h?.close()
})

describe('the outgoing register', () => {
  let codes: string[] = []
  let pins: string[] = []

  it('50 concurrent issues on one committee take the numbers 1..50, unique and gap-free', async () => {
    const filed = await Promise.all(Array.from({ length: 50 }, () => fileOnline(h)))
    codes = filed.map((f) => normalizeTrackingCode(f.trackingCode)!)
    pins = filed.map((f) => f.pin)
    for (const code of codes) await actOk(h, code, 'btc.canbo', { action: 'accept' })

    const started = Date.now()
    const issued = await Promise.all(codes.map((code) => docs().issue(head, code, 'complaint.acceptance')))
    console.info(`50 concurrent issues: ${Date.now() - started} ms`)
    expect(issued.map((d) => d.number).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 50 }, (_, i) => i + 1),
    )
    expect(new Set(issued.map((d) => d.symbol)).size).toBe(50)
    expect(await last()).toBe(50)
    const register = await docs().registerOf(head, 'btc', `${YEAR}-01-01`, `${YEAR}-12-31`)
    expect(register.map((d) => d.number)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1))
    // No blob of a lost attempt is left behind: one file per case.
    for (const d of issued.slice(0, 5)) {
      const entries = await docs().listForCase(head, d.caseCode)
      expect(entries.map((e) => e.number)).toEqual([d.number])
    }
  }, 240_000)

  it('stores the file under its SHA-256, prints the number, and records the hash in the history', async () => {
    const code = codes[0]!
    const [entry] = await docs().listForCase(head, code)
    const bytes = await readBlob(`outgoing/${code}/${entry!.sha256}`)
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(entry!.sha256)
    expect(await h.server.blobs.size(`pending/${code}/${entry!.sha256}`)).toBeUndefined()
    const text = docxParagraphs(unzipDocx(bytes)['word/document.xml']!).join('\n')
    expect(text).toContain(`Số ${entry!.number}-TB/ĐUBTC`)
    expect(text).toContain('Nguyễn Văn An')
    const event = (await storedCase(h, code)).history.at(-1)!
    expect(event.type).toBe('document_issued')
    expect(event.data).toMatchObject({
      templateId: 'complaint.acceptance',
      sha256: entry!.sha256,
      number: entry!.number,
    })
  })

  it('refuses without numbering: no right to sign, unknown template, wrong state, the same document twice', async () => {
    const before = await last()
    const [accepted] = codes
    const fresh = normalizeTrackingCode((await fileOnline(h)).trackingCode)!
    expect(await refusal(docs().issue(handler, accepted!, 'complaint.acceptance'))).toEqual({
      code: 'not_allowed_for_role',
      status: 403,
    })
    expect(await refusal(docs().issue(head, accepted!, 'no.such'))).toEqual({
      code: 'unknown_template',
      status: 422,
    })
    expect(await refusal(docs().issue(head, accepted!, 'complaint.refusal'))).toEqual({
      code: 'template_not_applicable',
      status: 409,
    })
    expect(await refusal(docs().issue(head, fresh, 'complaint.acceptance'))).toEqual({
      code: 'template_not_applicable',
      status: 409,
    })
    expect(await refusal(docs().issue(head, accepted!, 'complaint.acceptance'))).toEqual({
      code: 'document_already_issued',
      status: 409,
    })
    expect(await last()).toBe(before)
    expect(await rawRegister('btc')).toHaveLength(before)
  })

  it('a cancelled number stays in the register, cancelled, and is never reused', async () => {
    const code = codes[2]!
    const [entry] = await docs().listForCase(head, code)
    expect(await refusal(docs().cancel(handler, code, entry!.ref, 'sai sót'))).toMatchObject({ status: 403 })
    const cancelled = await docs().cancel(head, code, entry!.ref, 'Sai ngày thụ lý')
    expect(cancelled.status).toBe('cancelled')
    expect(await refusal(docs().cancel(head, code, entry!.ref, 'again'))).toMatchObject({ status: 409 })
    const again = await docs().issue(head, code, 'complaint.acceptance')
    expect(again.number).toBe(51)
    const listed = await docs().listForCase(head, code)
    expect(listed.map((d) => [d.number, d.status])).toEqual([
      [entry!.number, 'cancelled'],
      [51, 'issued'],
    ])
  })

  it('no denouncer identity in a register entry, a case listing or the document to the accused', async () => {
    const name = 'Phạm Thị Tố Giác'
    const filed = await fileOnline(h, {
      kind: 'denunciation',
      title: 'Tố cáo sai phạm trong đấu thầu',
      petitioner: { fullName: name, phone: '0987654321', address: '12 Lý Thường Kiệt, Hà Nội' },
    })
    const code = normalizeTrackingCode(filed.trackingCode)!
    const c = await storedCase(h, code)
    const who = `${c.committeeId}.truong`
    await actOk(h, code, `${c.committeeId}.canbo`, { action: 'accept' })
    const signer = await actingUser(who)
    const toAccused = await docs().issue(signer, code, 'denunciation.content_notice', {
      recipient: 'Ông Trần Văn Bị',
      contentSummary: 'Nội dung tố cáo về việc chỉ định thầu không đúng quy định.',
    })
    const toDenouncer = await docs().issue(signer, code, 'denunciation.acceptance')
    const stored =
      JSON.stringify(await rawRegister(c.committeeId)) + JSON.stringify(await rawCaseItems(h, code))
    expect(JSON.stringify(await docs().listForCase(signer, code))).not.toContain(name)
    expect(JSON.stringify(await rawRegister(c.committeeId))).not.toContain(name)
    expect(stored).not.toContain('Tố Giác')
    const accusedText = unzipDocx(await readBlob(`cases/${code}/${toAccused.sha256}`))['word/document.xml']!
    expect(accusedText).not.toContain('Tố Giác')
    expect(accusedText).toContain('Trần Văn Bị')
    const denouncerText = unzipDocx(await readBlob(`outgoing/${code}/${toDenouncer.sha256}`))[
      'word/document.xml'
    ]!
    expect(denouncerText).toContain(name)
    // The handler may not open the denouncer's document; the head may, and the opening is recorded.
    const handlerOf = await actingUser(`${c.committeeId}.canbo`)
    expect(await refusal(docs().link(handlerOf, code, toDenouncer.ref))).toMatchObject({ status: 403 })
    expect(await docs().link(signer, code, toDenouncer.ref)).toContain('/blobs/')
    expect((await storedCase(h, code)).history.at(-1)!.type).toBe('identity_document_opened')
  })

  it('the staff pages: the case lists its documents, the register page and its XLSX list every number', async () => {
    const session = async (as: string) => ({ cookie: `__Host-staff-session=${await h.tokenFor(as)}` })
    const code = codes[2]!
    const casePage = await fetch(`${h.server.url}/staff/cases/${code}`, {
      headers: await session('btc.truong'),
    })
    const html = await casePage.text()
    expect(html).toContain('data-testid="issued-documents"')
    expect(html).toContain('data-status="cancelled"')
    const download = await fetch(`${h.server.url}/staff/cases/${code}/documents/btc.${YEAR}.51`, {
      headers: await session('btc.truong'),
      redirect: 'manual',
    })
    expect(download.status).toBe(302)
    const file = new Uint8Array(await (await fetch(download.headers.get('location')!)).arrayBuffer())
    const [latest] = (await docs().listForCase(head, code)).filter((d) => d.number === 51)
    expect(createHash('sha256').update(file).digest('hex')).toBe(latest!.sha256)

    const query = `committee=btc&from=${YEAR}-01-01&to=${YEAR}-12-31`
    const page = await fetch(`${h.server.url}/staff/documents/register?${query}`, {
      headers: await session('giamsat'),
    })
    expect(page.status).toBe(200)
    expect((await page.text()).match(/data-number="/g)).toHaveLength(await last())
    const xlsx = await fetch(`${h.server.url}/staff/documents/register.xlsx?${query}`, {
      headers: await session('giamsat'),
    })
    expect(xlsx.status).toBe(200)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never)
    const sheet = wb.getWorksheet(REGISTER_SHEET)!
    const symbols: string[] = []
    sheet.eachRow((row, n) => {
      if (n > 4) symbols.push(String(row.getCell(1).value))
    })
    expect(symbols.map((x) => Number(x.split('-')[0]))).toEqual(
      Array.from({ length: await last() }, (_, i) => i + 1),
    )
    const cancelled = (await docs().listForCase(head, code)).find((d) => d.status === 'cancelled')!
    expect(String(sheet.getRow(4 + cancelled.number).getCell(6).value)).toContain('Đã hủy')
    const refused = await fetch(`${h.server.url}/staff/documents/register.xlsx?${query}`, {
      headers: await session('btc.canbo'),
    })
    expect(refused.status).toBe(403)
  })

  it('the petitioner downloads the documents issued to them from the tracking page, with the PIN only', async () => {
    const code = codes[2]!
    const form = (fields: Record<string, string>) =>
      fetch(`${h.server.url}/track${fields.ref ? '/document' : ''}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: h.server.url },
        body: new URLSearchParams(fields).toString(),
      })
    const page = await (await form({ code, pin: pins[2]! })).text()
    expect(page).toContain('data-testid="tracked-documents"')
    // The cancelled one is not offered; the one issued after it is.
    expect(page).toContain(`data-document="btc.${YEAR}.51"`)
    const cancelled = (await docs().listForCase(head, code)).find((d) => d.status === 'cancelled')!
    expect(page).not.toContain(`data-document="${cancelled.ref}"`)
    expect(page).not.toContain(`btc.${YEAR}.51&`)

    const res = await form({ code, pin: pins[2]!, ref: `btc.${YEAR}.51` })
    expect(res.status).toBe(303)
    const file = new Uint8Array(await (await fetch(res.headers.get('location')!)).arrayBuffer())
    const entry = (await docs().listForCase(head, code)).find((d) => d.number === 51)!
    expect(createHash('sha256').update(file).digest('hex')).toBe(entry.sha256)

    expect((await form({ code, pin: '000000', ref: `btc.${YEAR}.51` })).status).toBe(404)
    expect((await form({ code, pin: pins[2]!, ref: cancelled.ref })).status).toBe(404)
    // Another case's document is not reachable with this case's PIN.
    expect(
      (await form({ code, pin: pins[2]!, ref: (await docs().listForCase(head, codes[3]!))[0]!.ref })).status,
    ).toBe(404)
  })
})

describe('the dossier of a finished case', () => {
  it('holds the issued documents beside their events, and its manifest verifies against the files', async () => {
    const code = normalizeTrackingCode((await fileOnline(h)).trackingCode)!
    const dossiers = h.server.dossiers
    await actOk(h, code, 'btc.canbo', { action: 'accept' })
    const acceptance = await docs().issue(head, code, 'complaint.acceptance')
    expect(await refusal(dossiers.exportDossier(head, code))).toEqual({
      code: 'case_not_finished',
      status: 409,
    })
    await actOk(h, code, 'btc.canbo', {
      action: 'resolve',
      answer: 'Chấp nhận khiếu nại.\nChi trả phụ cấp.',
      outcome: 'upheld',
    })
    await docs().issue(head, code, 'complaint.resolution')
    await actOk(h, code, 'btc.canbo', { action: 'close' })
    expect(await refusal(dossiers.exportDossier(handler, code))).toMatchObject({ status: 403 })

    const link = await dossiers.exportDossier(await actingUser('giamsat'), code, {
      eventName: archiveEventName,
    })
    const files = unzipSync(new Uint8Array(await (await fetch(link.url)).arrayBuffer()))
    expect(verifyDossier(files)).toEqual({ ok: true, problems: [] })
    const stored = await storedCase(h, code)
    const manifest = JSON.parse(strFromU8(files['manifest.json']!))
    expect(manifest.history).toEqual({
      events: stored.history.length,
      lastHash: stored.history.at(-1)!.hash,
      intact: true,
    })
    // Both documents, each the stored file (its SHA-256 is the one the register and history hold).
    const documents = manifest.files.filter((f: { path: string }) => f.path.startsWith('van-ban/'))
    expect(documents).toHaveLength(2)
    const issued = await docs().listForCase(head, code)
    expect(documents.map((f: { sha256: string }) => f.sha256).sort()).toEqual(
      issued.map((d) => d.sha256).sort(),
    )
    // Each sits beside the history event that issued it, in the table of contents' event order.
    const issuedEvents = stored.history.filter((e) => e.type === 'document_issued')
    expect(documents.map((f: { eventSeq: number }) => f.eventSeq).sort()).toEqual(
      issuedEvents.map((e) => e.seq).sort(),
    )
    const toc = strFromU8(files['00-muc-luc.html']!)
    expect(toc.indexOf(acceptance.symbol)).toBeGreaterThan(0)
    expect(toc.indexOf(acceptance.symbol)).toBeLessThan(toc.indexOf('Đã giải quyết'))
  })
})
