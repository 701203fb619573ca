/**
 * The static assets of the citizen pages, small enough to live in the bundle. The one stylesheet, served at `/assets/site.css` so that a strict CSP
 * (`style-src 'self'`) holds: no inline styles anywhere. Mobile first, system fonts (they carry the
 * Vietnamese diacritics), colours at WCAG AA contrast or better, a visible focus ring, print rules.
 */
import { createHash } from 'node:crypto'

export const SITE_CSS = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;font-size:1.0625rem;line-height:1.5;color:#1b1b1b;background:#fff}
a{color:#0b4f8a;text-underline-offset:.15em}
a:visited{color:#4c2c92}
a:hover{color:#08375f;text-decoration-thickness:2px}
:focus-visible{outline:3px solid #1b1b1b;outline-offset:0;box-shadow:0 0 0 6px #ffbf47}
a:focus-visible{background:#ffbf47;color:#1b1b1b;outline-offset:2px;box-shadow:none}
.vh{position:absolute!important;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.skip{position:absolute;left:-999em}
.skip:focus{position:static;display:block;padding:.5rem 1rem;background:#ffbf47;color:#1b1b1b}
.wrap{max-width:44rem;margin:0 auto;padding:0 1rem}
.site-header{background:#0b4f8a;color:#fff;border-bottom:6px solid #c8102e}
.site-header a,.site-header a:visited{color:#fff}
.site-header a:focus-visible{color:#1b1b1b}
.header-top{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:baseline;gap:.25rem 1rem;padding-top:.75rem}
.org{margin:0;font-size:1.125rem;font-weight:700;line-height:1.3}
.org a{text-decoration:none}
.service{margin:0 0 .5rem;font-size:.95rem}
.lang-switch{font-weight:600}
.nav ul{display:flex;flex-wrap:wrap;gap:0 1.25rem;margin:0;padding:0 0 .5rem;list-style:none}
.nav a{display:inline-block;padding:.5rem 0;font-weight:600}
.nav a[aria-current="page"]{text-decoration-thickness:4px}
main{display:block;padding:1rem 0 2rem}
h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0 1rem}
h2{font-size:1.3rem;line-height:1.3;margin:2rem 0 .75rem}
h3{font-size:1.1rem;margin:1.25rem 0 .5rem}
p,ul,ol,dl{margin:0 0 1rem}
.lead{font-size:1.15rem}
.site-footer{border-top:1px solid #b1b4b6;padding:1rem 0 2rem;font-size:.95rem;color:#3d3d3d}
.actions{display:flex;flex-wrap:wrap;gap:.75rem;margin:1.5rem 0}
.button,button{display:inline-block;min-height:2.75rem;padding:.5rem 1.25rem;border:2px solid transparent;border-radius:0;background:#00703c;color:#fff;font:inherit;font-weight:700;text-decoration:none;cursor:pointer;box-shadow:0 2px 0 #002d18}
.button:visited{color:#fff}
.button:hover,button:hover{background:#005a30;color:#fff}
.button.secondary,button.secondary{background:#f3f2f1;color:#0b0c0c;box-shadow:0 2px 0 #929191}
button.warning{background:#c8102e;box-shadow:0 2px 0 #55070f}
.button:focus-visible,button:focus-visible{background:#ffbf47;color:#1b1b1b;border-color:#1b1b1b;box-shadow:none}
.kinds{padding:0;list-style:none}
.kind{border-left:5px solid #0b4f8a;padding:.25rem 0 .25rem 1rem;margin:0 0 1.5rem}
.kind h3{margin-top:0}
.note{border-left:5px solid #b1b4b6;padding:.5rem 1rem;background:#f3f2f1}
.field{margin:0 0 1.5rem}
.field.has-error{border-left:5px solid #b00020;padding-left:.75rem}
label,legend{display:block;font-weight:700;margin:0 0 .25rem}
legend{font-size:1.1rem;padding:0}
fieldset{margin:0 0 1.5rem;padding:0;border:0;min-width:0}
.req{font-weight:400;color:#3d3d3d}
.hint{display:block;color:#3d3d3d;margin:0 0 .4rem;font-weight:400}
.error-message{display:block;color:#b00020;font-weight:700;margin:0 0 .4rem}
input[type=text],input[type=email],input[type=tel],input[type=number],select,textarea{display:block;width:100%;min-height:2.75rem;padding:.4rem .5rem;border:2px solid #1b1b1b;border-radius:0;font:inherit;background:#fff;color:#1b1b1b}
input[type=number]{max-width:8rem}
textarea{min-height:10rem;resize:vertical}
[aria-invalid="true"]{border-color:#b00020;border-width:3px}
.choice{position:relative;display:flex;gap:.6rem;align-items:flex-start;margin:0 0 .75rem}
.choice input{flex:none;width:1.5rem;height:1.5rem;margin:.1rem 0 0;accent-color:#0b4f8a}
.choice label{margin:0}
.choice .hint{margin:0}
.error-summary{border:4px solid #b00020;padding:1rem;margin:0 0 1.5rem}
.error-summary h2{margin:0 0 .5rem;font-size:1.2rem}
.error-summary ul{margin:0;padding-left:1.25rem}
.error-summary a,.error-summary a:visited{color:#b00020;font-weight:700}
.notice{border-left:5px solid #00703c;background:#e6f2ec;padding:.75rem 1rem;margin:0 0 1.5rem;font-weight:600}
.code-box{border:3px solid #0b4f8a;padding:1rem;margin:0 0 1.5rem}
.code-box dt{font-weight:700}
.code-box dd{margin:0 0 .75rem}
.code{display:inline-block;font-family:ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:1.75rem;font-weight:700;letter-spacing:.08em;word-break:break-all;user-select:all;-webkit-user-select:all}
.pin-warning{border:4px solid #c8102e;background:#fdf0f1;padding:.75rem 1rem;font-weight:700}
.facts{display:grid;grid-template-columns:1fr;gap:.1rem 1rem}
.facts dt{font-weight:700}
.facts dd{margin:0 0 .6rem}
.deadlines,.timeline{padding:0;list-style:none}
.deadline{border:1px solid #b1b4b6;padding:.75rem 1rem;margin:0 0 .75rem}
.deadline h3{margin:0 0 .25rem}
.deadline p{margin:0 0 .25rem}
.badge{display:inline-block;padding:0 .5rem;border:2px solid currentColor;font-size:.9rem;font-weight:700;white-space:nowrap}
.state-running{color:#0b4f8a}
.state-paused{color:#594d00}
.state-met{color:#00703c}
.state-missed{color:#b00020}
.timeline li{border-left:3px solid #b1b4b6;padding:0 0 .75rem 1rem;margin:0}
.timeline time{display:block;font-size:.95rem;color:#3d3d3d}
.prewrap{white-space:pre-line;overflow-wrap:anywhere}
.user-text{overflow-wrap:anywhere}
.panel{border-top:1px solid #b1b4b6;margin-top:2rem}
@media (min-width:40rem){
  body{font-size:1.125rem}
  h1{font-size:2rem}
  .facts{grid-template-columns:minmax(9rem,auto) 1fr}
  .facts dd{margin:0 0 .4rem}
}
.table-wrap{overflow-x:auto;margin:0 0 1.5rem}
.figures{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
.figures caption{text-align:left;font-weight:700;padding:.4rem 0}
.figures th,.figures td{border-bottom:1px solid #b1b4b6;padding:.4rem .5rem;text-align:right;vertical-align:top}
.figures th[scope=row],.figures thead th:first-child{text-align:left}
.figures tfoot th,.figures tfoot td{font-weight:700;border-top:2px solid #0b0c0c}
@media print{
  body{font-size:12pt;color:#000}
  .site-header{background:none;color:#000;border-bottom:2px solid #000}
  .site-header a{color:#000}
  .nav,.lang-switch,.skip,.no-print,.actions,.site-footer,form{display:none!important}
  a{color:#000;text-decoration:none}
  .code-box,.pin-warning,.deadline{break-inside:avoid}
  .pin-warning{background:none}
}
`

/** The stylesheet's address with its content hash, so browsers can keep it for a year. */
export const SITE_CSS_PATH = `/assets/site.css?v=${createHash('sha256').update(SITE_CSS).digest('hex').slice(0, 10)}`

/** A small icon, so that browsers do not ask for /favicon.ico (a wasted round trip on a slow line). */
export const SITE_ICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#0b4f8a"/><path d="M4 4h8v1.5H4zm0 3h8v1.5H4zm0 3h5v1.5H4z" fill="#fff"/></svg>'

export const SITE_ICON_PATH = '/assets/icon.svg'
