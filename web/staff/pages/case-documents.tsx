/**
 * The case page's documents (docs/documents.md#issuing): the templates of the case's last decision,
 * each to preview and issue; the documents issued, to download, with those for another body marked
 * for the officer to send; and the preview page with its confirm step.
 */
import type { DocumentModel } from '../../../shared/domain/documents/index.js'
import type { DocumentView } from '../../../shared/service/documents.js'
import { TextField } from '../../components.js'
import { formatDate, t } from '../../i18n.js'
import type { Lang } from '../../types.js'
import { DocumentPreview } from '../components/document-preview.js'
import { CheckboxField, LangField } from '../components.js'
import { StaffLayout, type StaffLayoutProps } from '../layout.js'

export interface TemplateChoice {
  readonly id: string
  readonly name: { readonly vi: string; readonly en: string }
  readonly addressee: DocumentView['addressee']
  readonly issued: boolean
}

/** What the case page shows of its documents. */
export interface CaseDocumentsModel {
  /** The decision the documents record (an event type), when the case has one. */
  readonly decision?: string
  readonly canIssue: boolean
  readonly templates: readonly TemplateChoice[]
  readonly issued: readonly DocumentView[]
  /** The document just issued or cancelled (its ref), for the notice. */
  readonly notice?: { readonly ref: string; readonly kind: 'issued' | 'cancelled' }
}

const addresseeLabel = (lang: Lang, a: DocumentView['addressee']) => t(lang, `documents.addressee.${a}`)

