import type { Child } from 'hono/jsx'
import type { DayOffInfo, TetScheduleWarning } from '../../../shared/domain/calendar.js'
import type { DeadlineSettings } from '../../../shared/domain/deadline-rules.js'
import { LIMIT_SETTING_KEYS } from '../../../shared/domain/deadline-rules.js'
import { OCCASIONS } from '../../../shared/domain/holiday-notices.js'
import { COMMITTEE_TYPES, type Committee, type RoutingRule, TOPICS } from '../../../shared/domain/routing.js'
import { KINDS, ROLES } from '../../../shared/domain/vocabulary.js'
import type { PendingGrant } from '../../../shared/service/users.js'
import type { Membership, RoleChange, User } from '../../../shared/store/users.js'
import { errorFor, TextField } from '../../components.js'
import { formatDate, label, t } from '../../i18n.js'
import type { FieldError, Lang } from '../../types.js'
import { CheckboxField, type Option, SelectField, TetWarning } from '../components.js'
import type { FormState } from '../form.js'
import { StaffLayout, type StaffUserView } from '../layout.js'
import { CommitteeDocumentFields } from './admin-documents.js'
import { ErrorSummaryFocus, roleLabel } from './case.js'

interface Base {
  lang: Lang
  organizationName: { vi: string; en: string }
  user: StaffUserView
  langHref: string
  done?: string
  errors: readonly FieldError[]
  values: Record<string, string>
  /** The configuration item's version the forms carry (a stale one is refused). */
  version: number
}

function AdminFrame(p: Base & { title: string; children?: Child; linkable: string[] }) {
  return (
    <StaffLayout
      lang={p.lang}
      organizationName={p.organizationName}
      title={p.title}
      user={p.user}
      current="admin"
      langHref={p.langHref}
    >
      <p>
        <a href="/staff/admin">{t(p.lang, 'staff.admin.title')}</a>
      </p>
      <h1>{p.title}</h1>
      {p.done && (
        <div class="notice" role="status" data-testid="notice" tabindex={-1} autofocus>
          {t(p.lang, 'staff.admin.saved')}
        </div>
      )}
      <ErrorSummaryFocus lang={p.lang} errors={p.errors} linkable={p.linkable} />
      {p.children}
    </StaffLayout>
  )
}

const SECTIONS = ['committees', 'routing', 'users', 'deadlines', 'calendar', 'retention'] as const

export function AdminIndexPage(p: Omit<Base, 'errors' | 'values' | 'version'>) {
  const { lang } = p
  const title = t(lang, 'staff.admin.title')
  return (
    <StaffLayout
      lang={lang}
      organizationName={p.organizationName}
      title={title}
      user={p.user}
      current="admin"
      langHref={p.langHref}
    >
      <h1>{title}</h1>
      <ul>
        {SECTIONS.map((s) => (
          <li>
            <a href={`/staff/admin/${s}`} id={`admin-${s}`}>
              {t(lang, `staff.admin.${s}`)}
            </a>
          </li>
        ))}
      </ul>
    </StaffLayout>
  )
}

function tf(
  p: Base,
  name: string,
  key: Parameters<typeof t>[1],
  o: {
    required?: boolean
    multiline?: boolean
    hint?: string
    type?: 'text' | 'number' | 'email'
    max?: number
  } = {},
) {
  return (
    <TextField
      lang={p.lang}
      name={name}
      label={t(p.lang, key)}
      value={p.values[name]}
      error={errorFor(p.errors, name)}
      required={o.required}
      multiline={o.multiline}
      rows={o.multiline ? 4 : undefined}
      hint={o.hint}
      type={o.type}
      maxLength={o.max}
    />
  )
}

function tree(committees: readonly Committee[], lang: Lang, parent?: string): Child {
  const children =
    parent === undefined
      ? committees.filter((c) => !c.parentId || !committees.some((x) => x.id === c.parentId))
      : committees.filter((c) => c.parentId === parent)
  if (children.length === 0) return null
  return (
    <ul class={parent ? undefined : 'tree'}>
      {children.map((c) => (
        <li>
          <a href={`/staff/admin/committees?edit=${encodeURIComponent(c.id)}`}>
            {lang === 'en' && c.nameEn ? c.nameEn : c.name}
          </a>
          {` (${c.id}, ${t(lang, `staff.committeeType.${c.type}`)})`}
          {tree(committees, lang, c.id)}
        </li>
      ))}
    </ul>
  )
}

