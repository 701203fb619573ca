/**
 * Server-rendered SVG charts for the reports: the trend of on-time resolution and the ageing of the
 * overdue backlog. No script draws them; they print in black and white: every value is written on
 * its bar or point, bars carry hatching as well as a shade, and each chart names itself (role="img",
 * <title>, <desc>) and comes with the same figures as a table for screen readers.
 */
import type { Child } from 'hono/jsx'
import { OVERDUE_BUCKETS, type OverdueBucket } from '../shared/domain/reports.js'
import { formatDate, t } from './i18n.js'
import type { Lang } from './types.js'

/** One period of the on-time trend. */
export interface OnTimePoint {
  readonly label: string
  readonly from: string
  readonly to: string
  readonly resolved: number
  readonly onTime: number
  readonly onTimeRate: number | null
}

export interface Backlog {
  readonly asOf: string
  readonly total: number
  readonly byAge: Readonly<Record<OverdueBucket, number>>
}

const W = 640
const H = 340
const M = { top: 56, right: 24, bottom: 64, left: 64 }
const PLOT_W = W - M.left - M.right
const PLOT_H = H - M.top - M.bottom

/** 85.7 % in English, 85,7 % in Vietnamese. */
export function percent(rate: number, lang: Lang): string {
  const text = (Math.round(rate * 1000) / 10).toFixed(1).replace(/\.0$/, '')
  return `${lang === 'vi' ? text.replace('.', ',') : text}%`
}

function Frame(props: { id: string; title: string; desc: string; children?: Child }) {
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${W} ${H}`}
      width={W}
      height={H}
      role="img"
      aria-labelledby={`${props.id}-title ${props.id}-desc`}
      font-family="sans-serif"
      font-size="13"
    >
      <title id={`${props.id}-title`}>{props.title}</title>
      <desc id={`${props.id}-desc`}>{props.desc}</desc>
      <rect x="0" y="0" width={W} height={H} fill="#fff" />
      <text x={W / 2} y="24" text-anchor="middle" font-size="16" font-weight="bold" fill="#000">
        {props.title}
      </text>
      {props.children}
    </svg>
  )
}

/** Axes with their names, and horizontal grid lines at the given values. */
function Axes(props: { xName: string; yName: string; ticks: { value: number; text: string; y: number }[] }) {
  return (
    <g>
      {props.ticks.map((tick) => (
        <g>
          <line x1={M.left} x2={W - M.right} y1={tick.y} y2={tick.y} stroke="#bbb" stroke-dasharray="2 3" />
          <text x={M.left - 8} y={tick.y + 4} text-anchor="end" fill="#000">
            {tick.text}
          </text>
        </g>
      ))}
      <line x1={M.left} x2={M.left} y1={M.top} y2={H - M.bottom} stroke="#000" />
      <line x1={M.left} x2={W - M.right} y1={H - M.bottom} y2={H - M.bottom} stroke="#000" />
      <text x={M.left + PLOT_W / 2} y={H - 12} text-anchor="middle" fill="#000">
        {props.xName}
      </text>
      <text
        x="16"
        y={M.top + PLOT_H / 2}
        text-anchor="middle"
        fill="#000"
        transform={`rotate(-90 16 ${M.top + PLOT_H / 2})`}
      >
        {props.yName}
      </text>
    </g>
  )
}

/** The on-time share per period: a line through the periods that resolved something, each point labelled. */
export function OnTimeChart(props: {
  points: readonly OnTimePoint[]
  lang: Lang
  committee: string
  id?: string
}) {
  const { points, lang } = props
  const id = props.id ?? 'chart-on-time'
  const step = PLOT_W / Math.max(points.length, 1)
  const x = (i: number) => M.left + step * (i + 0.5)
  const y = (rate: number) => M.top + PLOT_H * (1 - rate)
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((v) => ({ value: v, text: percent(v, lang), y: y(v) }))
  // Segments join consecutive periods that both have a rate; an empty period breaks the line.
  const segments: string[] = []
  let current: string[] = []
  points.forEach((p, i) => {
    if (p.onTimeRate === null) {
      if (current.length > 1) segments.push(current.join(' '))
      current = []
    } else current.push(`${x(i).toFixed(1)},${y(p.onTimeRate).toFixed(1)}`)
  })
  if (current.length > 1) segments.push(current.join(' '))
  const desc = t(lang, 'chart.onTime.desc', {
    committee: props.committee,
    count: points.length,
    from: points[0] ? formatDate(points[0].from) : '',
    to: points.at(-1) ? formatDate(points.at(-1)!.to) : '',
  })
  return (
    <Frame id={id} title={t(lang, 'chart.onTime.title')} desc={desc}>
      <Axes xName={t(lang, 'chart.onTime.axisX')} yName={t(lang, 'chart.onTime.axisY')} ticks={ticks} />
      {segments.map((s) => (
        <polyline points={s} fill="none" stroke="#000" stroke-width="2" />
      ))}
      {points.map((p, i) => (
        <g>
          <text x={x(i)} y={H - M.bottom + 18} text-anchor="middle" fill="#000">
            {p.label}
          </text>
          {p.onTimeRate === null ? (
            <text x={x(i)} y={y(0) - 8} text-anchor="middle" fill="#000" font-style="italic">
              {t(lang, 'chart.onTime.none')}
            </text>
          ) : (
            <g>
              <circle cx={x(i)} cy={y(p.onTimeRate)} r="5" fill="#fff" stroke="#000" stroke-width="2" />
              <text x={x(i)} y={y(p.onTimeRate) - 10} text-anchor="middle" fill="#000" font-weight="bold">
                {percent(p.onTimeRate, lang)}
              </text>
              <text x={x(i)} y={H - M.bottom + 34} text-anchor="middle" fill="#333" font-size="11">
                {`${p.onTime}/${p.resolved}`}
              </text>
            </g>
          )}
        </g>
      ))}
    </Frame>
  )
}

/** Hatching from sparse to dense with the age of the debt, so the buckets differ without colour. */
const HATCH_GAP: Record<OverdueBucket, number> = { '1-7': 10, '8-30': 7, '31-90': 5, '>90': 3 }
const SHADE: Record<OverdueBucket, string> = {
  '1-7': '#e8e8e8',
  '8-30': '#c8c8c8',
  '31-90': '#a0a0a0',
  '>90': '#707070',
}

export function bucketLabel(bucket: OverdueBucket, lang: Lang): string {
  return t(lang, 'chart.backlog.days', { range: bucket.replace('-', '–') })
}

/** Overdue open cases by days overdue: one hatched bar per bucket, its count written above it. */
export function BacklogChart(props: { backlog: Backlog; lang: Lang; committee: string; id?: string }) {
  const { backlog, lang } = props
  const id = props.id ?? 'chart-backlog'
  const max = Math.max(1, ...OVERDUE_BUCKETS.map((b) => backlog.byAge[b]))
  // Grid lines at a tidy step (1, 2 or 5 × 10^k), about four of them, up to the largest bar.
  const magnitude = 10 ** Math.floor(Math.log10(Math.max(1, max / 4)))
  const tick = [1, 2, 5, 10].map((f) => f * magnitude).find((s) => s * 4 >= max) ?? 10 * magnitude
  const top = tick * Math.ceil(max / tick)
  const y = (v: number) => M.top + PLOT_H * (1 - v / top)
  const ticks = Array.from({ length: top / tick + 1 }, (_, i) => i * tick).map((v) => ({
    value: v,
    text: String(v),
    y: y(v),
  }))
  const step = PLOT_W / OVERDUE_BUCKETS.length
  const barW = step * 0.6
  const desc = t(lang, 'chart.backlog.desc', {
    committee: props.committee,
    total: backlog.total,
    asOf: formatDate(backlog.asOf),
  })
  return (
    <Frame id={id} title={t(lang, 'chart.backlog.title')} desc={desc}>
      <defs>
        {OVERDUE_BUCKETS.map((b, i) => (
          <pattern
            id={`${id}-hatch-${i}`}
            patternUnits="userSpaceOnUse"
            width={HATCH_GAP[b]}
            height={HATCH_GAP[b]}
            patternTransform="rotate(45)"
          >
            <rect width={HATCH_GAP[b]} height={HATCH_GAP[b]} fill={SHADE[b]} />
            <line x1="0" y1="0" x2="0" y2={HATCH_GAP[b]} stroke="#000" stroke-width="1.5" />
          </pattern>
        ))}
      </defs>
      <Axes xName={t(lang, 'chart.backlog.axisX')} yName={t(lang, 'chart.backlog.axisY')} ticks={ticks} />
      {OVERDUE_BUCKETS.map((b, i) => {
        const v = backlog.byAge[b]
        const x = M.left + step * i + (step - barW) / 2
        return (
          <g>
            <rect
              x={x}
              y={y(v)}
              width={barW}
              height={Math.max(0, y(0) - y(v))}
              fill={`url(#${id}-hatch-${i})`}
              stroke="#000"
            />
            <text x={x + barW / 2} y={y(v) - 8} text-anchor="middle" fill="#000" font-weight="bold">
              {String(v)}
            </text>
            <text x={x + barW / 2} y={H - M.bottom + 18} text-anchor="middle" fill="#000">
              {bucketLabel(b, lang)}
            </text>
          </g>
        )
      })}
    </Frame>
  )
}

