import { ErrorSummary, errorFor, TextField } from '../components.js'
import { t } from '../i18n.js'
import { Layout } from '../layout.js'
import type { FieldError, Lang } from '../types.js'

export interface TrackPageProps {
  lang: Lang
  organizationName: { vi: string; en: string }
  /** Prefilled tracking code; the PIN is never filled back in. */
  code: string
  /** Missing fields, or one message that does not say which of code and PIN was wrong. */
  errors: readonly FieldError[]
  langHref: string
}

/** The lookup form: code and PIN go in the POST body, never in the address. */
export function TrackPage({ lang, organizationName, code, errors, langHref }: TrackPageProps) {
  return (
    <Layout
      lang={lang}
      organizationName={organizationName}
      title={t(lang, 'track.title')}
      current="track"
      langHref={langHref}
    >
      <h1>{t(lang, 'track.title')}</h1>
      <ErrorSummary lang={lang} errors={errors} linkable={['code', 'pin']} />
      <p>{t(lang, 'track.intro')}</p>
      <form method="post" action="/track" id="track-form" accept-charset="utf-8">
        <TextField
          lang={lang}
          name="code"
          label={t(lang, 'track.code')}
          value={code}
          error={errorFor(errors, 'code')}
          required
          autocomplete="off"
          spellcheck={false}
        />
        <TextField
          lang={lang}
          name="pin"
          label={t(lang, 'track.pin')}
          value=""
          error={errorFor(errors, 'pin')}
          required
          autocomplete="off"
          inputmode="text"
          spellcheck={false}
        />
        <button type="submit" id="track-button">
          {t(lang, 'track.button')}
        </button>
      </form>
    </Layout>
  )
}
