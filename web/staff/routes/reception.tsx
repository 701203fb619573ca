/** The reception desk: recording a petition received in person or by post, and the triage list. */
import { Hono } from 'hono'
import { formatVietnamese, vietnamDate } from '../../../shared/domain/dates.js'
import { canRecordIntake } from '../../../shared/domain/policy.js'
import { staffIntakeSchema } from '../../../shared/domain/schemas.js'
import { otherLang } from '../../i18n.js'
import { type FieldKind, type FormDefinition, type FormState, type FormValues, submitForm } from '../form.js'
import {
  committeeName,
  committeeOptions,
  formLimit,
  layout,
  messagePage,
  parseVietnameseDate,
  render,
  type StaffContext,
  topicOptions,
} from '../http.js'
import { INTAKE_FIELDS, IntakeReceiptPage, ReceptionPage, TriagePage } from '../pages/reception.js'
import type { StaffEnv, StaffPageDeps } from '../types.js'

const KIND_OF: Partial<Record<(typeof INTAKE_FIELDS)[number], FieldKind>> = {
  content: 'multiline',
  anonymous: 'check',
  severalPlaces: 'check',
  ownerPresent: 'check',
}

/** The group's filled-in fields (`petitioner.fullName` → fullName), or undefined when none is. */
function group(values: FormValues, prefix: string, names: readonly string[]) {
  const entries = names.map((n) => [n, values[`${prefix}.${n}`]] as const).filter(([, v]) => v)
  return entries.length > 0 ? Object.fromEntries(entries) : undefined
}

export const intakeForm: FormDefinition<ReturnType<typeof staffIntakeSchema.parse>> = {
  fields: Object.fromEntries(INTAKE_FIELDS.map((n) => [n, KIND_OF[n] ?? 'text'])),
  input: (values, lang) => ({
    kind: values.kind,
    channel: values.channel,
    receivedAt: parseVietnameseDate(values.receivedAt ?? ''),
    title: values.title,
    content: values.content,
    anonymous: values.anonymous === 'true',
    language: lang,
    ...(values.anonymous === 'true'
      ? {}
      : { petitioner: group(values, 'petitioner', ['fullName', 'idNumber', 'address', 'phone', 'email']) }),
    concerns: group(values, 'concerns', ['organization', 'person']),
    ...(values.topic ? { topic: values.topic } : {}),
    ...(values.signatories ? { signatories: Number(values.signatories) } : {}),
    ...(values.committeeId ? { committeeId: values.committeeId } : {}),
    severalPlaces: values.severalPlaces === 'true',
    // The presence tick belongs to the owner: without an owner it says nothing.
    ...(values.ownerId ? { ownerId: values.ownerId, ownerPresent: values.ownerPresent === 'true' } : {}),
  }),
  schema: staffIntakeSchema,
  fallback: 'form',
}

export function receptionRoutes(deps: StaffPageDeps) {
  const org = deps.organizationName
  const app = new Hono<StaffEnv>()
  app.use('/staff/reception', async (c, next) =>
    canRecordIntake(c.get('user')) ? next() : messagePage(c, org, 403),
  )

  const intakePage = async (c: StaffContext, form: FormState, status: 200 | 409 | 422) => {
    const lang = c.get('lang')
    const committees = (await deps.settings.getCommittees()).value
    return render(
      c,
      <ReceptionPage
        {...layout(c, org)}
        langHref={`/staff/reception?lang=${otherLang(lang)}`}
        committees={committeeOptions(committees, lang)}
        topics={topicOptions(lang)}
        values={form.values}
        errors={form.errors}
      />,
      status,
    )
  }

  app.get('/staff/reception', (c) =>
    intakePage(
      c,
      {
        values: { receivedAt: formatVietnamese(vietnamDate(deps.now())), language: c.get('lang') },
        errors: [],
      },
      200,
    ),
  )

  app.post('/staff/reception', formLimit, (c) =>
    submitForm(c, intakeForm, {
      run: async (input) => {
        const lang = c.get('lang')
        const receipt = await deps.petitions.recordIntake(input, c.get('user'), lang)
        // The PIN is shown in this response only (never in an address): no redirect here.
        return render(
          c,
          <IntakeReceiptPage
            {...layout(c, org)}
            langHref={`/staff/cases/${receipt.trackingCode}?lang=${otherLang(lang)}`}
            receipt={receipt}
          />,
          201,
        )
      },
      again: (form) => intakePage(c, form, 422),
    }),
  )

  app.get('/staff/reception/triage', async (c) => {
    const lang = c.get('lang')
    const [{ desk, items }, committees] = await Promise.all([
      deps.workspace.triage(c.get('user'), lang),
      deps.settings.getCommittees().then((x) => x.value),
    ])
    return render(
      c,
      <TriagePage
        {...layout(c, org)}
        rows={items.map((r) => ({ ...r, committeeName: committeeName(committees, r.committeeId, lang) }))}
        committees={committeeOptions(committees, lang)}
        done={c.req.query('done') === 'reroute'}
        committeeName={committeeName(committees, desk, lang)}
      />,
    )
  })
  return app
}
