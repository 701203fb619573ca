import { t } from '../i18n.js'
import { Layout } from '../layout.js'
import type { Lang } from '../types.js'

export interface ErrorPageProps {
  lang: Lang
  organizationName: { vi: string; en: string }
  /** 404: the address does not exist; 413: the body was too large; anything else: a generic failure. */
  status: number
  /** A more precise explanation in place of the status's default text. */
  detail?: string
  langHref: string
}

/** Not found, too large, or something broke: plain words, a way home, never the error itself. */
export function ErrorPage({ lang, organizationName, status, detail, langHref }: ErrorPageProps) {
  const title = t(lang, status === 404 ? 'notFound.title' : 'error.title')
  const text =
    detail ?? t(lang, status === 404 ? 'notFound.text' : status === 413 ? 'submit.tooLarge' : 'error.text')
  return (
    <Layout lang={lang} organizationName={organizationName} title={title} langHref={langHref}>
      <h1>{title}</h1>
      <p>{text}</p>
      <p>
        <a href="/">{t(lang, 'error.home')}</a>
      </p>
    </Layout>
  )
}
