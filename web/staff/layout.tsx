import type { Child } from 'hono/jsx'
import type { Role } from '../../shared/domain/vocabulary.js'
import { SITE_CSS_PATH, SITE_ICON_PATH } from '../assets.js'
import { otherLang, t } from '../i18n.js'
import type { Lang } from '../types.js'
import { STAFF_CSS_PATH } from './assets.js'

export type StaffNav = 'queue' | 'reception' | 'triage' | 'dashboard' | 'reports' | 'admin'

export interface StaffUserView {
  readonly displayName: string
  readonly roles: readonly Role[]
}

export interface StaffLayoutProps {
  lang: Lang
  organizationName: { vi: string; en: string }
  title: string
  /** Signed in: the name and the nav for the roles; absent on the sign-in page. */
  user?: StaffUserView
  current?: StaffNav
  langHref: string
  children?: Child
}

/** The frame's props that come with the request, not the page: every page passes them on unchanged. */
export type StaffChrome = Pick<StaffLayoutProps, 'lang' | 'organizationName' | 'user' | 'langHref'>

/** The frame's per-request props out of a page's props (the page's own props stay out of the frame). */
export function chromeOf(p: StaffChrome): StaffChrome {
  return { lang: p.lang, organizationName: p.organizationName, user: p.user, langHref: p.langHref }
}

/** Which workspace sections a user's roles open (the routes check again; this only hides links). */
export function navFor(roles: readonly Role[]): StaffNav[] {
  const has = (r: Role) => roles.includes(r)
  const out: StaffNav[] = []
  if (has('committee_handler') || has('committee_head') || has('supervisor') || has('reception_officer'))
    out.push('queue')
  if (has('reception_officer')) out.push('reception', 'triage')
  if (has('supervisor') || has('committee_head')) out.push('dashboard', 'reports')
  if (has('admin')) out.push('admin')
  return out
}

const NAV_HREF: Record<StaffNav, string> = {
  queue: '/staff/queue',
  reception: '/staff/reception',
  triage: '/staff/reception/triage',
  dashboard: '/staff/dashboard',
  reports: '/staff/reports',
  admin: '/staff/admin',
}

/** The frame of every staff page: the citizen pages' design with the workspace nav and the user. */
export function StaffLayout(props: StaffLayoutProps) {
  const { lang, title, current, user } = props
  const org = props.organizationName[lang]
  const other = otherLang(lang)
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} – ${t(lang, 'staff.layout.service')} – ${org}`}</title>
        <link rel="stylesheet" href={SITE_CSS_PATH} />
        <link rel="stylesheet" href={STAFF_CSS_PATH} />
        <link rel="icon" href={SITE_ICON_PATH} type="image/svg+xml" />
      </head>
      <body class="staff">
        <a class="skip" href="#main">
          {t(lang, 'layout.skip')}
        </a>
        <header class="site-header">
          <div class="wrap">
            <div class="header-top">
              <p class="org">
                <a href="/staff">{org}</a>
              </p>
              <a class="lang-switch" id="lang-switch" href={props.langHref} lang={other} hreflang={other}>
                <span class="vh">{`${t(lang, 'lang.switch')}: `}</span>
                {t(other, 'lang.self')}
              </a>
            </div>
            <p class="service">{t(lang, 'staff.layout.service')}</p>
            {user && (
              <div class="user-box">
                <span data-testid="signed-in-as">
                  {t(lang, 'staff.layout.signedInAs', { name: user.displayName })}
                </span>
                <form method="post" action="/staff/sign-out">
                  <button type="submit" id="sign-out">
                    {t(lang, 'staff.layout.signOut')}
                  </button>
                </form>
              </div>
            )}
            {user && (
              <nav class="nav" aria-label={t(lang, 'layout.nav')}>
                <ul>
                  {navFor(user.roles).map((item) => (
                    <li>
                      <a
                        href={NAV_HREF[item]}
                        id={`nav-${item}`}
                        aria-current={current === item ? 'page' : undefined}
                      >
                        {t(lang, `staff.nav.${item}`)}
                      </a>
                    </li>
                  ))}
                </ul>
              </nav>
            )}
          </div>
        </header>
        <main id="main" class="wrap" tabindex={-1}>
          {props.children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>{t(lang, 'staff.layout.footer')}</p>
          </div>
        </footer>
      </body>
    </html>
  )
}
