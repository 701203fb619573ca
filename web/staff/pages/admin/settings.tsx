import type { DayOffInfo, TetScheduleWarning } from '../../../../shared/domain/calendar.js'
import type { DeadlineSettings } from '../../../../shared/domain/deadline-rules.js'
import { LIMIT_SETTING_KEYS } from '../../../../shared/domain/deadline-rules.js'
import { OCCASIONS } from '../../../../shared/domain/holiday-notices.js'
import { ColumnHeads, errorFor, TextField } from '../../../components.js'
import { formatDate, t } from '../../../i18n.js'
import { SelectField, TetWarning } from '../../components.js'
import type { FormState } from '../../form.js'
import { AdminFrame, type Base, tf } from './frame.js'

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
          <ColumnHeads lang={lang} of="staff.admin" cols={['date', 'name']} />
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
