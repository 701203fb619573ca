/**
 * Accountability reports: a supervisor requires a committee's periodic report; the committee head
 * submits it; the requester accepts or returns it.
 */
import { Hono } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import {
  type AccountabilityRequestInput,
  acceptReportSchema,
  accountabilityRequestSchema,
  returnReportSchema,
  submitReportSchema,
} from '../../../shared/domain/accountability.js'
import { vietnamDate } from '../../../shared/domain/dates.js'
import { canReadReport } from '../../../shared/service/reports.js'
import { emptyForm, type FormDefinition, type FormState, readBody, submitForm, text } from '../form.js'
import { committeeOptions, formLimit, layout, messagePage, render, type StaffContext } from '../http.js'
import { AccountabilityRequestPage, REQUEST_FIELDS } from '../pages/accountability.js'
import { AccountabilityRequestView, type RequestPageView } from '../pages/accountability-request.js'
import type { StaffEnv, StaffPageDeps } from '../types.js'

const whole = (v: string | undefined) => (v && /^\d+$/.test(v) ? Number(v) : v || undefined)

export const requestForm: FormDefinition<AccountabilityRequestInput> = {
  fields: Object.fromEntries(REQUEST_FIELDS.map((n) => [n, n === 'note' ? 'lines' : 'text'])),
  input: (values) => ({
    kind: 'periodic',
    committeeId: values.committeeId,
    period: values.period,
    year: whole(values.year),
    ...(values.index ? { index: whole(values.index) } : {}),
    ...(values.note ? { note: values.note } : {}),
  }),
  schema: accountabilityRequestSchema,
  fallback: 'committeeId',
}

const STEPS = {
  submit: { schema: submitReportSchema, field: 'explanation' },
  accept: { schema: acceptReportSchema, field: 'note' },
  return: { schema: returnReportSchema, field: 'reason' },
} as const
type Step = keyof typeof STEPS
type StepBody = { explanation?: string; reason?: string; note?: string }

/** A step's one text field, `<step>.<field>`; an empty note on accepting is no note. */
function stepForm(step: Step): FormDefinition<StepBody> {
  const { schema, field } = STEPS[step]
  const key = `${step}.${field}`
  return {
    fields: { [key]: 'lines' },
    input: (values) => (values[key] || step !== 'accept' ? { [field]: values[key] } : {}),
    schema,
    prefix: `${step}.`,
    // A refusal is about the step's text; one the state or the roles make has no field (409: `form`).
    fieldOf: () => field,
    fallback: key,
  }
}

export function accountabilityRoutes(deps: StaffPageDeps) {
  const org = deps.organizationName
  const app = new Hono<StaffEnv>()

  async function requestPage(c: StaffContext, form: FormState, status: ContentfulStatusCode) {
    const user = c.get('user')
    const committees = (await deps.settings.getCommittees()).value
    const scope = committees.filter((x) => canReadReport(user, x.id, committees))
    if (scope.length === 0) return messagePage(c, org, 403)
    return render(
      c,
      <AccountabilityRequestPage
        {...layout(c, org)}
        committees={committeeOptions(scope, c.get('lang'))}
        values={form.values}
        errors={form.errors}
      />,
      status,
    )
  }

  app.get('/staff/accountability/new', (c) =>
    requestPage(c, emptyForm({ period: 'quarter', year: vietnamDate(deps.now()).slice(0, 4) }), 200),
  )

  app.post('/staff/accountability', formLimit, (c) =>
    submitForm(c, requestForm, {
      run: async (input) => {
        await deps.accountability.require(input, c.get('user'), c.get('lang'))
        return '/staff/dashboard?done=accountability#accountability'
      },
      again: (form) => requestPage(c, form, 422),
    }),
  )

  // One request: its facts, history, submissions and the forms of the steps the service allows.
  async function requestViewPage(
    c: StaffContext,
    id: string,
    form: Partial<FormState> & { done?: boolean },
    status: ContentfulStatusCode,
  ) {
    const user = c.get('user')
    const request = (await deps.accountability.get(id, user, c.get('lang'))) as RequestPageView
    // The people who took each step, by name (ids of accounts no longer found stay as ids).
    const ids = [...new Set([request.requestedBy.id, ...request.history.map((e) => e.actor.id)])]
    const people = await Promise.all(ids.map((x) => deps.users.getUser(x)))
    const names = Object.fromEntries(ids.map((x, i) => [x, people[i]?.displayName ?? x]))
    return render(
      c,
      <AccountabilityRequestView
        {...layout(c, org)}
        request={request}
        names={names}
        values={form.values ?? {}}
        errors={form.errors ?? []}
        stale={form.stale}
        done={form.done}
      />,
      status,
    )
  }

  app.get('/staff/accountability/:id', (c) =>
    requestViewPage(c, c.req.param('id'), { done: c.req.query('done') === '1' }, 200),
  )

  app.post('/staff/accountability/:id/:step', formLimit, async (c) => {
    const id = c.req.param('id')
    const step = c.req.param('step')
    if (!Object.hasOwn(STEPS, step)) return messagePage(c, org, 404)
    const body = await readBody(c)
    const version = Number(text(body, 'version'))
    if (!Number.isInteger(version) || version < 1) return messagePage(c, org, 400)
    return submitForm(
      c,
      stepForm(step as Step),
      {
        run: async (input) => {
          await deps.accountability.act(id, step as Step, version, input, c.get('user'), c.get('lang'))
          return `/staff/accountability/${encodeURIComponent(id)}?done=1`
        },
        again: (form, status) =>
          requestViewPage(
            c,
            id,
            status === 409 && !form.stale
              ? { ...form, errors: form.errors.map((e) => ({ ...e, field: 'form' })) }
              : form,
            status,
          ),
      },
      body,
    )
  })
  return app
}
