/** A committee's queue: its open cases nearest due first, the filters and the search box. */
import { Hono } from 'hono'
import { OPEN_STATUSES, STATUSES } from '../../../shared/domain/lifecycle.js'
import { CHANNELS, KINDS } from '../../../shared/domain/vocabulary.js'
import { label, t } from '../../i18n.js'
import type { Lang } from '../../types.js'
import { committeeOptions, layout, render, topicOptions } from '../http.js'
import { QueuePage } from '../pages/queue.js'
import type { StaffEnv, StaffPageDeps } from '../types.js'

function filterOptions(lang: Lang) {
  return {
    kinds: KINDS.map((k) => ({ value: k, label: label(lang, 'kind', k) })),
    statuses: STATUSES.filter((s) => OPEN_STATUSES.includes(s)).map((s) => ({
      value: s,
      label: label(lang, 'status', s),
    })),
    topics: topicOptions(lang),
    channels: CHANNELS.map((ch) => ({ value: ch, label: t(lang, `staff.channel.${ch}`) })),
  }
}

const FILTERS = ['committee', 'kind', 'status', 'topic', 'channel', 'due', 'q', 'cursor', 'offset'] as const

export function queueRoutes(deps: StaffPageDeps) {
  const app = new Hono<StaffEnv>()
  app.get('/staff/queue', async (c) => {
    const lang = c.get('lang')
    const query = Object.fromEntries(
      FILTERS.map((name) => [name, c.req.query(name)?.trim() || undefined]),
    ) as Record<(typeof FILTERS)[number], string | undefined>
    const answer = await deps.workspace.queue(c.get('user'), query)
    if ('goTo' in answer) return c.redirect(`/staff/cases/${answer.goTo}`, 303)
    const { filters } = answer
    const params = new URLSearchParams(
      Object.entries(filters).filter((e): e is [string, string] => Boolean(e[1])),
    )
    return render(
      c,
      <QueuePage
        {...layout(c, deps.organizationName)}
        committees={committeeOptions(answer.readable, lang)}
        filters={filters}
        options={filterOptions(lang)}
        rows={answer.items}
        nextHref={answer.next ? `/staff/queue?${params}&${answer.next}` : undefined}
        firstHref={answer.paged ? `/staff/queue?${params}` : undefined}
        searchNote={answer.noMatch ? t(lang, 'staff.queue.noMatch') : undefined}
      />,
    )
  })
  return app
}
