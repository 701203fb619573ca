/**
 * Quality review of closed cases (kiểm tra, giám sát): a supervisor draws a random sample of the
 * cases a committee finished in a period, and records a finding on each. The draw is a pure
 * function of the population and a seed, so anyone can draw the same sample again and check it.
 */
import { RuleViolation } from './errors.js'

export const FINDINGS = ['compliant', 'minor_issues', 'serious_issues'] as const
export type Finding = (typeof FINDINGS)[number]

export const FINDING_LABELS: Record<Finding, { vi: string; en: string }> = {
  compliant: { vi: 'Đúng quy định', en: 'Compliant' },
  minor_issues: { vi: 'Có thiếu sót nhỏ', en: 'Minor issues' },
  serious_issues: { vi: 'Có sai phạm nghiêm trọng', en: 'Serious issues' },
}

export const DEFAULT_SAMPLE_SIZE = 10
export const MAX_SAMPLE_SIZE = 100

/**
 * A 32-bit seed's generator (mulberry32): small, fast and the same on every platform. The audit
 * sample, the demo data (local/seed.ts) and the sweep simulation draw from it.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

/**
 * `size` distinct members of `population`, drawn with `seed`: the population is put in code order
 * first, so the draw does not depend on the order the store returned it in; then a partial
 * Fisher–Yates shuffle picks the sample. The whole population when it is not larger than `size`.
 *
 * @throws RuleViolation `invalid_sample_size` (field `size`), `invalid_seed` (field `seed`).
 */
export function drawSample<T extends { readonly code: string }>(
  population: readonly T[],
  size: number,
  seed: number,
): T[] {
  if (!Number.isInteger(size) || size < 1 || size > MAX_SAMPLE_SIZE)
    throw new RuleViolation(
      'invalid_sample_size',
      `a sample has 1 to ${MAX_SAMPLE_SIZE} cases, not ${size}`,
      'size',
    )
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
    throw new RuleViolation(
      'invalid_seed',
      `a seed is a whole number from 0 to 4294967295, not ${seed}`,
      'seed',
    )
  const byCode = new Map(population.map((p) => [p.code, p]))
  const items = [...byCode.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
  const random = seededRandom(seed)
  const n = Math.min(size, items.length)
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(random() * (items.length - i))
    const picked = items[j] as T
    items[j] = items[i] as T
    items[i] = picked
  }
  return items.slice(0, n)
}

/** How far the review of a sample has come. */
export function sampleProgress(
  codes: readonly string[],
  findings: Readonly<Record<string, { finding: Finding }>>,
) {
  const byFinding = Object.fromEntries(FINDINGS.map((f) => [f, 0])) as Record<Finding, number>
  let reviewed = 0
  for (const code of codes) {
    const f = findings[code]
    if (!f) continue
    reviewed++
    byFinding[f.finding]++
  }
  return { size: codes.length, reviewed, remaining: codes.length - reviewed, byFinding }
}
