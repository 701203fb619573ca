/** The reception register: a committee's reception sessions of a period, its summary, and the session form. */
import { Hono } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { formatVietnamese, vietnamDate } from '../../../shared/domain/dates.js'
import { DomainError } from '../../../shared/domain/errors.js'
import { type ParsedSession, receptionSessionSchema } from '../../../shared/domain/reception.js'
import { canReadReception, canRecordReception } from '../../../shared/service/reception.js'
import type { FieldError } from '../../types.js'
import { type FormDefinition, type FormState, submitForm } from '../form.js'
import {
  capitalize,
  committeeOptions,
  domainMessage,
  formLimit,
  layout,
  messagePage,
  parseVietnameseDate,
  render,
  type StaffContext,
} from '../http.js'
import {
  ReceptionRegisterPage,
  type RegisterSummary,
  SESSION_FIELDS,
  type SessionRow,
} from '../pages/reception-register.js'
import type { StaffEnv, StaffPageDeps } from '../types.js'

const num = (v: string | undefined) => (v && /^\d+$/.test(v) ? Number(v) : v || undefined)

export const sessionForm: FormDefinition<ParsedSession> = {
  fields: Object.fromEntries(
    SESSION_FIELDS.map((n) => [n, n === 'notes' || n === 'caseCodes' ? 'lines' : 'text']),
  ),
  input: (values) => {
    const delegation = values.delegationPeople || values.delegationRepresentatives || values.delegationSubject
    return {
      committeeId: values.committeeId,
      date: parseVietnameseDate(values.date ?? ''),
      type: values.type,
      hostUserId: values.hostUserId,
      visitors: num(values.visitors),
      delegations: delegation
        ? [
            {
              people: num(values.delegationPeople),
              representatives: num(values.delegationRepresentatives),
              subject: values.delegationSubject,
            },
          ]
        : [],
      caseCodes: (values.caseCodes ?? '')
        .split(/[\s,;]+/)
        .map((x) => x.trim())
        .filter(Boolean),
      ...(values.location ? { location: values.location } : {}),
      ...(values.notes ? { notes: values.notes } : {}),
    }
  },
  schema: receptionSessionSchema,
  /** A schema or rule path as the form's field: delegations.0.people → delegationPeople. */
  fieldOf: (path) => {
    const m = /^delegations\.\d+\.(people|representatives|subject)/.exec(path)
    if (m) return `delegation${capitalize(m[1]!)}`
    if (path.startsWith('caseCodes')) return 'caseCodes'
    if (path.startsWith('delegations')) return 'delegationPeople'
    return path
  },
  fallback: 'committeeId',
}

export function registerRoutes(deps: StaffPageDeps) {
  const org = deps.organizationName
  const app = new Hono<StaffEnv>()

  /** The register page: the period's sessions and summary of one committee, and the session form. */
  async function registerPage(
    c: StaffContext,
    query: { committee?: string; from?: string; to?: string },
    form: Partial<FormState> & { done?: boolean },
    status: ContentfulStatusCode,
  ) {
    const lang = c.get('lang')
    const user = c.get('user')
    const committees = (await deps.settings.getCommittees()).value
    const readable = committees.filter((x) => canReadReception(user, x.id, committees))
    if (readable.length === 0) return messagePage(c, org, 403)
    const recordable = committees.filter((x) => canRecordReception(user, x.id))
    // The hosts offered: the active staff of the committees the user records for.
    const hosts =
      recordable.length === 0
        ? []
        : (await deps.users.listUsers())
            .filter(
              (u) => u.active && u.memberships.some((m) => recordable.some((r) => r.id === m.committeeId)),
            )
            .map((u) => ({ value: u.id, label: `${u.displayName} (${u.id})` }))
    const today = vietnamDate(deps.now())
    const committeeId = readable.some((x) => x.id === query.committee)
      ? query.committee!
      : (recordable[0] ?? readable[0]!).id
    const period = {
      from: query.from || formatVietnamese(`${today.slice(0, 8)}01`),
      to: query.to || formatVietnamese(today),
    }
    const periodErrors: FieldError[] = []
    let sessions: SessionRow[] = []
    let summary: RegisterSummary | undefined
    try {
      const range = { from: parseVietnameseDate(period.from), to: parseVietnameseDate(period.to) }
      const [list, sum] = await Promise.all([
        deps.reception.list(user, committeeId, range),
        deps.reception.summary(user, committeeId, range),
      ])
      sessions = list.items
      summary = sum
    } catch (error) {
      if (!(error instanceof DomainError) || error.status === 403 || error.status === 404) throw error
      const name = error.details?.field === 'to' ? 'to' : 'from'
      periodErrors.push({ field: name, message: domainMessage(error, lang) })
    }
    return render(
      c,
      <ReceptionRegisterPage
        {...layout(c, org)}
        readable={committeeOptions(readable, lang)}
        recordable={committeeOptions(recordable, lang)}
        hosts={hosts}
        committeeId={committeeId}
        period={period}
        periodErrors={periodErrors}
        sessions={sessions}
        summary={summary}
        values={
          form.values ?? {
            committeeId: recordable[0]?.id ?? '',
            date: formatVietnamese(today),
            type: 'regular',
            hostUserId: user.id,
          }
        }
        errors={form.errors ?? []}
        done={form.done}
      />,
      status,
    )
  }

  app.get('/staff/reception/register', (c) =>
    registerPage(
      c,
      { committee: c.req.query('committee'), from: c.req.query('from'), to: c.req.query('to') },
      { done: c.req.query('done') === '1' },
      200,
    ),
  )

  app.post('/staff/reception/register', formLimit, (c) =>
    submitForm(c, sessionForm, {
      run: async (session) => {
        await deps.reception.record(session, c.get('user'))
        return `/staff/reception/register?committee=${encodeURIComponent(session.committeeId)}&done=1`
      },
      again: (form) => registerPage(c, { committee: form.values.committeeId }, form, 422),
    }),
  )
  return app
}
