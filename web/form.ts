/**
 * Turning posted form fields into the shapes the deps take. No validation here beyond types: the
 * deps own the rules. Empty optional fields are left out (an empty e-mail is "no e-mail", not an
 * invalid one), and a group with nothing filled in is left out entirely.
 */
import { isLang } from './i18n.js'
import type { Lang, PetitionForm } from './types.js'

/**
 * The petitioner, the person or body concerned, the topic and the signatories: the fields both the
 * citizen's form (web/pages/submit.tsx) and the reception desk's (web/staff/pages/reception.tsx) ask.
 */
export const PETITION_DETAIL_FIELDS = [
  'petitioner.fullName',
  'petitioner.idNumber',
  'petitioner.address',
  'petitioner.phone',
  'petitioner.email',
  'concerns.organization',
  'concerns.person',
  'topic',
  'signatories',
] as const

/** What `c.req.parseBody()` gives: repeated names keep the last value. */
export type FormBody = Record<string, string | File>

/** The field as text, trimmed; '' when absent or a file. */
export function field(body: FormBody, name: string): string {
  const value = body[name]
  return typeof value === 'string' ? value.trim() : ''
}

function optional(body: FormBody, name: string): string | undefined {
  return field(body, name) || undefined
}

/** Browsers send textarea line breaks as CRLF; count and store them as one character, as `maxlength` does. */
export function multiline(body: FormBody, name: string): string {
  const value = body[name]
  return typeof value === 'string' ? value.replace(/\r\n?/g, '\n') : ''
}

/** A checkbox is ticked when it is sent at all with one of the values browsers and people use. */
export function ticked(body: FormBody, name: string): boolean {
  return ['true', 'on', '1', 'yes'].includes(field(body, name).toLowerCase())
}

/** Keep only the entries that have a value; undefined when none has. */
function group<T extends Record<string, string | undefined>>(entries: T): Partial<T> | undefined {
  const kept = Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined)) as Partial<T>
  return Object.keys(kept).length > 0 ? kept : undefined
}

/**
 * The submit form as a `PetitionForm`. `signatories` is a number when sent (NaN when it is not one,
 * for the deps to refuse), undefined when left empty. `language` is the page's language carried in a
 * hidden field, else `fallback`.
 */
export function parsePetitionForm(body: FormBody, fallback: Lang): PetitionForm {
  const language = field(body, 'language')
  const signatories = field(body, 'signatories')
  const form: PetitionForm = {
    kind: field(body, 'kind'),
    title: field(body, 'title'),
    content: multiline(body, 'content'),
    anonymous: ticked(body, 'anonymous'),
    language: isLang(language) ? language : fallback,
  }
  const petitioner = group({
    fullName: optional(body, 'petitioner.fullName'),
    idNumber: optional(body, 'petitioner.idNumber'),
    address: optional(body, 'petitioner.address'),
    phone: optional(body, 'petitioner.phone'),
    email: optional(body, 'petitioner.email'),
  })
  const concerns = group({
    organization: optional(body, 'concerns.organization'),
    person: optional(body, 'concerns.person'),
  })
  const topic = optional(body, 'topic')
  if (petitioner) form.petitioner = petitioner
  if (concerns) form.concerns = concerns
  if (topic) form.topic = topic
  if (signatories) form.signatories = Number(signatories)
  return form
}

/** Code and PIN of the lookup form and of the hidden fields on the tracking page's action forms. */
export function parseCredentials(body: FormBody): { code: string; pin: string } {
  return { code: field(body, 'code'), pin: field(body, 'pin') }
}
