/**
 * The words of the domain (docs/domain.md#kinds, docs/domain.md#lifecycle,
 * docs/domain.md#glossary) as const tuples, so that zod schemas, the transition table, the store
 * and the pages all read one list.
 */

/** Kinds of petition, classified by content (Circular 05/2021/TT-TTCP), never by the title. */
export const KINDS = ['complaint', 'denunciation', 'recommendation', 'feedback'] as const
export type Kind = (typeof KINDS)[number]

/** How a petition reached the organisation. `online` is the public web form or API. */
export const CHANNELS = ['online', 'in_person', 'post', 'email', 'hotline', 'transferred_in'] as const
export type Channel = (typeof CHANNELS)[number]
/** Channels a reception officer records on behalf of the petitioner. */
export const STAFF_CHANNELS = [
  'in_person',
  'post',
  'email',
  'hotline',
  'transferred_in',
] as const satisfies readonly Channel[]

export const ROLES = [
  'member',
  'reception_officer',
  'committee_handler',
  'committee_head',
  'supervisor',
  'admin',
] as const
export type Role = (typeof ROLES)[number]

/** Kinds that may be filed without naming the petitioner (Law 25/2018 Art. 25 for denunciations). */
export const ANONYMOUS_KINDS: readonly Kind[] = ['denunciation', 'feedback']

/** From this many signatories a petition is a multi-person petition (docs/domain.md#kinds). */
export const MULTI_PERSON_THRESHOLD = 5

export const LANGUAGES = ['vi', 'en'] as const
export type Language = (typeof LANGUAGES)[number]

/** Complexity of a case (Decree 31/2019 Art. 3): drives the extension limits. */
export const COMPLEXITIES = ['normal', 'complex', 'especially_complex'] as const
export type Complexity = (typeof COMPLEXITIES)[number]
