/**
 * The documents issued to the petitioner on the tracking page (docs/documents.md#delivery): one
 * small form per document posting the code and the PIN (a PIN never goes into a URL), answered
 * with a short-lived download link.
 */
import { formatDate, t } from '../i18n.js'
import type { Lang, TrackedDocument } from '../types.js'

export function TrackedDocuments(props: {
  lang: Lang
  code: string
  pin: string
  documents?: readonly TrackedDocument[]
}) {
  const { lang, documents } = props
  if (!documents || documents.length === 0) return null
  return (
    <section class="panel" aria-labelledby="documents-title" data-testid="tracked-documents">
      <h2 id="documents-title">{t(lang, 'track.documents.title')}</h2>
      <p>{t(lang, 'track.documents.lead')}</p>
      <ul>
        {documents.map((d) => (
          <li data-document={d.ref}>
            <form method="post" action="/track/document" accept-charset="utf-8">
              <input type="hidden" name="code" value={props.code} />
              <input type="hidden" name="pin" value={props.pin} />
              <input type="hidden" name="ref" value={d.ref} />
              <strong>{d.symbol}</strong>
              {` – ${d.name[lang]}, `}
              <time datetime={d.issuedOn}>{formatDate(d.issuedOn)}</time>{' '}
              <button type="submit" class="secondary">
                {t(lang, 'track.documents.download')}
              </button>
            </form>
          </li>
        ))}
      </ul>
    </section>
  )
}
