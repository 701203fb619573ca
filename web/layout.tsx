import type { Child } from 'hono/jsx'
import { SITE_CSS_PATH, SITE_ICON_PATH } from './assets.js'
import { otherLang, t } from './i18n.js'
import type { Lang } from './types.js'

export type NavItem = 'home' | 'submit' | 'track'

export interface LayoutProps {
  lang: Lang
  organizationName: { vi: string; en: string }
  /** The page's own title; the organisation's name is appended. */
  title: string
  current?: NavItem
  /**
   * Where the language switch leads (a GET address that renders this page in the other language),
   * or null to leave the switch out: the receipt cannot be shown again, so it has none.
   */
  langHref: string | null
  children?: Child
}

/** The frame of every citizen page: `<html lang>`, header with the organisation, language switch, nav. */
export function Layout(props: LayoutProps) {
  const { lang, title, current } = props
  const org = props.organizationName[lang]
  const other = otherLang(lang)
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} – ${org}`}</title>
        <link rel="stylesheet" href={SITE_CSS_PATH} />
        <link rel="icon" href={SITE_ICON_PATH} type="image/svg+xml" />
      </head>
      <body>
        <a class="skip" href="#main">
          {t(lang, 'layout.skip')}
        </a>
        <header class="site-header">
          <div class="wrap">
            <div class="header-top">
              <p class="org">
                <a href="/" aria-current={current === 'home' ? 'page' : undefined}>
                  {org}
                </a>
              </p>
              {props.langHref !== null && (
                <a
                  class="lang-switch"
                  id="lang-switch"
                  href={props.langHref}
                  lang={other}
                  hreflang={other}
                  data-testid="lang-switch"
                >
                  <span class="vh">{`${t(lang, 'lang.switch')}: `}</span>
                  {t(other, 'lang.self')}
                </a>
              )}
            </div>
            <p class="service">{t(lang, 'layout.service')}</p>
            <nav class="nav" aria-label={t(lang, 'layout.nav')}>
              <ul>
                <li>
                  <a href="/submit" id="nav-submit" aria-current={current === 'submit' ? 'page' : undefined}>
                    {t(lang, 'layout.nav.submit')}
                  </a>
                </li>
                <li>
                  <a href="/track" id="nav-track" aria-current={current === 'track' ? 'page' : undefined}>
                    {t(lang, 'layout.nav.track')}
                  </a>
                </li>
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" class="wrap" tabindex={-1}>
          {props.children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>{t(lang, 'layout.footer')}</p>
          </div>
        </footer>
      </body>
    </html>
  )
}
