/**
 * One CSV field, RFC 4180, for every CSV the system serves (the report export and the open data).
 *
 * Spreadsheet programs run a cell that starts with `=`, `+`, `-` or `@` as a formula, and a tab or
 * carriage return in front of one still lets it through (OWASP "CSV injection"). A committee named
 * `=HYPERLINK(…)` would then be a live link in a supervisor's spreadsheet. Text that starts with
 * one of those characters gets a leading apostrophe, which the spreadsheet shows as text. Numbers
 * are written as they are: a negative count is a figure, not a formula.
 */
const FORMULA_START = /^[=+\-@\t\r]/

export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  const text = FORMULA_START.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** One CSV line. */
export function csvLine(values: readonly (string | number | boolean | null | undefined)[]): string {
  return values.map(csvField).join(',')
}
