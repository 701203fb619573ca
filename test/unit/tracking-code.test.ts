/**
 * Tracking codes: 11 random Crockford base32 symbols and a Luhn mod 32 check symbol. Random bytes
 * come from node:crypto here, as they do in shared/security.ts.
 */
import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  formatTrackingCode,
  normalizeTrackingCode,
  TRACKING_CODE_RANDOM_BYTES,
  trackingCodeFromBytes,
} from '../../shared/domain/tracking-code.js'

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

const randomCode = () => trackingCodeFromBytes(randomBytes(TRACKING_CODE_RANDOM_BYTES))
const withSymbol = (code: string, index: number, symbol: string) =>
  code.slice(0, index) + symbol + code.slice(index + 1)
const swapped = (code: string, index: number) =>
  code.slice(0, index) + code[index + 1] + code[index] + code.slice(index + 2)

describe('trackingCodeFromBytes', () => {
  it('builds 12 symbols of the Crockford alphabet from random bytes', () => {
    for (let i = 0; i < 200; i++) {
      // Act
      const code = randomCode()

      // Assert
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/)
    }
  })

  it('builds codes its own normalisation accepts unchanged', () => {
    for (let i = 0; i < 200; i++) {
      const code = randomCode()

      expect(normalizeTrackingCode(code)).toBe(code)
    }
  })

  it('picks each symbol from the low five bits of its byte', () => {
    // Arrange: 32 + 7 has the low bits of 7; 255 those of 31.
    const bytes = Uint8Array.from([0, 1, 2, 10, 18, 31, 39, 255, 20, 27, 29])

    // Act
    const code = trackingCodeFromBytes(bytes)

    // Assert
    expect(code.slice(0, 11)).toBe('012AJZ7ZMVX')
  })

  it('gives the same code for the same bytes and uses only the first eleven', () => {
    const bytes = Uint8Array.from([7, 19, 3, 20, 23, 9, 29, 13, 2, 17, 15])
    const longer = Uint8Array.from([...bytes, 99, 100])

    expect(trackingCodeFromBytes(bytes)).toBe('7K3MQ9XD2HFJ')
    expect(trackingCodeFromBytes(longer)).toBe('7K3MQ9XD2HFJ')
  })

  it('refuses fewer than eleven random bytes', () => {
    expect(() => trackingCodeFromBytes(new Uint8Array(10))).toThrow(RangeError)
  })
})

describe('normalizeTrackingCode', () => {
  it('accepts lower case, dashes and spaces, as a person types a code read out on the phone', () => {
    expect(normalizeTrackingCode('7k3m-q9xd-2hfj')).toBe('7K3MQ9XD2HFJ')
    expect(normalizeTrackingCode(' 7K3M Q9XD 2HFJ ')).toBe('7K3MQ9XD2HFJ')
  })

  it('reads the letter O as zero and the letters I and L as one', () => {
    // '123456789ABT' and '000000000000' are valid codes.
    expect(normalizeTrackingCode('I23456789ABT')).toBe('123456789ABT')
    expect(normalizeTrackingCode('l23456789abt')).toBe('123456789ABT')
    expect(normalizeTrackingCode('OOOO-oooo-0000')).toBe('000000000000')
  })

  it('refuses a code one symbol short or one symbol long', () => {
    expect(normalizeTrackingCode('7K3MQ9XD2HF')).toBeUndefined()
    expect(normalizeTrackingCode('7K3MQ9XD2HFJ0')).toBeUndefined()
    expect(normalizeTrackingCode('')).toBeUndefined()
  })

  it('refuses the letter U, which the alphabet leaves out', () => {
    // Arrange: 'V' is a valid symbol in this position; 'U' is its look-alike.
    const code = '7K3MQ9XD2HFJ'.replace('X', 'U')

    // Act & Assert
    expect(normalizeTrackingCode(code)).toBeUndefined()
  })

  it('refuses punctuation other than dashes', () => {
    expect(normalizeTrackingCode('7K3M.Q9XD.2HFJ')).toBeUndefined()
  })

  it('refuses a code whose check symbol is wrong', () => {
    expect(normalizeTrackingCode('7K3MQ9XD2HFK')).toBeUndefined()
  })

  it('refuses every single-symbol substitution of a valid code, in every position', () => {
    // Exhaustive: 12 positions × 31 other symbols, for fixed and random codes.
    const codes = ['7K3MQ9XD2HFJ', '000000000000', 'ZYXWVTSRQPN0', randomCode(), randomCode()]
    let tried = 0
    for (const code of codes) {
      for (let i = 0; i < code.length; i++) {
        for (const symbol of CROCKFORD) {
          if (symbol === code[i]) continue
          // Act
          const typed = withSymbol(code, i, symbol)

          // Assert
          expect(normalizeTrackingCode(typed), `${code} with ${symbol} at ${i}`).toBeUndefined()
          tried++
        }
      }
    }
    expect(tried).toBe(codes.length * 12 * 31)
  })

  it('refuses at least 99% of swaps of two different neighbouring symbols (measured over 2,000 random codes)', () => {
    // Luhn mod 32 misses only the swap of 0 and Z (≈0.2% of swaps of distinct neighbours).
    // Arrange
    let swaps = 0
    let caught = 0

    // Act
    for (let n = 0; n < 2_000; n++) {
      const code = randomCode()
      for (let i = 0; i < code.length - 1; i++) {
        if (code[i] === code[i + 1]) continue
        swaps++
        if (normalizeTrackingCode(swapped(code, i)) === undefined) caught++
      }
    }

    // Assert
    expect(swaps).toBeGreaterThan(20_000)
    expect(caught / swaps).toBeGreaterThanOrEqual(0.99)
  })

  it('misses only the swap of 0 and Z, the known blind spot of Luhn mod 32', () => {
    // Arrange: every ordered pair of distinct symbols, swapped in the middle of a valid body.
    const missed: string[] = []
    for (const x of CROCKFORD) {
      for (const y of CROCKFORD) {
        if (x === y) continue
        const code = trackingCodeFromBytes(
          Uint8Array.from([1, 2, 3, 4, CROCKFORD.indexOf(x), CROCKFORD.indexOf(y), 7, 8, 9, 10, 11]),
        )

        // Act
        if (normalizeTrackingCode(swapped(code, 4)) !== undefined) missed.push(x + y)
      }
    }

    // Assert
    expect(missed.sort()).toEqual(['0Z', 'Z0'])
  })
})

describe('formatTrackingCode', () => {
  it('shows a code in three groups of four', () => {
    expect(formatTrackingCode('7K3MQ9XD2HFJ')).toBe('7K3M-Q9XD-2HFJ')
  })

  it('formats a code so that normalisation gives it back', () => {
    const code = randomCode()

    expect(normalizeTrackingCode(formatTrackingCode(code))).toBe(code)
  })
})