export function CommitteesPage(p: Base & { committees: readonly Committee[] }) {
  const { lang } = p
  const options: Option[] = p.committees.map((c) => ({
    value: c.id,
    label: lang === 'en' && c.nameEn ? c.nameEn : c.name,
  }))
  return (
    <AdminFrame
      {...p}
      title={t(lang, 'staff.admin.committees')}
      linkable={['id', 'name', 'nameEn', 'parentId', 'type', 'organizations']}
    >
      <h2>{t(lang, 'staff.admin.committees.tree')}</h2>
      <div data-testid="committee-tree">{tree(p.committees, lang, undefined)}</div>
      <h2 id="committee-form-title">{t(lang, 'staff.admin.committees.form')}</h2>
      <form novalidate method="post" action="/staff/admin/committees" aria-labelledby="committee-form-title">
        <input type="hidden" name="version" value={String(p.version)} />
        {tf(p, 'id', 'staff.admin.id', { required: true, max: 64, hint: t(lang, 'staff.admin.id.hint') })}
        {tf(p, 'name', 'staff.admin.nameVi', { required: true, max: 300 })}
        {tf(p, 'nameEn', 'staff.admin.nameEn', { max: 300 })}
        <SelectField
          lang={lang}
          name="parentId"
          label={t(lang, 'staff.admin.parent')}
          options={options}
          value={p.values.parentId}
          error={errorFor(p.errors, 'parentId')}
          empty={t(lang, 'staff.form.none')}
        />
        <SelectField
          lang={lang}
          name="type"
          label={t(lang, 'staff.admin.type')}
          options={COMMITTEE_TYPES.map((c) => ({ value: c, label: t(lang, `staff.committeeType.${c}`) }))}
          value={p.values.type}
          error={errorFor(p.errors, 'type')}
          required
        />
        {tf(p, 'organizations', 'staff.admin.organizations', {
          multiline: true,
          hint: t(lang, 'staff.admin.onePerLine'),
        })}
        <CheckboxField
          lang={lang}
          name="remoteArea"
          label={t(lang, 'staff.admin.remoteArea')}
          checked={p.values.remoteArea === 'true'}
        />
        <CommitteeDocumentFields lang={lang} values={p.values} errors={p.errors} />
        <button type="submit" id="save-committee">
          {t(lang, 'staff.admin.save')}
        </button>
      </form>
    </AdminFrame>
  )
}

export interface RoutingTestResult {
  committee: string
  reason: string
  ruleId?: string
}

