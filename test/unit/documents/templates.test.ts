/** The templates as data: where they apply, the errors for the wrong one, and document dates. */
import { describe, expect, it } from 'vitest'
import {
  documentDate,
  PETITIONER_FIELDS,
  placeAndDate,
  TEMPLATES,
  type Template,
  templateById,
  templateFor,
  templatesFor,
  trackOf,
} from '../../../shared/domain/documents/index.js'
import { transitionFor } from '../../../shared/domain/lifecycle.js'

describe('document dates (Decree 30/2020)', () => {
  it.each([
    ['2026-03-05', 'ngày 05 tháng 3 năm 2026'],
    ['2026-01-15', 'ngày 15 tháng 01 năm 2026'],
    ['2026-02-09', 'ngày 09 tháng 02 năm 2026'],
    ['2026-11-09', 'ngày 09 tháng 11 năm 2026'],
    ['2026-12-31', 'ngày 31 tháng 12 năm 2026'],
    ['2026-10-10', 'ngày 10 tháng 10 năm 2026'],
  ])('writes %s as "%s"', (date, written) => {
    expect(documentDate(date)).toBe(written)
  })

  it('puts the place before the date and refuses a date that does not exist', () => {
    expect(placeAndDate('Hà Nội', '2026-03-05')).toBe('Hà Nội, ngày 05 tháng 3 năm 2026')
    expect(() => documentDate('2026-02-30')).toThrow(RangeError)
  })
})

describe('the templates', () => {
  it('have unique ids, actions of the transition table for kinds it allows, and confirm on every form', () => {
    expect(new Set(TEMPLATES.map((t) => t.id)).size).toBe(TEMPLATES.length)
    for (const t of TEMPLATES) {
      for (const action of t.actions)
        for (const kind of t.kinds) expect(transitionFor(action).kinds, `${t.id} ${kind}`).toContain(kind)
      expect(t.form.confirm, t.id).toBe(true)
      expect(t.basis.length, t.id).toBeGreaterThan(0)
    }
  })

  it('never name the petitioner in a template addressed to anyone else', () => {
    for (const t of TEMPLATES.filter((x) => x.addressee !== 'petitioner')) {
      const json = JSON.stringify([t.subject, t.body])
      for (const field of PETITIONER_FIELDS) expect(json, t.id).not.toContain(field)
    }
  })

  it('cannot be written with an identity field for another addressee (type-checked)', () => {
    const accusedNotice: Template<'accused'> = {
      ...(templateById('denunciation.content_notice') as Template<'accused'>),
      // @ts-expect-error: a document to the accused has no petitioner field to print
      body: [{ type: 'paragraph', text: [{ field: 'petitioner.name' }] }],
    }
    expect(accusedNotice.addressee).toBe('accused')
  })

  it('offer a document for every first decision and resolution on every track', () => {
    for (const action of ['accept', 'refuse', 'transfer', 'guide', 'resolve'] as const)
      for (const kind of ['complaint', 'denunciation', 'recommendation', 'feedback'] as const)
        for (const topic of [undefined, 'party_discipline']) {
          const track = trackOf({ kind, topic })
          expect(templatesFor({ action, track, kind }), `${action} ${kind} ${track}`).not.toEqual([])
        }
  })

  it('list the denouncer’s and the accused’s documents of a denunciation’s acceptance apart', () => {
    const all = templatesFor({ action: 'accept', track: 'denunciation', kind: 'denunciation' }).map(
      (t) => t.id,
    )
    expect(all).toEqual(['denunciation.acceptance', 'denunciation.content_notice'])
    const accused = templatesFor({
      action: 'accept',
      track: 'denunciation',
      kind: 'denunciation',
      addressee: 'accused',
    })
    expect(accused.map((t) => t.id)).toEqual(['denunciation.content_notice'])
  })

  it('answer an unknown template with unknown_template and a wrong one with template_not_applicable', () => {
    expect(() => templateById('no.such')).toThrow(
      expect.objectContaining({ code: 'unknown_template', status: 422 }),
    )
    expect(() =>
      templateFor('complaint.resolution', { action: 'accept', track: 'complaint', kind: 'complaint' }),
    ).toThrow(expect.objectContaining({ code: 'template_not_applicable', status: 409 }))
    expect(() =>
      templateFor('complaint.acceptance', { action: 'accept', track: 'denunciation', kind: 'denunciation' }),
    ).toThrow(expect.objectContaining({ code: 'template_not_applicable' }))
    expect(
      templateFor('complaint.acceptance', { action: 'accept', track: 'complaint', kind: 'complaint' }).id,
    ).toBe('complaint.acceptance')
  })

  it('put Party discipline complaints and denunciations on the Party track', () => {
    expect(trackOf({ kind: 'denunciation', topic: 'party_discipline' })).toBe('party_discipline')
    expect(trackOf({ kind: 'denunciation', topic: 'land' })).toBe('denunciation')
    expect(trackOf({ kind: 'feedback', topic: 'party_discipline' })).toBe('recommendation_feedback')
  })
})
