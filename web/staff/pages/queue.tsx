import type { QueueFilters, QueueItem } from '../../../shared/service/workspace.js'
import { formatDate, label, t } from '../../i18n.js'
import type { Lang } from '../../types.js'
import { type Option, SelectField, UrgencyBadge } from '../components.js'
import { chromeOf, StaffLayout, type StaffUserView } from '../layout.js'

/** One open case as the lists show it: the workspace service's item, with its committee's name. */
export interface QueueRow extends Omit<QueueItem, 'committeeId'> {
  readonly committeeName?: string
}

export type { QueueFilters }

export interface QueuePageProps {
  lang: Lang
  organizationName: { vi: string; en: string }
  user: StaffUserView
  langHref: string
  committees: readonly Option[]
  filters: QueueFilters
  options: { kinds: Option[]; statuses: Option[]; topics: Option[]; channels: Option[] }
  rows: readonly QueueRow[]
  /** The next page's address, when there is one. */
  nextHref?: string
  firstHref?: string
  /** A search that found nothing, or a code outside the viewer's scope. */
  searchNote?: string
}

export function QueuePage(p: QueuePageProps) {
  const { lang, filters } = p
  const title = t(lang, 'staff.queue.title')
  const filter = (name: keyof QueueFilters) => ({ lang, name, value: filters[name] })
  const any = t(lang, 'staff.queue.any')
  const urgencies = (['overdue', 'due_soon'] as const).map((u) => ({
    value: u,
    label: t(lang, `staff.urgency.${u}`),
  }))
  // The filters beside the committee: each a choice with "any" first.
  const choices = [
    ['kind', 'staff.field.kind', p.options.kinds],
    ['status', 'staff.field.status', p.options.statuses],
    ['topic', 'staff.field.topic', p.options.topics],
    ['channel', 'staff.field.channel', p.options.channels],
    ['due', 'staff.queue.due', urgencies],
  ] as const
  return (
    <StaffLayout {...chromeOf(p)} title={title} current="queue">
      <h1>{title}</h1>
      <form method="get" action="/staff/queue" class="filters" aria-label={t(lang, 'staff.queue.filters')}>
        <SelectField
          {...filter('committee')}
          label={t(lang, 'staff.queue.committee')}
          options={p.committees}
        />
        {choices.map(([name, key, options]) => (
          <SelectField {...filter(name)} label={t(lang, key)} options={options} empty={any} />
        ))}
        <div class="field">
          <label for="f-q">{t(lang, 'staff.queue.search')}</label>
          <span class="hint" id="f-q-hint">
            {t(lang, 'staff.queue.search.hint')}
          </span>
          <input
            type="text"
            id="f-q"
            name="q"
            value={filters.q ?? ''}
            aria-describedby="f-q-hint"
            autocomplete="off"
          />
        </div>
        <div class="actions">
          <button type="submit" id="apply-filters">
            {t(lang, 'staff.queue.apply')}
          </button>
          <a
            class="button secondary"
            href={`/staff/queue?committee=${encodeURIComponent(filters.committee)}`}
          >
            {t(lang, 'staff.queue.clear')}
          </a>
        </div>
      </form>
      {p.searchNote && <p class="note">{p.searchNote}</p>}
      <QueueTable
        lang={lang}
        rows={p.rows}
        caption={t(lang, 'staff.queue.caption', { count: p.rows.length })}
      />
      <nav class="pager" aria-label={t(lang, 'staff.queue.paging')}>
        {p.firstHref && <a href={p.firstHref}>{t(lang, 'staff.queue.first')}</a>}
        {p.nextHref && (
          <a href={p.nextHref} id="next-page" rel="next">
            {t(lang, 'staff.queue.next')}
          </a>
        )}
      </nav>
    </StaffLayout>
  )
}

/** The table of cases (queue, dashboard, triage): the code links to the case page. */
export function QueueTable(props: {
  lang: Lang
  rows: readonly QueueRow[]
  caption: string
  showCommittee?: boolean
}) {
  const { lang, rows } = props
  if (rows.length === 0) return <p data-testid="queue-empty">{t(lang, 'staff.queue.empty')}</p>
  const names = rows.some((r) => r.petitionerName)
  return (
    <div class="table-wrap">
      <table data-testid="queue">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t(lang, 'staff.field.code')}</th>
            <th scope="col">{t(lang, 'staff.field.title')}</th>
            {names && <th scope="col">{t(lang, 'staff.field.petitioner')}</th>}
            <th scope="col">{t(lang, 'staff.field.kind')}</th>
            <th scope="col">{t(lang, 'staff.field.status')}</th>
            {props.showCommittee && <th scope="col">{t(lang, 'staff.field.committee')}</th>}
            <th scope="col">{t(lang, 'staff.field.received')}</th>
            <th scope="col">{t(lang, 'staff.field.nextDue')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr data-code={r.trackingCode}>
              <td>
                <a href={`/staff/cases/${r.trackingCode}`} class="code-link">
                  {r.trackingCode}
                </a>
              </td>
              <td class="user-text">{r.title}</td>
              {names && <td>{r.petitionerName ?? ''}</td>}
              <td>{label(lang, 'kind', r.kind)}</td>
              <td>{label(lang, 'status', r.status)}</td>
              {props.showCommittee && <td>{r.committeeName ?? ''}</td>}
              <td>
                <time datetime={r.receivedOn}>{formatDate(r.receivedOn)}</time>
              </td>
              <td>
                {r.nextDue ? <time datetime={r.nextDue}>{formatDate(r.nextDue)}</time> : '—'}{' '}
                <UrgencyBadge lang={lang} urgency={r.urgency} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
