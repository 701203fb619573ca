import type { AttachmentView } from '../../../shared/service/attachments.js'
import { formatInstant, t } from '../../i18n.js'
import type { Lang } from '../../types.js'

export type { AttachmentView }

/** The address of the page route that opens one document (a fresh short-lived link per click). */
export function attachmentHref(trackingCode: string, id: string): string {
  return `/staff/cases/${encodeURIComponent(trackingCode)}/attachments/${encodeURIComponent(id)}`
}

function sizeText(size: number): string {
  return size >= 1024 * 1024
    ? `${(size / (1024 * 1024)).toFixed(1)} MB`
    : `${Math.max(1, Math.round(size / 1024))} KB`
}

/**
 * The case's attachments, oldest first. A document that may identify a denouncer is listed under
 * its neutral name to everyone; opening it (for those who may) is recorded in the case history, so
 * the link goes through the page route, which asks for the download link only on the click.
 */
export function AttachmentList(props: {
  lang: Lang
  trackingCode: string
  attachments: readonly AttachmentView[]
}) {
  const { lang, attachments, trackingCode } = props
  if (attachments.length === 0) return null
  return (
    <section aria-labelledby="attachments-title" data-testid="attachments">
      <h2 id="attachments-title">{t(lang, 'staff.case.attachments')}</h2>
      <ul>
        {attachments.map((a) => {
          const label = a.name
          return (
            <li>
              {a.canOpen ? <a href={attachmentHref(trackingCode, a.id)}>{label}</a> : label}
              {` (${a.type.toUpperCase()}, ${sizeText(a.size)}, ${formatInstant(a.uploadedAt)}, ${t(
                lang,
                a.uploadedBy.kind === 'staff' ? 'staff.attachment.byStaff' : 'staff.attachment.byPetitioner',
              )})`}
              {a.identityRestricted ? (
                <>
                  {' '}
                  <small>
                    {`${t(lang, 'staff.attachment.restricted')}. ${t(
                      lang,
                      a.canOpen ? 'staff.attachment.restrictedAudited' : 'staff.attachment.restrictedClosed',
                    )}`}
                  </small>
                </>
              ) : null}
            </li>
          )
        })}
      </ul>
    </section>
  )
}
