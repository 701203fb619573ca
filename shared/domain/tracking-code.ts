/**
 * Tracking codes: the case id a citizen writes down or reads over the phone.
 *
 * - Crockford base32 alphabet (no I, L, O, U), so nothing is confused with 1 or 0 and no word
 *   is spelled by accident; input is forgiving (lower case, dashes, spaces, O→0, I/L→1).
 * - 11 random symbols (55 bits) make codes unguessable; the 12th is a Luhn mod 32 check symbol,
 *   which catches every single mistyped symbol and most swapped neighbours before any lookup.
 * - Shown in groups of four: `7K3M-Q9XD-2HFC`.
 *
 * Pure: the random bytes come from the caller (shared/security.ts uses node:crypto).
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const BODY_LENGTH = 11
export const TRACKING_CODE_RANDOM_BYTES = BODY_LENGTH

function luhnCheckSymbol(body: string): string {
  let sum = 0
  let factor = 2
  for (let i = body.length - 1; i >= 0; i--) {
    let addend = factor * ALPHABET.indexOf(body[i]!)
    addend = Math.floor(addend / 32) + (addend % 32)
    sum += addend
    factor = factor === 2 ? 1 : 2
  }
  return ALPHABET[(32 - (sum % 32)) % 32]!
}

/** Builds a code from 11 random bytes (each byte's low 5 bits pick a symbol: uniform). */
export function trackingCodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < BODY_LENGTH) throw new RangeError(`need ${BODY_LENGTH} random bytes`)
  let body = ''
  for (let i = 0; i < BODY_LENGTH; i++) body += ALPHABET[bytes[i]! & 31]
  return body + luhnCheckSymbol(body)
}

/**
 * The canonical form of what a person typed, or undefined when it cannot be a tracking code
 * (wrong length, a symbol outside the alphabet, or a failed check symbol).
 */
export function normalizeTrackingCode(input: string): string | undefined {
  const cleaned = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1')
  if (cleaned.length !== BODY_LENGTH + 1) return undefined
  for (const ch of cleaned) if (!ALPHABET.includes(ch)) return undefined
  const body = cleaned.slice(0, BODY_LENGTH)
  return luhnCheckSymbol(body) === cleaned[BODY_LENGTH] ? cleaned : undefined
}

export function formatTrackingCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`
}
