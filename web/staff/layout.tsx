import type { Child } from 'hono/jsx'
import type { Role } from '../../shared/domain/vocabulary.js'
import { t } from '../i18n.js'
import { SiteFrame } from '../layout.js'
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
  return (
    <SiteFrame
      lang={lang}
      documentTitle={`${title} – ${t(lang, 'staff.layout.service')} – ${org}`}
      styles={[STAFF_CSS_PATH]}
      bodyClass="staff"
      org={<a href="/staff">{org}</a>}
      langHref={props.langHref}
      service={t(lang, 'staff.layout.service')}
      header={
        user && [
          <div class="user-box">
            <span data-testid="signed-in-as">
              {t(lang, 'staff.layout.signedInAs', { name: user.displayName })}
            </span>
            <form method="post" action="/staff/sign-out">
              <button type="submit" id="sign-out">
                {t(lang, 'staff.layout.signOut')}
              </button>
            </form>
          </div>,
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
          </nav>,
        ]
      }
      footer={t(lang, 'staff.layout.footer')}
    >
      {props.children}
    </SiteFrame>
  )
}
