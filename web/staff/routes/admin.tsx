/**
 * The administrators' configuration: committees, routing rules, accounts, time-limit settings and
 * the working calendar. Each write carries the item's version; a stale one is shown on the form.
 */

import { Hono } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { tetScheduleWarning, WorkingCalendar } from '../../../shared/domain/calendar.js'
import { vietnamDate } from '../../../shared/domain/dates.js'
import { LIMIT_SETTING_KEYS } from '../../../shared/domain/deadline-rules.js'
import { canManageUsers, canReadRoleChanges } from '../../../shared/domain/policy.js'
import { routePetition } from '../../../shared/domain/routing.js'
import { userInputSchema } from '../../../shared/domain/schemas.js'
import { KINDS } from '../../../shared/domain/vocabulary.js'
import type { User } from '../../../shared/store/users.js'
import { t } from '../../i18n.js'
import {
  emptyForm,
  type FieldKind,
  type FormDefinition,
  type FormHandlers,
  type FormState,
  readBody,
  staleError,
  submitForm,
  text,
} from '../form.js'
import {
  committeeName,
  committeeOptions,
  formLimit,
  layout,
  lines,
  messagePage,
  parseVietnameseDate,
  render,
  type StaffContext,
} from '../http.js'
import {
  AdminIndexPage,
  CalendarPage,
  CommitteesPage,
  DeadlinesPage,
  RoleChangesPage,
  RoutingPage,
  UsersPage,
} from '../pages/admin/index.js'
import {
  DOCUMENT_SETTING_FIELDS,
  documentSettingsInput,
  documentSettingsValues,
} from '../pages/admin-documents.js'
import type { StaffEnv, StaffPageDeps } from '../types.js'

type AdminDeps = StaffPageDeps['admin']

/** A configuration form: checked by the admin service, so no schema here. */
const configForm = <I,>(
  fields: Record<string, FieldKind>,
  input: (values: Record<string, string>) => I,
  fieldOf?: (path: string) => string,
): FormDefinition<I> => ({ fields, input, fallback: 'form', fieldOf })

const committeeForm = configForm(
  {
    id: 'text',
    name: 'text',
    nameEn: 'text',
    parentId: 'text',
    type: 'text',
    organizations: 'multiline',
    remoteArea: 'check',
    ...DOCUMENT_SETTING_FIELDS,
  },
  (values) =>
    ({
      id: values.id,
      name: values.name,
      ...(values.nameEn ? { nameEn: values.nameEn } : {}),
      ...(values.parentId ? { parentId: values.parentId } : {}),
      type: values.type,
      organizations: lines(values.organizations ?? ''),
      remoteArea: values.remoteArea === 'true',
      ...documentSettingsInput(values),
    }) as Parameters<AdminDeps['saveCommittee']>[1],
)

const routingForm = configForm(
  {
    id: 'text',
    priority: 'text',
    'description.vi': 'text',
    'description.en': 'text',
    topic: 'text',
    target: 'text',
    organizations: 'multiline',
    ...Object.fromEntries(KINDS.map((k) => [`kinds.${k}`, 'check' as const])),
  },
  (values) => {
    const kinds = KINDS.filter((k) => values[`kinds.${k}`] === 'true')
    const orgs = lines(values.organizations ?? '')
    return {
      id: values.id,
      priority: Number(values.priority),
      description: { vi: values['description.vi'], en: values['description.en'] },
      ...(kinds.length > 0 ? { kinds } : {}),
      ...(values.topic ? { topics: [values.topic] } : {}),
      ...(orgs.length > 0 ? { organizations: orgs } : {}),
      target: values.target === '*' ? { byConcernedOrganization: true } : { committeeId: values.target },
    } as Parameters<AdminDeps['saveRoutingRule']>[1]
  },
)

