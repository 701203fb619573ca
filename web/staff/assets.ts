/**
 * The staff pages' extra rules on top of the citizen stylesheet (one design language): a wider
 * frame for tables, urgency badges, the case page's two columns on wide screens. Served at
 * `/staff/assets/staff.css` under a content hash; no inline styles anywhere (CSP `style-src 'self'`).
 */
import { createHash } from 'node:crypto'
import { DOCUMENT_PREVIEW_CSS } from './components/document-preview.js'

export const STAFF_CSS = `
.staff .wrap{max-width:72rem}
.user-box{display:flex;flex-wrap:wrap;gap:.25rem .75rem;align-items:center;font-size:.95rem}
.user-box form{margin:0}
.user-box button{min-height:2.25rem;padding:.25rem .75rem;background:#f3f2f1;color:#0b0c0c;box-shadow:0 2px 0 #929191}
.table-wrap{overflow-x:auto;margin:0 0 1.5rem}
table{border-collapse:collapse;width:100%;font-size:.95rem}
caption{text-align:left;font-weight:700;margin:0 0 .5rem}
th,td{border-bottom:1px solid #b1b4b6;padding:.5rem .5rem .5rem 0;text-align:left;vertical-align:top}
th{font-weight:700}
td.num,th.num{text-align:right}
.badge.due-soon{color:#594d00;background:#fff7bf}
.badge.overdue{color:#b00020;background:#fdf0f1}
.badge.very-overdue{color:#fff;background:#b00020;border-color:#b00020}
.badge.on-track{color:#00703c}
.badge.status{color:#0b4f8a}
.filters{display:grid;grid-template-columns:repeat(auto-fill,minmax(11rem,1fr));gap:0 1rem;border:1px solid #b1b4b6;padding:1rem;margin:0 0 1.5rem}
.filters .field{margin:0 0 1rem}
.filters .actions{grid-column:1/-1;margin:0}
.pager{display:flex;gap:1rem;flex-wrap:wrap;margin:1rem 0}
.action-form{border:2px solid #b1b4b6;padding:1rem;margin:0 0 1.5rem}
.action-form h3{margin-top:0}
.consequence{border-left:5px solid #0b4f8a;background:#f0f4f8;padding:.5rem 1rem;margin:0 0 1rem}
.consequence pre{white-space:pre-wrap;font:inherit;margin:.25rem 0 0}
.warning-box{border-left:5px solid #b00020;background:#fdf0f1;padding:.75rem 1rem;margin:0 0 1.5rem;font-weight:600}
.tree,.tree ul{list-style:none;padding-left:1.25rem}
.tree{padding-left:0}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(10rem,1fr));gap:1rem;margin:0 0 1.5rem;padding:0;list-style:none}
.cards li{border:2px solid #b1b4b6;padding:.75rem}
.cards .figure{display:block;font-size:1.75rem;font-weight:700}
.slot{border:2px dashed #b1b4b6;padding:1rem;margin:0 0 1.5rem}
.inline-form{display:inline}
select[multiple]{min-height:8rem}
@media (min-width:60rem){.case-grid{display:grid;grid-template-columns:3fr 2fr;gap:2rem}}
figure.chart{position:relative;margin:1rem 0;max-width:100%;overflow:hidden}figure.chart svg{display:block;width:100%;max-width:640px;height:auto}
${DOCUMENT_PREVIEW_CSS}`

export const STAFF_CSS_PATH = `/staff/assets/staff.css?v=${createHash('sha256').update(STAFF_CSS).digest('hex').slice(0, 10)}`