export function CaseDocuments(props: { lang: Lang; trackingCode: string; documents?: CaseDocumentsModel }) {
  const { lang, trackingCode, documents: d } = props
  if (!d) return null
  const base = `/staff/cases/${encodeURIComponent(trackingCode)}/documents`
  const noticed = d.notice && d.issued.find((x) => x.ref === d.notice?.ref)
  return (
    <section aria-labelledby="documents-title" id="documents" data-testid="documents">
      <h2 id="documents-title">{t(lang, 'documents.title')}</h2>
      {noticed && (
        <div class="notice" role="status" data-testid="document-notice">
          {t(lang, d.notice?.kind === 'cancelled' ? 'documents.cancelDone' : 'documents.done', {
            symbol: noticed.symbol,
          })}
        </div>
      )}
      {d.templates.length === 0 ? (
        <p>{t(lang, 'documents.none')}</p>
      ) : (
        <>
          <p>{t(lang, 'documents.lead', { decision: d.decision ? label(lang, d.decision) : '' })}</p>
          {!d.canIssue && <p>{t(lang, 'documents.headOnly')}</p>}
          <ul data-testid="document-templates">
            {d.templates.map((tpl) => (
              <li data-template={tpl.id}>
                <strong>{tpl.name[lang]}</strong>
                {` – ${t(lang, 'documents.to', { addressee: addresseeLabel(lang, tpl.addressee) })}`}
                {tpl.issued && ` (${t(lang, 'documents.issuedAlready')})`}
                {!tpl.issued && (
                  <>
                    {' '}
                    <a href={`${base}/new?template=${encodeURIComponent(tpl.id)}`}>
                      {t(lang, 'documents.preview')}
                    </a>
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>{t(lang, 'documents.issued')}</h3>
      {d.issued.length === 0 ? (
        <p>{t(lang, 'documents.noneIssued')}</p>
      ) : (
        <ul data-testid="issued-documents">
          {d.issued.map((doc) => (
            <li data-document={doc.ref} data-status={doc.status}>
              <strong>{doc.symbol}</strong>
              {` – ${doc.name[lang]}, `}
              <time datetime={doc.issuedOn}>{formatDate(doc.issuedOn)}</time>
              {doc.status === 'cancelled' ? (
                ` (${t(lang, 'documents.cancelled', { reason: doc.cancelled?.reason ?? '' })})`
              ) : (
                <>
                  {' '}
                  <a href={`${base}/${doc.ref}`} download>
                    {t(lang, 'documents.download')}
                  </a>
                  {doc.addressee !== 'petitioner' && doc.recipientName && (
                    <p data-testid="to-send">
                      {t(lang, 'documents.toSend', { recipient: doc.recipientName })}
                    </p>
                  )}
                  {d.canIssue && (
                    <form method="post" action={`${base}/${doc.ref}/cancel`} class="inline-form">
                      <LangField lang={lang} />
                      <TextField
                        lang={lang}
                        name={`reason.${doc.ref}`}
                        label={t(lang, 'documents.cancelReason')}
                        value=""
                        error={undefined}
                        required
                        maxLength={500}
                      />
                      <button type="submit" class="warning">
                        {t(lang, 'documents.cancel')}
                      </button>
                    </form>
                  )}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

function label(lang: Lang, eventType: string): string {
  return t(lang, `event.${eventType}` as 'event.accepted')
}

export interface DocumentIssuePageProps extends Omit<StaffLayoutProps, 'title' | 'children'> {
  readonly trackingCode: string
  readonly template: TemplateChoice & {
    readonly basis: readonly { readonly vi: string; readonly en: string }[]
    readonly form: { readonly instrument: string; readonly number?: string; readonly confirm: boolean }
  }
  /** Absent when the preview could not be drawn (a field missing): the error says why. */
  readonly model?: DocumentModel
  readonly values: { readonly recipient: string; readonly contentSummary: string }
  readonly asks: { readonly recipient: boolean; readonly contentSummary: boolean }
  readonly error?: string
  readonly confirmError?: string
  readonly canIssue: boolean
}

/** The preview of one document and its confirm step (Post/Redirect/Get on issuing). */
export function DocumentIssuePage(p: DocumentIssuePageProps) {
  const { lang, template } = p
  const title = t(lang, 'documents.previewTitle', { name: template.name[lang] })
  const base = `/staff/cases/${encodeURIComponent(p.trackingCode)}`
  const extras = (
    <>
      {p.asks.recipient && (
        <TextField
          lang={lang}
          name="recipient"
          label={t(lang, 'documents.recipient')}
          value={p.values.recipient}
          error={undefined}
          maxLength={300}
        />
      )}
      {p.asks.contentSummary && (
        <TextField
          lang={lang}
          name="contentSummary"
          label={t(lang, 'documents.contentSummary')}
          value={p.values.contentSummary}
          error={undefined}
          multiline
          rows={4}
          maxLength={4000}
        />
      )}
    </>
  )
  return (
    <StaffLayout {...p} title={title} current="queue">
      <p>
        <a href={`${base}#documents`}>{t(lang, 'documents.back')}</a>
      </p>
      <h1>{title}</h1>
      <p>{`${t(lang, 'documents.to', { addressee: addresseeLabel(lang, template.addressee) })}`}</p>
      <p>
        {`${t(lang, 'documents.basis')}: `}
        {template.basis.map((b) => b[lang]).join('; ')}
      </p>
      <p>
        {`${t(lang, 'documents.form')}: ${template.form.instrument}${template.form.number ? `, ${template.form.number}` : ''}`}
        {template.form.confirm && ` ${t(lang, 'documents.confirmForm')}`}
      </p>
      {p.error && (
        <div class="error-summary" role="alert" data-testid="document-error" tabindex={-1} autofocus>
          <p>{p.error}</p>
        </div>
      )}
      {(p.asks.recipient || p.asks.contentSummary) && (
        <form method="get" action={`${base}/documents/new`} class="action-form">
          <input type="hidden" name="template" value={template.id} />
          {extras}
          <button type="submit" class="secondary">
            {t(lang, 'documents.refresh')}
          </button>
        </form>
      )}
      {p.model && <DocumentPreview lang={lang} model={p.model} />}
      {p.model && p.canIssue && (
        <form method="post" action={`${base}/documents`} class="action-form" id="issue-document">
          <LangField lang={lang} />
          <input type="hidden" name="template" value={template.id} />
          {p.asks.recipient && <input type="hidden" name="recipient" value={p.values.recipient} />}
          {p.asks.contentSummary && (
            <input type="hidden" name="contentSummary" value={p.values.contentSummary} />
          )}
          <CheckboxField
            lang={lang}
            name="confirm"
            label={t(lang, 'documents.confirm')}
            checked={false}
            error={p.confirmError}
          />
          <div class="consequence">
            <p>{t(lang, 'documents.issueEffect')}</p>
          </div>
          <button type="submit">{t(lang, 'documents.issue')}</button>
        </form>
      )}
      {!p.canIssue && <p>{t(lang, 'documents.headOnly')}</p>}
    </StaffLayout>
  )
}
