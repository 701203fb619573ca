/**
 * The dossier's table of contents (mục lục hồ sơ) as one self-contained HTML page: printable, opened
 * by any browser years later, each file linked by its path in the ZIP. The case's events in order,
 * each with the files it produced; the archive's language is Vietnamese.
 */
import type { DossierIndexRow } from './dossier.js'

export interface DossierIndexModel {
  readonly code: string
  readonly kind: string
  readonly title: string
  readonly scope: 'full' | 'content'
  readonly withheld: number
  readonly retention: string
  readonly events: readonly { readonly seq: number; readonly at: string; readonly name: string }[]
  readonly files: readonly DossierIndexRow[]
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`)

const link = (f: NonNullable<DossierIndexRow['file']>) =>
  `<a href="${escapeHtml(encodeURI(f.path))}">${escapeHtml(f.title)}</a> <code>${escapeHtml(f.path)}</code>`

export function renderDossierIndex(m: DossierIndexModel): string {
  const filesOf = (seq: number | undefined) => m.files.filter((r) => r.file && r.seq === seq)
  const rows = m.events.map((e, i) => {
    const files = filesOf(e.seq)
      .map((r) => link(r.file!))
      .join('<br>')
    return `<tr><td>${i + 1}</td><td>${escapeHtml(e.at)}</td><td>${escapeHtml(e.name)}</td><td>${files}</td></tr>`
  })
  const loose = filesOf(undefined).map((r) => `<li>${link(r.file!)}</li>`)
  const scopeNote =
    m.scope === 'full'
      ? 'Bản đầy đủ.'
      : `Bản không chứa thông tin nhận diện người gửi đơn: ${m.withheld} phần được để lại ngoài hồ sơ này.`
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>Mục lục hồ sơ ${escapeHtml(m.code)}</title>
<style>body{font-family:'Times New Roman',serif;font-size:13pt;margin:2cm}table{border-collapse:collapse;width:100%}td,th{border:1px solid #000;padding:4px 6px;vertical-align:top}code{font-size:10pt}</style>
</head>
<body>
<h1>MỤC LỤC HỒ SƠ</h1>
<p>Mã hồ sơ: <strong>${escapeHtml(m.code)}</strong> · Loại đơn: ${escapeHtml(m.kind)}</p>
<p>Trích yếu: ${escapeHtml(m.title)}</p>
<p>Thời hạn bảo quản: ${escapeHtml(m.retention)}</p>
<p>${escapeHtml(scopeNote)} Tệp <code>manifest.json</code> ghi mã SHA-256 của từng tệp và mã băm cuối của chuỗi lịch sử.</p>
<table>
<thead><tr><th>STT</th><th>Thời điểm</th><th>Bước xử lý</th><th>Văn bản, tài liệu</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
${loose.length ? `<h2>Tệp khác</h2>\n<ul>${loose.join('')}</ul>` : ''}
</body>
</html>
`
}
