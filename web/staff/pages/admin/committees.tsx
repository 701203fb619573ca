/** The committee tree and its edit form. */
import type { Child } from 'hono/jsx'
import { COMMITTEE_TYPES, type Committee } from '../../../../shared/domain/routing.js'
import { bindFields } from '../../../components.js'
import { t } from '../../../i18n.js'
import type { Lang } from '../../../types.js'
import { CheckboxField, type Option, SelectField } from '../../components.js'
import { CommitteeDocumentFields } from '../admin-documents.js'
import { AdminFrame, type Base, tf } from './frame.js'

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
  const { field } = bindFields(lang, p)
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
          {...field('parentId')}
          label={t(lang, 'staff.admin.parent')}
          options={options}
          empty={t(lang, 'staff.form.none')}
        />
        <SelectField
          {...field('type')}
          label={t(lang, 'staff.admin.type')}
          options={COMMITTEE_TYPES.map((c) => ({ value: c, label: t(lang, `staff.committeeType.${c}`) }))}
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
