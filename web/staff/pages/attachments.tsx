import { formatInstant, t } from '../../i18n.js'
import type { Lang } from '../../types.js'

/** One attachment as the attachments service lists it (wired after the attachments branch merges). */
export interface AttachmentView {
  readonly name: string
  readonly size: number
  readonly contentType?: string
  readonly uploadedAt?: string
  /** A short-lived download address (presigned), or undefined while a scan is pending. */
  readonly href?: string
}

/** The case's attachments; renders nothing when there are none. */
export function AttachmentList(props: { lang: Lang; attachments: readonly AttachmentView[] }) {
  const { lang, attachments } = props
  if (attachments.length === 0) return null
  return (
    <section aria-labelledby="attachments-title" data-testid="attachments">
      <h2 id="attachments-title">{t(lang, 'staff.case.attachments')}</h2>
      <ul>
        {attachments.map((a) => (
          <li>
            {a.href ? <a href={a.href}>{a.name}</a> : a.name}
            {` (${Math.max(1, Math.round(a.size / 1024))} KB${a.uploadedAt ? `, ${formatInstant(a.uploadedAt)}` : ''})`}
          </li>
        ))}
      </ul>
    </section>
  )
}
