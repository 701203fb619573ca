/**
 * Dates as official documents write them (docs/documents.md#layout): "ngày 05 tháng 3 năm 2026".
 * Decree 30/2020/NĐ-CP (Appendix I) writes the day and the month in Arabic digits, with a leading
 * zero for a day below 10 and for the months 1 and 2 only: "ngày 05 tháng 02", "ngày 15 tháng 3",
 * "ngày 09 tháng 11". The Party's format guidance is read the same way (docs/documents.md#layout).
 */
import { isLocalDate, type LocalDate } from '../dates.js'

/** "ngày 05 tháng 3 năm 2026". Throws on a malformed date: callers pass validated dates. */
export function documentDate(date: LocalDate): string {
  if (!isLocalDate(date)) throw new RangeError(`not a calendar date: ${date}`)
  const year = date.slice(0, 4)
  const month = Number(date.slice(5, 7))
  const day = Number(date.slice(8, 10))
  const dd = day < 10 ? `0${day}` : `${day}`
  const mm = month < 3 ? `0${month}` : `${month}`
  return `ngày ${dd} tháng ${mm} năm ${year}`
}

/** The place-and-date line of the header: "Hà Nội, ngày 05 tháng 3 năm 2026". */
export function placeAndDate(place: string, date: LocalDate): string {
  return `${place}, ${documentDate(date)}`
}
