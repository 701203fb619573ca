/** Audit samples' draw, and the report charts' SVG (structure and accessibility). */
import { describe, expect, it } from 'vitest'
import { drawSample, sampleProgress } from '../../shared/domain/audit.js'
import { RuleViolation } from '../../shared/domain/errors.js'
import { BacklogChart, OnTimeChart, OnTimeTable, percent, svgDocument } from '../../web/charts.js'

const population = Array.from({ length: 40 }, (_, i) => ({ code: `C${String(i).padStart(3, '0')}` }))

describe('drawing an audit sample', () => {
  it('gives the same sample for the same seed, whatever order the population came in', () => {
    const a = drawSample(population, 10, 42)
    const b = drawSample([...population].reverse(), 10, 42)
    expect(b).toEqual(a)
    expect(drawSample(population, 10, 43)).not.toEqual(a)
  })

  it('never takes a case twice, and takes the whole population when it is smaller', () => {
    for (let seed = 0; seed < 50; seed++) {
      const codes = drawSample(population, 10, seed).map((c) => c.code)
      expect(new Set(codes).size).toBe(10)
    }
    expect(drawSample(population.slice(0, 3), 10, 1)).toHaveLength(3)
    expect(drawSample([...population.slice(0, 3), population[0]!], 10, 1)).toHaveLength(3)
  })

  it('reaches every case over many seeds (the draw is not stuck on a few)', () => {
    const seen = new Set<string>()
    for (let seed = 0; seed < 200; seed++) for (const c of drawSample(population, 5, seed)) seen.add(c.code)
    expect(seen.size).toBe(population.length)
  })

  it('refuses a size or a seed out of range', () => {
    expect(() => drawSample(population, 0, 1)).toThrow(RuleViolation)
    expect(() => drawSample(population, 5, -1)).toThrow(RuleViolation)
  })

  it('counts the review progress by finding', () => {
    expect(
      sampleProgress(['A', 'B', 'C'], { A: { finding: 'compliant' }, C: { finding: 'serious_issues' } }),
    ).toEqual({
      size: 3,
      reviewed: 2,
      remaining: 1,
      byFinding: { compliant: 1, minor_issues: 0, serious_issues: 1 },
    })
  })
})

const POINTS = [
  { label: '07/2026', from: '2026-07-01', to: '2026-07-31', resolved: 4, onTime: 3, onTimeRate: 0.75 },
  { label: '08/2026', from: '2026-08-01', to: '2026-08-31', resolved: 0, onTime: 0, onTimeRate: null },
  { label: '09/2026', from: '2026-09-01', to: '2026-09-30', resolved: 3, onTime: 2, onTimeRate: 2 / 3 },
]

describe('the on-time trend chart', () => {
  it('is an accessible image with a title, a description, labelled axes and every value written', async () => {
    const svg = await svgDocument(OnTimeChart({ points: POINTS, lang: 'vi', committee: 'Bộ Tài chính' }))
    expect(svg).toMatch(/^<\?xml[^>]*>\n<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/)
    expect(svg).toContain('role="img"')
    expect(svg).toContain('aria-labelledby="chart-on-time-title chart-on-time-desc"')
    expect(svg).toContain('<title id="chart-on-time-title">Tỷ lệ đơn giải quyết đúng hạn</title>')
    expect(svg).toMatch(/<desc id="chart-on-time-desc">[^<]*Bộ Tài chính[^<]*01\/07\/2026[^<]*30\/09\/2026/)
    expect(svg).toContain('>Kỳ báo cáo</text>')
    expect(svg).toContain('>Đúng hạn (%)</text>')
    for (const text of ['75%', '66,7%', '3/4', '2/3', 'không có', '07/2026', '08/2026', '09/2026'])
      expect(svg).toContain(`>${text}</text>`)
    // Two points, not joined across the empty August.
    expect(svg.match(/<circle/g)).toHaveLength(2)
    expect(svg).not.toContain('<polyline')
  })

  it('comes with the same figures as a table for screen readers', async () => {
    const html = String(await OnTimeTable({ points: POINTS, lang: 'en' }))
    expect(html).toContain('<table class="vh">')
    expect(html).toContain('<th scope="col">On-time rate</th>')
    expect(html).toContain('<td>66.7%</td>')
    expect(html).toContain('<td>–</td>')
  })

  it('writes percentages in each language’s way', () => {
    expect(percent(2 / 3, 'vi')).toBe('66,7%')
    expect(percent(2 / 3, 'en')).toBe('66.7%')
    expect(percent(1, 'en')).toBe('100%')
  })
})

describe('the backlog chart', () => {
  it('draws one hatched, labelled bar per age bucket, with its count written on it', async () => {
    const svg = await svgDocument(
      BacklogChart({
        backlog: { asOf: '2026-09-30', total: 13, byAge: { '1-7': 2, '8-30': 5, '31-90': 6, '>90': 0 } },
        lang: 'en',
        committee: 'Ministry of Finance',
      }),
    )
    expect(svg).toContain('<title id="chart-backlog-title">Overdue open petitions by days overdue</title>')
    expect(svg).toContain('13 overdue open petitions on 30/09/2026')
    expect(svg.match(/<pattern /g)).toHaveLength(4)
    expect(svg.match(/fill="url\(#chart-backlog-hatch-\d\)"/g)).toHaveLength(4)
    for (const text of ['1–7 days', '8–30 days', '31–90 days', '&gt;90 days', '2', '5', '6', '0'])
      expect(svg).toContain(`>${text}</text>`)
    expect(svg).toContain('>Days overdue</text>')
  })
})