/** The form edits an account's first membership (the others are kept by the route). */
const accountField = (path: string) => path.replace(/^memberships\.0\./, '')
const userForm: FormDefinition<ReturnType<typeof userInputSchema.parse>> = {
  fields: {
    id: 'text',
    displayName: 'text',
    email: 'text',
    role: 'text',
    committeeId: 'text',
    active: 'check',
  },
  input: (values) => ({
    displayName: values.displayName,
    ...(values.email ? { email: values.email } : {}),
    memberships: [{ role: values.role, ...(values.committeeId ? { committeeId: values.committeeId } : {}) }],
    active: values.active === 'true',
  }),
  schema: userInputSchema,
  fieldOf: accountField,
  fallback: 'form',
}

const deadlinesForm = configForm(
  {
    daysMode: 'text',
    complaintSuspensionAllowed: 'text',
    ...Object.fromEntries(LIMIT_SETTING_KEYS.map((k) => [`limits.${k}`, 'text' as const])),
  },
  (values) => {
    const limits = Object.fromEntries(
      LIMIT_SETTING_KEYS.filter((k) => values[`limits.${k}`]).map((k) => [k, Number(values[`limits.${k}`])]),
    )
    return {
      daysMode: values.daysMode,
      ...(Object.keys(limits).length > 0 ? { limits } : {}),
      ...(values.complaintSuspensionAllowed
        ? { complaintSuspensionAllowed: values.complaintSuspensionAllowed === 'true' }
        : {}),
    } as Parameters<AdminDeps['saveDeadlineSettings']>[1]
  },
)

const calendarForm = configForm(
  { date: 'text', name: 'text', type: 'text' },
  (values) => ({
    date: parseVietnameseDate(values.date ?? ''),
    name: values.name ?? '',
    type: values.type === 'working' ? ('working' as const) : ('off' as const),
  }),
  (path) => (path === 'local_date' ? 'date' : path),
)

/** Dates typed as dd/mm/yyyy, separated by commas, spaces or new lines. */
const dateList = (value: string | undefined) =>
  (value ?? '')
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map((d) => parseVietnameseDate(d))

/** The government's schedule for one break, recorded before it ships in holiday-notices.ts. */
const noticeForm = configForm(
  { year: 'text', occasion: 'text', daysOff: 'text', workingDays: 'text', basis: 'text' },
  (values) => ({
    year: Number(values.year),
    occasion: values.occasion,
    daysOff: dateList(values.daysOff),
    ...(values.workingDays ? { workingDays: dateList(values.workingDays) } : {}),
    basis: values.basis ?? '',
  }),
  (path) => path.replace(/\.\d+$/, ''),
)

const yearOf = (text: string | undefined, fallback: number) => {
  const n = Number(text)
  return Number.isInteger(n) && n >= 1990 && n <= 2199 ? n : fallback
}

/** A stale version says so on the form; the write's own refusals as the form mechanism maps them. */
function configWrite<I>(
  c: StaffContext,
  run: FormHandlers<I>['run'],
  again: (form: FormState, status: 409 | 422) => Promise<Response>,
  status: 409 | 422 = 422,
): FormHandlers<I> {
  return {
    run,
    again: (form) =>
      again(form.stale ? { values: form.values, errors: [staleError(c.get('lang'))] } : form, status),
    notFoundOnForm: true,
  }
}