export function RoutingPage(
  p: Base & {
    rules: readonly RoutingRule[]
    committees: readonly Option[]
    test?: { values: Record<string, string>; result?: RoutingTestResult }
  },
) {
  const { lang } = p
  const committeeName = (id: string) => p.committees.find((c) => c.value === id)?.label ?? id
  const tv = p.test?.values ?? {}
  return (
    <AdminFrame
      {...p}
      title={t(lang, 'staff.admin.routing')}
      linkable={['id', 'priority', 'description.vi', 'description.en', 'target']}
    >
      <div class="table-wrap">
        <table data-testid="rules">
          <caption>{t(lang, 'staff.admin.routing.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t(lang, 'staff.admin.priority')}</th>
              <th scope="col">{t(lang, 'staff.admin.id')}</th>
              <th scope="col">{t(lang, 'staff.admin.description')}</th>
              <th scope="col">{t(lang, 'staff.admin.target')}</th>
              <th scope="col">{t(lang, 'staff.admin.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {p.rules.map((r) => (
              <tr>
                <td>{String(r.priority)}</td>
                <td>{r.id}</td>
                <td>{r.description[lang]}</td>
                <td>
                  {'committeeId' in r.target
                    ? committeeName(r.target.committeeId)
                    : t(lang, 'staff.admin.target.byOrganization')}
                </td>
                <td>
                  <form novalidate method="post" action="/staff/admin/routing/delete" class="inline-form">
                    <input type="hidden" name="version" value={String(p.version)} />
                    <input type="hidden" name="id" value={r.id} />
                    <button
                      type="submit"
                      class="secondary"
                      aria-label={t(lang, 'staff.admin.deleteRule', { id: r.id })}
                    >
                      {t(lang, 'staff.admin.delete')}
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 id="test-title">{t(lang, 'staff.admin.routing.test')}</h2>
      <form method="get" action="/staff/admin/routing" class="filters" aria-labelledby="test-title">
        <SelectField
          lang={lang}
          id="test-kind"
          name="testKind"
          label={t(lang, 'staff.field.kind')}
          options={KINDS.map((k) => ({ value: k, label: label(lang, 'kind', k) }))}
          value={tv.testKind}
        />
        <SelectField
          lang={lang}
          id="test-topic"
          name="testTopic"
          label={t(lang, 'staff.field.topic')}
          options={Object.entries(TOPICS).map(([v, l]) => ({ value: v, label: l[lang] }))}
          value={tv.testTopic}
          empty={t(lang, 'staff.form.none')}
        />
        <SelectField
          lang={lang}
          id="test-submitter"
          name="testSubmitter"
          label={t(lang, 'staff.admin.submitter')}
          options={(['citizen', 'member'] as const).map((s) => ({
            value: s,
            label: t(lang, `staff.admin.submitter.${s}`),
          }))}
          value={tv.testSubmitter}
        />
        <div class="field">
          <label for="test-org">{t(lang, 'staff.field.organization')}</label>
          <input type="text" id="test-org" name="testOrganization" value={tv.testOrganization ?? ''} />
        </div>
        <div class="actions">
          <button type="submit" id="run-test">
            {t(lang, 'staff.admin.routing.run')}
          </button>
        </div>
      </form>
      {p.test?.result && (
        <div class="notice" role="status" data-testid="routing-result">
          <p>
            {t(lang, 'staff.admin.routing.result', {
              committee: p.test.result.committee,
              rule: p.test.result.ruleId ?? '—',
            })}
          </p>
          <p>{p.test.result.reason}</p>
        </div>
      )}
      <h2 id="rule-form-title">{t(lang, 'staff.admin.routing.form')}</h2>
      <form novalidate method="post" action="/staff/admin/routing" aria-labelledby="rule-form-title">
        <input type="hidden" name="version" value={String(p.version)} />
        {tf(p, 'id', 'staff.admin.id', {
          required: true,
          max: 64,
          hint: t(lang, 'staff.admin.routing.idHint'),
        })}
        {tf(p, 'priority', 'staff.admin.priority', { required: true, type: 'number' })}
        {tf(p, 'description.vi', 'staff.admin.descriptionVi', { required: true, max: 300 })}
        {tf(p, 'description.en', 'staff.admin.descriptionEn', { required: true, max: 300 })}
        <fieldset>
          <legend>{t(lang, 'staff.admin.routing.kinds')}</legend>
          {KINDS.map((k) => (
            <CheckboxField
              lang={lang}
              name={`kinds.${k}`}
              label={label(lang, 'kind', k)}
              checked={p.values[`kinds.${k}`] === 'true'}
            />
          ))}
        </fieldset>
        <SelectField
          lang={lang}
          name="topic"
          label={t(lang, 'staff.field.topic')}
          options={Object.entries(TOPICS).map(([v, l]) => ({ value: v, label: l[lang] }))}
          value={p.values.topic}
          empty={t(lang, 'staff.admin.anyTopic')}
        />
        {tf(p, 'organizations', 'staff.admin.organizations', {
          multiline: true,
          hint: t(lang, 'staff.admin.onePerLine'),
        })}
        <SelectField
          lang={lang}
          name="target"
          label={t(lang, 'staff.admin.target')}
          options={[{ value: '*', label: t(lang, 'staff.admin.target.byOrganization') }, ...p.committees]}
          value={p.values.target}
          error={errorFor(p.errors, 'target')}
          required
          empty={t(lang, 'staff.form.choose')}
        />
        <button type="submit" id="save-rule">
          {t(lang, 'staff.admin.save')}
        </button>
      </form>
    </AdminFrame>
  )
}

/** One membership in words: the role and, for a committee role, the committee's name. */
export function membershipWords(lang: Lang, m: Membership, committees: readonly Option[]): string {
  const name = m.committeeId
    ? (committees.find((c) => c.value === m.committeeId)?.label ?? m.committeeId)
    : ''
  return `${roleLabel(lang, m.role)}${name ? ` – ${name}` : ''}`
}

/** Grants that can reveal identity, waiting for a second admin: confirm or refuse, no script. */
function PendingGrants(p: { lang: Lang; grants: readonly PendingGrant[]; committees: readonly Option[] }) {
  const { lang } = p
  return (
    <section aria-labelledby="pending-grants-title" data-testid="pending-grants">
      <h2 id="pending-grants-title">{t(lang, 'staff.admin.grants.title')}</h2>
      <p>{t(lang, 'staff.admin.grants.hint')}</p>
      {p.grants.length === 0 ? (
        <p>{t(lang, 'staff.admin.grants.none')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t(lang, 'staff.admin.id')}</th>
                <th scope="col">{t(lang, 'staff.admin.role')}</th>
                <th scope="col">{t(lang, 'staff.admin.grants.requestedBy')}</th>
                <th scope="col">{t(lang, 'staff.admin.grants.decide')}</th>
              </tr>
            </thead>
            <tbody>
              {p.grants.map((g) => (
                <tr>
                  <td>
                    {g.displayName} ({g.userId})
                  </td>
                  <td>{membershipWords(lang, g.membership, p.committees)}</td>
                  <td>
                    {g.requestedBy}, {g.requestedAt.slice(0, 16).replace('T', ' ')} UTC
                  </td>
                  <td>
                    {(['confirm', 'refuse'] as const).map((d) => (
                      <form
                        novalidate
                        method="post"
                        action={`/staff/admin/users/grants/${d}`}
                        class="inline-form"
                      >
                        <input type="hidden" name="userId" value={g.userId} />
                        <input type="hidden" name="grantId" value={g.id} />
                        <button type="submit" class={d === 'refuse' ? 'secondary' : undefined}>
                          {t(lang, `staff.admin.grants.${d}`)}
                        </button>
                      </form>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

/** The audited role changes, newest first (the admin page and the supervisor's page). */
export function RoleChangeLog(p: {
  lang: Lang
  changes: readonly RoleChange[]
  committees: readonly Option[]
}) {
  const { lang } = p
  const words = (ms: readonly Membership[]) =>
    ms.map((m) => membershipWords(lang, m, p.committees)).join('; ')
  return (
    <section aria-labelledby="role-changes-title" data-testid="role-changes">
      <h2 id="role-changes-title">{t(lang, 'staff.roleChanges.title')}</h2>
      {p.changes.length === 0 ? (
        <p>{t(lang, 'staff.roleChanges.none')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t(lang, 'staff.roleChanges.at')}</th>
                <th scope="col">{t(lang, 'staff.admin.id')}</th>
                <th scope="col">{t(lang, 'staff.roleChanges.type')}</th>
                <th scope="col">{t(lang, 'staff.roleChanges.added')}</th>
                <th scope="col">{t(lang, 'staff.roleChanges.removed')}</th>
                <th scope="col">{t(lang, 'staff.roleChanges.by')}</th>
              </tr>
            </thead>
            <tbody>
              {p.changes.map((e) => (
                <tr>
                  <td>{e.at.slice(0, 19).replace('T', ' ')} UTC</td>
                  <td>{e.userId}</td>
                  <td>{t(lang, `staff.roleChanges.type.${e.type}`)}</td>
                  <td>{words(e.added)}</td>
                  <td>{words(e.removed)}</td>
                  <td>{e.by}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

export function UsersPage(
  p: Base & {
    users: readonly User[]
    committees: readonly Option[]
    grants: readonly PendingGrant[]
    changes: readonly RoleChange[]
  },
) {
  const { lang } = p
  const committeeName = (id?: string) => (id ? (p.committees.find((c) => c.value === id)?.label ?? id) : '')
  return (
    <AdminFrame
      {...p}
      title={t(lang, 'staff.admin.users')}
      linkable={['id', 'displayName', 'email', 'role', 'committeeId', 'memberships']}
    >
      <PendingGrants lang={lang} grants={p.grants} committees={p.committees} />
      <div class="table-wrap">
        <table data-testid="users">
          <caption>{t(lang, 'staff.admin.users.caption', { count: p.users.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t(lang, 'staff.admin.id')}</th>
              <th scope="col">{t(lang, 'staff.admin.displayName')}</th>
              <th scope="col">{t(lang, 'staff.admin.roles')}</th>
              <th scope="col">{t(lang, 'staff.admin.active')}</th>
            </tr>
          </thead>
          <tbody>
            {p.users.map((u) => (
              <tr>
                <td>
                  <a href={`/staff/admin/users?edit=${encodeURIComponent(u.id)}`}>{u.id}</a>
                </td>
                <td>{u.displayName}</td>
                <td>
                  {u.memberships
                    .map(
                      (m) =>
                        `${roleLabel(lang, m.role)}${m.committeeId ? ` – ${committeeName(m.committeeId)}` : ''}`,
                    )
                    .join('; ')}
                </td>
                <td>{t(lang, u.active ? 'staff.admin.yes' : 'staff.admin.no')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 id="user-form-title">{t(lang, 'staff.admin.users.form')}</h2>
      <form novalidate method="post" action="/staff/admin/users" aria-labelledby="user-form-title">
        {tf(p, 'id', 'staff.admin.id', { required: true, max: 64 })}
        {tf(p, 'displayName', 'staff.admin.displayName', { required: true, max: 200 })}
        {tf(p, 'email', 'staff.field.email', { type: 'email', max: 254 })}
        <SelectField
          lang={lang}
          name="role"
          label={t(lang, 'staff.admin.role')}
          options={ROLES.map((r) => ({ value: r, label: roleLabel(lang, r) }))}
          value={p.values.role}
          error={errorFor(p.errors, 'role')}
          required
        />
        <SelectField
          lang={lang}
          name="committeeId"
          label={t(lang, 'staff.field.committee')}
          options={p.committees}
          value={p.values.committeeId}
          error={errorFor(p.errors, 'committeeId')}
          empty={t(lang, 'staff.form.none')}
        />
        <CheckboxField
          lang={lang}
          name="active"
          label={t(lang, 'staff.admin.active')}
          checked={p.values.active !== 'false'}
        />
        <button type="submit" id="save-user">
          {t(lang, 'staff.admin.save')}
        </button>
      </form>
      <RoleChangeLog lang={lang} changes={p.changes} committees={p.committees} />
    </AdminFrame>
  )
}

export function DeadlinesPage(p: Base & { settings: DeadlineSettings }) {
  const { lang } = p
  return (
    <AdminFrame
      {...p}
      title={t(lang, 'staff.admin.deadlines')}
      linkable={['daysMode', ...LIMIT_SETTING_KEYS.map((k) => `limits.${k}`)]}
    >
      <form novalidate method="post" action="/staff/admin/deadlines">
        <input type="hidden" name="version" value={String(p.version)} />
        <SelectField
          lang={lang}
          name="daysMode"
          label={t(lang, 'staff.admin.daysMode')}
          hint={t(lang, 'staff.admin.daysMode.hint')}
          options={(['calendar', 'working'] as const).map((m) => ({
            value: m,
            label: t(lang, `staff.admin.daysMode.${m}`),
          }))}
          value={p.values.daysMode ?? p.settings.daysMode}
          error={errorFor(p.errors, 'daysMode')}
          required
        />
        {LIMIT_SETTING_KEYS.map((k) => (
          <TextField
            lang={lang}
            name={`limits.${k}`}
            label={t(lang, `staff.admin.limit.${k}`)}
            hint={t(lang, 'staff.admin.limit.hint')}
            value={
              p.values[`limits.${k}`] ??
              (p.settings.limits?.[k] !== undefined ? String(p.settings.limits[k]) : '')
            }
            error={errorFor(p.errors, `limits.${k}`)}
            type="number"
            inputmode="numeric"
            min={1}
          />
        ))}
        <SelectField
          lang={lang}
          name="complaintSuspensionAllowed"
          label={t(lang, 'staff.admin.suspensionAllowed')}
          options={[
            { value: 'true', label: t(lang, 'staff.admin.yes') },
            { value: 'false', label: t(lang, 'staff.admin.no') },
          ]}
          value={
            p.values.complaintSuspensionAllowed ??
            (p.settings.complaintSuspensionAllowed === undefined
              ? ''
              : String(p.settings.complaintSuspensionAllowed))
          }
          empty={t(lang, 'staff.admin.ruleDefault')}
        />
        <button type="submit" id="save-deadlines">
          {t(lang, 'staff.admin.save')}
        </button>
      </form>
    </AdminFrame>
  )
}

export interface CalendarPreview {
  start: string
  days: number
  due: string
}

export function CalendarPage(
  p: Base & {
    year: number
    daysOff: readonly DayOffInfo[]
    extraWorking: readonly { date: string; name: { vi: string; en: string } }[]
    overrides: { date: string; name: string; type: 'off' | 'working' }[]
    preview?: CalendarPreview
    previewValues: Record<string, string>
    previewError?: string
    /** The coming Tết has no recorded schedule (from 1 October): say so. */
    tetWarning?: TetScheduleWarning
    /** The form recording a notice's schedule. */
    notice: FormState
  },
) {
  const { lang } = p
  const noticeForm = { ...p, ...p.notice }
  return (
    <AdminFrame
      {...p}
      errors={[...p.errors, ...p.notice.errors]}
      title={t(lang, 'staff.admin.calendar.title', { year: p.year })}
      linkable={['date', 'name', 'type', 'year', 'occasion', 'daysOff', 'workingDays', 'basis']}
    >
      <TetWarning lang={lang} warning={p.tetWarning} />
      <nav class="pager" aria-label={t(lang, 'staff.admin.calendar.years')}>
        <a href={`/staff/admin/calendar?year=${p.year - 1}`}>{String(p.year - 1)}</a>
        <a href={`/staff/admin/calendar?year=${p.year + 1}`}>{String(p.year + 1)}</a>
      </nav>
      <h2>{t(lang, 'staff.admin.calendar.holidays')}</h2>
      <div class="table-wrap">
        <table data-testid="holidays">
          <caption>{t(lang, 'staff.admin.calendar.holidays.caption', { year: p.year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t(lang, 'staff.admin.date')}</th>
              <th scope="col">{t(lang, 'staff.admin.name')}</th>
            </tr>
          </thead>
          <tbody>
            {p.daysOff.map((d) => (
              <tr>
                <td>
                  <time datetime={d.date}>{formatDate(d.date)}</time>
                </td>
                <td>
                  {d.name[lang]}
                  {d.basis && <span class="hint">{` (${d.basis})`}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t(lang, 'staff.admin.calendar.overrides')}</h2>
      {p.overrides.length === 0 ? (
        <p>{t(lang, 'staff.admin.calendar.none')}</p>
      ) : (
        <ul data-testid="overrides">
          {p.overrides.map((o) => (
            <li>
              {`${formatDate(o.date)} – ${o.name} (${t(lang, o.type === 'off' ? 'staff.admin.calendar.off' : 'staff.admin.calendar.working')}) `}
              <form novalidate method="post" action="/staff/admin/calendar/remove" class="inline-form">
                <input type="hidden" name="version" value={String(p.version)} />
                <input type="hidden" name="date" value={o.date} />
                <input type="hidden" name="year" value={String(p.year)} />
                <button
                  type="submit"
                  class="secondary"
                  aria-label={t(lang, 'staff.admin.calendar.removeDay', { date: formatDate(o.date) })}
                >
                  {t(lang, 'staff.admin.delete')}
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <h2 id="day-form-title">{t(lang, 'staff.admin.calendar.add')}</h2>
      <form novalidate method="post" action="/staff/admin/calendar" aria-labelledby="day-form-title">
        <input type="hidden" name="version" value={String(p.version)} />
        {tf(p, 'date', 'staff.admin.date', {
          required: true,
          max: 10,
          hint: t(lang, 'staff.reception.receivedAt.hint'),
        })}
        {tf(p, 'name', 'staff.admin.name', { required: true, max: 200 })}
        <SelectField
          lang={lang}
          name="type"
          label={t(lang, 'staff.admin.calendar.type')}
          options={[
            { value: 'off', label: t(lang, 'staff.admin.calendar.off') },
            { value: 'working', label: t(lang, 'staff.admin.calendar.working') },
          ]}
          value={p.values.type}
          required
        />
        <button type="submit" id="save-day">
          {t(lang, 'staff.admin.calendar.addButton')}
        </button>
      </form>
      <h2 id="notice-form-title">{t(lang, 'staff.admin.calendar.notice')}</h2>
      <p>{t(lang, 'staff.admin.calendar.notice.help')}</p>
      <form
        novalidate
        method="post"
        action="/staff/admin/calendar/notice"
        aria-labelledby="notice-form-title"
      >
        <input type="hidden" name="version" value={String(p.version)} />
        {tf(noticeForm, 'year', 'staff.admin.calendar.notice.year', { required: true, max: 4 })}
        <SelectField
          lang={lang}
          name="occasion"
          label={t(lang, 'staff.admin.calendar.notice.occasion')}
          options={OCCASIONS.map((o) => ({ value: o, label: t(lang, `staff.admin.calendar.occasion.${o}`) }))}
          value={noticeForm.values.occasion}
          required
        />
        {tf(noticeForm, 'daysOff', 'staff.admin.calendar.notice.daysOff', {
          required: true,
          max: 200,
          hint: t(lang, 'staff.admin.calendar.notice.datesHint'),
        })}
        {tf(noticeForm, 'workingDays', 'staff.admin.calendar.notice.workingDays', {
          max: 100,
          hint: t(lang, 'staff.admin.calendar.notice.datesHint'),
        })}
        {tf(noticeForm, 'basis', 'staff.admin.calendar.notice.basis', { required: true, max: 300 })}
        <button type="submit" id="save-notice">
          {t(lang, 'staff.admin.calendar.notice.save')}
        </button>
      </form>
      <h2 id="preview-title">{t(lang, 'staff.admin.calendar.preview')}</h2>
      <form method="get" action="/staff/admin/calendar" class="filters" aria-labelledby="preview-title">
        <input type="hidden" name="year" value={String(p.year)} />
        <div class="field">
          <label for="f-start">{t(lang, 'staff.admin.calendar.start')}</label>
          <span class="hint" id="f-start-hint">
            {t(lang, 'staff.reception.receivedAt.hint')}
          </span>
          {p.previewError && (
            <span class="error-message" id="f-start-error">
              {p.previewError}
            </span>
          )}
          <input
            type="text"
            id="f-start"
            name="start"
            value={p.previewValues.start ?? ''}
            aria-describedby={p.previewError ? 'f-start-hint f-start-error' : 'f-start-hint'}
          />
        </div>
        <div class="field">
          <label for="f-days">{t(lang, 'staff.admin.calendar.days')}</label>
          <input
            type="number"
            id="f-days"
            name="days"
            value={p.previewValues.days ?? '10'}
            min={1}
            inputmode="numeric"
          />
        </div>
        <div class="actions">
          <button type="submit" id="run-preview">
            {t(lang, 'staff.admin.calendar.compute')}
          </button>
        </div>
      </form>
      {p.preview && (
        <p class="notice" role="status" data-testid="preview-result">
          {t(lang, 'staff.admin.calendar.previewResult', {
            days: p.preview.days,
            start: formatDate(p.preview.start),
            due: formatDate(p.preview.due),
          })}
        </p>
      )}
    </AdminFrame>
  )
}

/** The supervisors' view of the audited role changes (who gave whom which role, and who confirmed). */
export function RoleChangesPage(
  p: Omit<Base, 'errors' | 'values' | 'version'> & {
    changes: readonly RoleChange[]
    committees: readonly Option[]
  },
) {
  const title = t(p.lang, 'staff.roleChanges.title')
  return (
    <StaffLayout
      lang={p.lang}
      organizationName={p.organizationName}
      title={title}
      user={p.user}
      langHref={p.langHref}
    >
      <RoleChangeLog lang={p.lang} changes={p.changes} committees={p.committees} />
    </StaffLayout>
  )
}
