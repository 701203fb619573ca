import { type RoutingRule, TOPICS } from '../../../../shared/domain/routing.js'
import { KINDS } from '../../../../shared/domain/vocabulary.js'
import { bindFields, ColumnHeads } from '../../../components.js'
import { label, t } from '../../../i18n.js'
import { CheckboxField, type Option, SelectField } from '../../components.js'
import { AdminFrame, type Base, tf } from './frame.js'

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
  const { field } = bindFields(lang, p)
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
          <ColumnHeads
            lang={lang}
            of="staff.admin"
            cols={['priority', 'id', 'description', 'target', 'actions']}
          />
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
          {...field('target')}
          label={t(lang, 'staff.admin.target')}
          options={[{ value: '*', label: t(lang, 'staff.admin.target.byOrganization') }, ...p.committees]}
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