/** The trend's figures as a table, hidden on screen (class `vh`) but read by screen readers. */
export function OnTimeTable(props: { points: readonly OnTimePoint[]; lang: Lang; hidden?: boolean }) {
  const { lang } = props
  return (
    <table class={props.hidden === false ? undefined : 'vh'}>
      <caption>{t(lang, 'chart.onTime.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t(lang, 'chart.table.period')}</th>
          <th scope="col">{t(lang, 'chart.table.resolved')}</th>
          <th scope="col">{t(lang, 'chart.table.onTime')}</th>
          <th scope="col">{t(lang, 'chart.table.rate')}</th>
        </tr>
      </thead>
      <tbody>
        {props.points.map((p) => (
          <tr>
            <th scope="row">{`${p.label} (${formatDate(p.from)}–${formatDate(p.to)})`}</th>
            <td>{String(p.resolved)}</td>
            <td>{String(p.onTime)}</td>
            <td>{p.onTimeRate === null ? '–' : percent(p.onTimeRate, lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export function BacklogTable(props: { backlog: Backlog; lang: Lang; hidden?: boolean }) {
  const { lang } = props
  return (
    <table class={props.hidden === false ? undefined : 'vh'}>
      <caption>{t(lang, 'chart.backlog.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t(lang, 'chart.table.bucket')}</th>
          <th scope="col">{t(lang, 'chart.table.count')}</th>
        </tr>
      </thead>
      <tbody>
        {OVERDUE_BUCKETS.map((b) => (
          <tr>
            <th scope="row">{bucketLabel(b, lang)}</th>
            <td>{String(props.backlog.byAge[b])}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** A chart for a page: the SVG inline, then its table for screen readers. */
export function ChartFigure(props: { chart: Child; table: Child }) {
  return (
    <figure class="chart">
      {props.chart}
      {props.table}
    </figure>
  )
}

/** A chart as a standalone SVG document (for `<img src>` or a download). */
export async function svgDocument(chart: Child): Promise<string> {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${String(await chart)}`
}
