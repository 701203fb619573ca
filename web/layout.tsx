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

/**
 * The page both halves of the site share (the citizen pages and the staff workspace): `<html lang>`,
 * the skip link, the header with the organisation, the language switch (left out when `langHref`
 * is null) and the service's name, then what the half puts in the header, the main content and
 * the footer's line.
 */
export function SiteFrame(p: {
  lang: Lang
  /** The whole document title. */
  documentTitle: string
  /** Stylesheets after the site's own. */
  styles?: readonly string[]
  bodyClass?: string
  /** The organisation's name, as the link the half gives it. */
  org: Child
  langHref: string | null
  langSwitchTestId?: string
  service: string
  /** Below the service's name in the header: the user box, the nav. */
  header?: Child
  footer: string
  children?: Child
}) {
  const { lang } = p
  const other = otherLang(lang)
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{p.documentTitle}</title>
        <link rel="stylesheet" href={SITE_CSS_PATH} />
        {p.styles?.map((href) => (
          <link rel="stylesheet" href={href} />
        ))}
        <link rel="icon" href={SITE_ICON_PATH} type="image/svg+xml" />
      </head>
      <body class={p.bodyClass}>
        <a class="skip" href="#main">
          {t(lang, 'layout.skip')}
        </a>
        <header class="site-header">
          <div class="wrap">
            <div class="header-top">
              <p class="org">{p.org}</p>
              {p.langHref !== null && (
                <a
                  class="lang-switch"
                  id="lang-switch"
                  href={p.langHref}
                  lang={other}
                  hreflang={other}
                  data-testid={p.langSwitchTestId}
                >
                  <span class="vh">{`${t(lang, 'lang.switch')}: `}</span>
                  {t(other, 'lang.self')}
                </a>
              )}
            </div>
            <p class="service">{p.service}</p>
            {p.header}
          </div>
        </header>
        <main id="main" class="wrap" tabindex={-1}>
          {p.children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>{p.footer}</p>
          </div>
        </footer>
      </body>
    </html>
  )
}

/** The frame of every citizen page: `<html lang>`, header with the organisation, language switch, nav. */
export function Layout(props: LayoutProps) {
  const { lang, title, current } = props
  const org = props.organizationName[lang]
  return (
    <SiteFrame
      lang={lang}
      documentTitle={`${title} – ${org}`}
      org={
        <a href="/" aria-current={current === 'home' ? 'page' : undefined}>
          {org}
        </a>
      }
      langHref={props.langHref}
      langSwitchTestId="lang-switch"
      service={t(lang, 'layout.service')}
      header={
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
      }
      footer={t(lang, 'layout.footer')}
    >
      {props.children}
    </SiteFrame>
  )
}