export function adminRoutes(deps: StaffPageDeps) {
  const org = deps.organizationName
  const app = new Hono<StaffEnv>()
  const version = (body: Record<string, unknown>) => Number(text(body as never, 'version'))
  const base = (c: StaffContext) => ({ ...layout(c, org), done: c.req.query('done') ? 'saved' : undefined })
  const thisYear = () => Number(vietnamDate(deps.now()).slice(0, 4))

  // The role change log: supervisors oversee it (the service refuses everyone else).
  app.get('/staff/role-changes', async (c) => {
    if (!canReadRoleChanges(c.get('user'))) return messagePage(c, org, 403)
    const [changes, committees] = await Promise.all([
      deps.accounts.roleChanges(c.get('user')),
      deps.settings.getCommittees(),
    ])
    return render(
      c,
      <RoleChangesPage
        {...layout(c, org)}
        changes={changes}
        committees={committeeOptions(committees.value, c.get('lang'))}
      />,
    )
  })

  app.use('/staff/admin', async (c, next) =>
    canManageUsers(c.get('user')) ? next() : messagePage(c, org, 403),
  )
  app.use('/staff/admin/*', async (c, next) =>
    canManageUsers(c.get('user')) ? next() : messagePage(c, org, 403),
  )
  app.get('/staff/admin', (c) => render(c, <AdminIndexPage {...base(c)} />))

  /** A configuration item's form: saved with the version it was shown with, then back to its page. */
  function configPost<I>(
    path: string,
    form: FormDefinition<I>,
    save: (user: User, input: I, version: number) => Promise<unknown>,
    page: (c: StaffContext, form: FormState, status: 409 | 422) => Promise<Response>,
    precheck?: FormHandlers<I>['precheck'],
  ) {
    app.post(path, formLimit, async (c) => {
      const body = await readBody(c)
      const write = configWrite<I>(
        c,
        async (input) => {
          await save(c.get('user'), input, version(body))
          return `${path}?done=1`
        },
        (f, status) => page(c, f, status),
      )
      return submitForm(c, form, { ...write, precheck }, body)
    })
  }

  // ---- Committees
  const committeesPage = async (c: StaffContext, form: FormState, status: ContentfulStatusCode = 200) => {
    const item = await deps.settings.getCommittees()
    return render(
      c,
      <CommitteesPage {...base(c)} committees={item.value} {...form} version={item.version} />,
      status,
    )
  }
  app.get('/staff/admin/committees', async (c) => {
    const edit = c.req.query('edit')
    const found = edit ? (await deps.settings.getCommittees()).value.find((x) => x.id === edit) : undefined
    return committeesPage(
      c,
      emptyForm(
        found
          ? {
              id: found.id,
              name: found.name,
              nameEn: found.nameEn ?? '',
              parentId: found.parentId ?? '',
              type: found.type,
              organizations: found.organizations.join('\n'),
              remoteArea: found.remoteArea ? 'true' : '',
              ...documentSettingsValues(found),
            }
          : { type: 'subordinate' },
      ),
    )
  })
  configPost('/staff/admin/committees', committeeForm, deps.admin.saveCommittee, committeesPage)

  // ---- Routing rules
  const routingPage = async (c: StaffContext, form: FormState, status: ContentfulStatusCode = 200) => {
    const lang = c.get('lang')
    const [rules, committees] = await Promise.all([
      deps.settings.getRoutingRules(),
      deps.settings.getCommittees(),
    ])
    const tv = Object.fromEntries(
      ['testKind', 'testTopic', 'testSubmitter', 'testOrganization'].map((k) => [k, c.req.query(k) ?? '']),
    ) as Record<string, string>
    let result: { committee: string; reason: string; ruleId?: string } | undefined
    if (tv.testKind && (KINDS as readonly string[]).includes(tv.testKind)) {
      const decision = routePetition(
        {
          kind: tv.testKind as (typeof KINDS)[number],
          topic: tv.testTopic || undefined,
          submitterType: tv.testSubmitter === 'member' ? 'member' : 'citizen',
          concernedOrganization: tv.testOrganization || undefined,
        },
        rules.value,
        committees.value,
      )
      result = {
        committee: committeeName(committees.value, decision.committeeId, lang),
        reason: decision.reason[lang],
        ruleId: decision.ruleId,
      }
    }
    return render(
      c,
      <RoutingPage
        {...base(c)}
        rules={rules.value}
        committees={committeeOptions(committees.value, lang)}
        {...form}
        version={rules.version}
        test={{ values: tv, result }}
      />,
      status,
    )
  }
  app.get('/staff/admin/routing', (c) => routingPage(c, emptyForm()))
  configPost('/staff/admin/routing', routingForm, deps.admin.saveRoutingRule, routingPage, (values, lang) =>
    values.target ? [] : [{ field: 'target', message: t(lang, 'staff.admin.target.missing') }],
  )
  app.post('/staff/admin/routing/delete', formLimit, async (c) => {
    const body = await readBody(c)
    return submitForm(
      c,
      configForm({ id: 'text' }, (values) => values.id ?? ''),
      configWrite(
        c,
        async (id) => {
          await deps.admin.deleteRoutingRule(c.get('user'), id, version(body))
          return '/staff/admin/routing?done=1'
        },
        (form, status) => routingPage(c, { ...form, values: {} }, status),
        409,
      ),
      body,
    )
  })

  // ---- Accounts
  const usersPage = async (c: StaffContext, form: FormState, status: ContentfulStatusCode = 200) => {
    const [list, committees, grants, changes] = await Promise.all([
      deps.accounts.list(),
      deps.settings.getCommittees(),
      deps.accounts.pendingGrants(c.get('user')),
      deps.accounts.roleChanges(c.get('user')),
    ])
    return render(
      c,
      <UsersPage
        {...base(c)}
        users={list}
        grants={grants}
        changes={changes}
        committees={committeeOptions(committees.value, c.get('lang'))}
        values={form.values}
        errors={form.errors}
        version={0}
      />,
      status,
    )
  }
  app.get('/staff/admin/users', async (c) => {
    const edit = c.req.query('edit')
    const found = edit ? await deps.users.getUser(edit) : undefined
    return usersPage(
      c,
      emptyForm(
        found
          ? {
              id: found.id,
              displayName: found.displayName,
              email: found.email ?? '',
              role: found.memberships[0]?.role ?? 'member',
              committeeId: found.memberships[0]?.committeeId ?? '',
              active: String(found.active),
            }
          : {},
      ),
    )
  })
  app.post('/staff/admin/users', formLimit, async (c) =>
    submitForm(c, userForm, {
      precheck: (values, lang) =>
        /^[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}$/.test(values.id ?? '')
          ? []
          : [{ field: 'id', message: t(lang, 'staff.admin.id.invalid') }],
      run: async (input, values) => {
        const id = values.id!
        // The form edits the first membership; any others the account has are kept.
        const rest = (await deps.users.getUser(id))?.memberships.slice(1) ?? []
        await deps.accounts.put(id, { ...input, memberships: [...input.memberships, ...rest] }, c.get('user'))
        return '/staff/admin/users?done=1'
      },
      again: (form) =>
        usersPage(
          c,
          {
            values: { ...form.values, active: form.values.active === 'true' ? 'true' : 'false' },
            errors: form.stale ? [staleError(c.get('lang'))] : form.errors,
          },
          422,
        ),
      notFoundOnForm: true,
    }),
  )

  // A pending grant: confirmed by another admin, or refused (the service says who may).
  for (const decision of ['confirm', 'refuse'] as const)
    app.post(`/staff/admin/users/grants/${decision}`, formLimit, async (c) => {
      const body = await readBody(c)
      return submitForm(
        c,
        configForm({ userId: 'text', grantId: 'text' }, (values) => values),
        {
          run: async (values) => {
            await deps.accounts.decide(
              values.userId ?? '',
              values.grantId ?? '',
              decision === 'confirm' ? 'confirmed' : 'refused',
              c.get('user'),
            )
            return '/staff/admin/users?done=1'
          },
          again: (form, status) => usersPage(c, { values: {}, errors: form.errors }, status),
        },
        body,
      )
    })

  // ---- Time-limit settings
  const deadlinesPage = async (c: StaffContext, form: FormState, status: ContentfulStatusCode = 200) => {
    const item = await deps.settings.getDeadlineSettings()
    return render(
      c,
      <DeadlinesPage {...base(c)} settings={item.value} {...form} version={item.version} />,
      status,
    )
  }
  app.get('/staff/admin/deadlines', (c) => deadlinesPage(c, emptyForm()))
  configPost('/staff/admin/deadlines', deadlinesForm, deps.admin.saveDeadlineSettings, deadlinesPage)

  // ---- Working calendar
  const calendarPage = async (
    c: StaffContext,
    year: number,
    form: FormState,
    status: ContentfulStatusCode = 200,
    noticeState: FormState = emptyForm({ year: String(year), occasion: 'tet' }),
  ) => {
    const lang = c.get('lang')
    const item = await deps.settings.getCalendarOverrides()
    const calendar = new WorkingCalendar(item.value)
    const tetWarning = tetScheduleWarning(calendar, vietnamDate(deps.now()))
    const mine = item.value.find((x) => x.year === year)
    const nameOf = (n: unknown) =>
      typeof n === 'string'
        ? n
        : n && typeof n === 'object'
          ? ((n as Record<string, string>)[lang] ?? '')
          : ''
    const overrides = [
      ...(mine?.daysOff ?? []).map((d) => ({ date: d.date, name: nameOf(d.name), type: 'off' as const })),
      ...(mine?.workingDays ?? []).map((d) => ({
        date: d.date,
        name: nameOf(d.name),
        type: 'working' as const,
      })),
    ].sort((a, b) => a.date.localeCompare(b.date))
    const previewValues = { start: c.req.query('start') ?? '', days: c.req.query('days') ?? '' }
    let preview: { start: string; days: number; due: string } | undefined
    let previewError: string | undefined
    if (previewValues.start) {
      const start = parseVietnameseDate(previewValues.start)
      const days = Number(previewValues.days || '10')
      if (/^\d{4}-\d{2}-\d{2}$/.test(start) && Number.isInteger(days) && days >= 1 && days <= 400) {
        try {
          preview = { start, days, due: calendar.addWorkingDays(start, days) }
        } catch {
          previewError = t(lang, 'staff.admin.calendar.previewInvalid')
        }
      } else previewError = t(lang, 'staff.admin.calendar.previewInvalid')
    }
    return render(
      c,
      <CalendarPage
        {...base(c)}
        year={year}
        daysOff={calendar.holidays(year)}
        extraWorking={calendar.extraWorkingDays(year)}
        overrides={overrides}
        {...form}
        version={item.version}
        preview={preview}
        previewValues={previewValues}
        previewError={previewError}
        tetWarning={tetWarning}
        notice={noticeState}
      />,
      status,
    )
  }
  app.get('/staff/admin/calendar', (c) =>
    calendarPage(c, yearOf(c.req.query('year'), thisYear()), emptyForm({ type: 'off' })),
  )
  app.post('/staff/admin/calendar', formLimit, async (c) => {
    const body = await readBody(c)
    const year = yearOf(parseVietnameseDate(text(body, 'date')).slice(0, 4), thisYear())
    return submitForm(
      c,
      calendarForm,
      configWrite(
        c,
        async (day) => {
          await deps.admin.addCalendarDay(c.get('user'), day, version(body))
          return `/staff/admin/calendar?year=${year}&done=1`
        },
        (form, status) =>
          calendarPage(
            c,
            year,
            { ...form, values: { ...form.values, type: form.values.type === 'working' ? 'working' : 'off' } },
            status,
          ),
      ),
      body,
    )
  })
  app.post('/staff/admin/calendar/notice', formLimit, async (c) => {
    const body = await readBody(c)
    const year = yearOf(text(body, 'year'), thisYear())
    return submitForm(
      c,
      noticeForm,
      configWrite(
        c,
        async (notice) => {
          await deps.admin.recordHolidayNotice(c.get('user'), notice, version(body))
          return `/staff/admin/calendar?year=${year}&done=1`
        },
        (form, status) => calendarPage(c, year, emptyForm({ type: 'off' }), status, form),
      ),
      body,
    )
  })
  app.post('/staff/admin/calendar/remove', formLimit, async (c) => {
    const body = await readBody(c)
    const year = yearOf(text(body, 'year'), thisYear())
    return submitForm(
      c,
      configForm({ date: 'text' }, (values) => values.date ?? ''),
      configWrite(
        c,
        async (date) => {
          await deps.admin.removeCalendarDay(c.get('user'), date, version(body))
          return `/staff/admin/calendar?year=${year}&done=1`
        },
        (form, status) => calendarPage(c, year, { errors: form.errors, values: { type: 'off' } }, status),
        409,
      ),
      body,
    )
  })
  return app
}
