import { ROLES } from '../../../../shared/domain/vocabulary.js'
import type { PendingGrant } from '../../../../shared/service/users.js'
import type { Membership, RoleChange, User } from '../../../../shared/store/users.js'
import { bindFields, ColumnHeads } from '../../../components.js'
import { t } from '../../../i18n.js'
import type { Lang } from '../../../types.js'
import { CheckboxField, type Option, SelectField } from '../../components.js'
import { chromeOf, StaffLayout } from '../../layout.js'
import { roleLabel } from '../case.js'
import { AdminFrame, type Base, tf } from './frame.js'

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
            <ColumnHeads
              lang={lang}
              of="staff.admin"
              cols={['id', 'role', 'grants.requestedBy', 'grants.decide']}
            />
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
            <ColumnHeads
              lang={lang}
              of="staff.roleChanges"
              cols={['at', { key: 'staff.admin.id' }, 'type', 'added', 'removed', 'by']}
            />
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
  const { field } = bindFields(lang, p)
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
          <ColumnHeads lang={lang} of="staff.admin" cols={['id', 'displayName', 'roles', 'active']} />
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
          {...field('role')}
          label={t(lang, 'staff.admin.role')}
          options={ROLES.map((r) => ({ value: r, label: roleLabel(lang, r) }))}
          required
        />
        <SelectField
          {...field('committeeId')}
          label={t(lang, 'staff.field.committee')}
          options={p.committees}
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

/** The supervisors' view of the audited role changes (who gave whom which role, and who confirmed). */
export function RoleChangesPage(
  p: Omit<Base, 'errors' | 'values' | 'version'> & {
    changes: readonly RoleChange[]
    committees: readonly Option[]
  },
) {
  const title = t(p.lang, 'staff.roleChanges.title')
  return (
    <StaffLayout {...chromeOf(p)} title={title}>
      <RoleChangeLog lang={p.lang} changes={p.changes} committees={p.committees} />
    </StaffLayout>
  )
}
