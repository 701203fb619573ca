/**
 * Messages and formatting for the citizen pages. Every visible string goes through `t`; dates are
 * written dd/mm/yyyy in both languages, in Vietnam's time zone.
 */
import { formatInstant, formatVietnamese } from '../shared/domain/dates.js'
import { OUTCOMES } from '../shared/domain/reasons.js'
import { en } from './messages/en.js'
import { vi } from './messages/vi.js'
import type { Lang } from './types.js'

export type MessageKey = keyof typeof vi
export const LANGS: readonly Lang[] = ['vi', 'en']
export const DEFAULT_LANG: Lang = 'vi'

export const messages: Record<Lang, Record<MessageKey, string>> = { vi, en }

export function isLang(value: unknown): value is Lang {
  return value === 'vi' || value === 'en'
}

export function otherLang(lang: Lang): Lang {
  return lang === 'vi' ? 'en' : 'vi'
}

/** The message `key` in `lang`, with `{name}` placeholders replaced from `params`. */
export function t(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  const text = messages[lang][key]
  if (!params) return text
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
}

/**
 * The label of a code from a namespace of messages (`status`, `clock`, `event`, `kind`, `state`),
 * or the raw code when there is none, so that a new code from the domain shows up rather than breaks.
 */
export function label(
  lang: Lang,
  namespace: 'status' | 'clock' | 'event' | 'kind' | 'state',
  code: string,
): string {
  const key = `${namespace}.${code}`
  return Object.hasOwn(messages[lang], key) ? messages[lang][key as MessageKey] : code
}

/** An event's name in an archive dossier's table of contents: the archive's language is Vietnamese. */
export const archiveEventName = (type: string): string => label('vi', 'event', type)

/** How a case was resolved, in the domain's own words for the petitioner; the raw code if unknown. */
export function outcomeLabel(lang: Lang, outcome: string): string {
  return Object.hasOwn(OUTCOMES, outcome) ? OUTCOMES[outcome as keyof typeof OUTCOMES][lang] : outcome
}

/** A calendar date `YYYY-MM-DD` as dd/mm/yyyy; anything else is shown as it came. */
export function formatDate(date: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? formatVietnamese(date) : date
}

/** An ISO instant as dd/mm/yyyy HH:mm in Vietnam's time (shared/domain/dates.ts). */
export { formatInstant }

export function formatNumber(lang: Lang, n: number): string {
  return new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB').format(n)
}
