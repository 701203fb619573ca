import { DeadlineList, Facts } from '../components.js'
import { formatInstant, label, t } from '../i18n.js'
import { Layout } from '../layout.js'
import type { Lang, Receipt } from '../types.js'

export interface ReceiptPageProps {
  lang: Lang
  organizationName: { vi: string; en: string }
  receipt: Receipt
  /** Names of the documents stored with the petition (no-JavaScript form). */
  attached?: readonly string[]
  /** The documents could not be stored (the petition was): add them from the tracking page. */
  attachmentsFailed?: boolean
}

/**
 * The answer to a successful submission, rendered in the POST response itself: the PIN exists only
 * here (never in a URL), so the page has no language switch that would lose it. Print-friendly.
 */
export function ReceiptPage({
  lang,
  organizationName,
  receipt,
  attached,
  attachmentsFailed,
}: ReceiptPageProps) {
  const trackHref = `/track?code=${encodeURIComponent(receipt.trackingCode)}`
  return (
    <Layout lang={lang} organizationName={organizationName} title={t(lang, 'receipt.title')} langHref={null}>
      <h1>{t(lang, 'receipt.title')}</h1>
      <dl class="code-box">
        <dt>{t(lang, 'receipt.code')}</dt>
        <dd>
          <span class="code" id="tracking-code" data-testid="tracking-code">
            {receipt.trackingCode}
          </span>
          <span class="hint no-print">{t(lang, 'receipt.code.hint')}</span>
        </dd>
        <dt>{t(lang, 'receipt.pin')}</dt>
        <dd>
          <span class="code" id="pin" data-testid="pin">
            {receipt.pin}
          </span>
        </dd>
      </dl>
      <p class="pin-warning" id="pin-warning">
        {t(lang, 'receipt.pin.warning')}
      </p>
      {receipt.anonymous && (
        <p class="note" id="anonymous-notice">
          {t(lang, 'receipt.anonymous')}
        </p>
      )}

      <h2>{t(lang, 'receipt.details')}</h2>
      <Facts
        rows={[
          [t(lang, 'tracking.kind'), label(lang, 'kind', receipt.kind), 'kind'],
          [t(lang, 'tracking.status'), label(lang, 'status', receipt.status), 'status'],
          [
            t(lang, 'tracking.receivedAt'),
            <time datetime={receipt.receivedAt}>{formatInstant(receipt.receivedAt)}</time>,
            'received-at',
          ],
          [t(lang, 'tracking.committee'), receipt.committee.name, 'committee'],
          [t(lang, 'receipt.routing'), receipt.routing.reason, 'routing-reason'],
        ]}
      />

      {attached && attached.length > 0 && (
        <>
          <h2>{t(lang, 'receipt.attachments')}</h2>
          <ul id="receipt-attachments">
            {attached.map((name) => (
              <li>{name}</li>
            ))}
          </ul>
        </>
      )}
      {attachmentsFailed && (
        <p class="note" id="attachments-failed">
          {t(lang, 'receipt.attachments.failed')}
        </p>
      )}

      <h2>{t(lang, 'tracking.deadlines')}</h2>
      <DeadlineList lang={lang} deadlines={receipt.deadlines} />

      <p class="actions">
        <a class="button" href={trackHref} id="receipt-track">
          {t(lang, 'receipt.track')}
        </a>
      </p>
      <p class="no-print">{t(lang, 'receipt.print')}</p>
    </Layout>
  )
}
