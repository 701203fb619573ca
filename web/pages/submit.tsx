import type { Child } from 'hono/jsx'
import { formUploadLimitText } from '../../shared/domain/attachments.js'
import { MAX_CONTENT_LENGTH } from '../../shared/domain/limits.js'
import { KINDS } from '../../shared/domain/vocabulary.js'
import {
  describedBy,
  ErrorSummary,
  errorFor,
  FieldErrorText,
  fieldId,
  TextField,
  type TextFieldProps,
} from '../components.js'
import { PETITION_DETAIL_FIELDS } from '../form.js'
import { formatNumber, type MessageKey, t } from '../i18n.js'
import { Layout } from '../layout.js'
import type { FieldError, Lang, PetitionForm, Topic } from '../types.js'

/** Every field of the form, in page order, then the groups: errors on these link from the summary. */
export const SUBMIT_FIELDS = [
  'kind',
  'title',
  'content',
  'anonymous',
  ...PETITION_DETAIL_FIELDS,
  'petitioner',
  'concerns',
  'attachments',
] as const

type PetitionerKey = keyof NonNullable<PetitionForm['petitioner']>
type ConcernsKey = keyof NonNullable<PetitionForm['concerns']>

const PETITIONER_FIELDS: ({ key: PetitionerKey; label: MessageKey } & Partial<TextFieldProps>)[] = [
  { key: 'fullName', label: 'submit.fullName', autocomplete: 'name', spellcheck: false },
  { key: 'idNumber', label: 'submit.idNumber', autocomplete: 'off', inputmode: 'numeric', spellcheck: false },
  { key: 'address', label: 'submit.address', autocomplete: 'street-address' },
  { key: 'phone', label: 'submit.phone', type: 'tel', autocomplete: 'tel' },
  { key: 'email', label: 'submit.email', type: 'email', autocomplete: 'email', spellcheck: false },
]

const CONCERNS_FIELDS: { key: ConcernsKey; label: MessageKey }[] = [
  { key: 'organization', label: 'submit.organization' },
  { key: 'person', label: 'submit.person' },
]

export interface SubmitPageProps {
  lang: Lang
  organizationName: { vi: string; en: string }
  topics: readonly Topic[]
  /** What the citizen sent (on a re-render) or the preselected kind (on a first visit). */
  values: Partial<PetitionForm>
  errors: readonly FieldError[]
  langHref: string
  /** Offer the documents field (multipart form): when the attachment store is configured. */
  acceptsFiles?: boolean
}

/** A group links from the error summary to its first control. */
const GROUP_ANCHORS: Record<string, string> = {
  kind: `kind-${KINDS[0]}`,
  petitioner: 'petitioner.fullName',
  concerns: 'concerns.organization',
}

function anchorOf(field: string): string {
  return fieldId(GROUP_ANCHORS[field] ?? field)
}

export function SubmitPage(props: SubmitPageProps) {
  const { lang, values, errors } = props
  const err = (field: string) => errorFor(errors, field)
  const kindError = err('kind')
  const anonymousError = err('anonymous')
  const signatories = values.signatories
  return (
    <Layout
      lang={lang}
      organizationName={props.organizationName}
      title={t(lang, 'submit.title')}
      current="submit"
      langHref={props.langHref}
    >
      <h1>{t(lang, 'submit.title')}</h1>
      <ErrorSummary lang={lang} errors={errors} linkable={SUBMIT_FIELDS} anchor={anchorOf} />
      <p>{t(lang, 'submit.intro')}</p>
      <form
        method="post"
        action="/submit"
        id="submit-form"
        accept-charset="utf-8"
        enctype={props.acceptsFiles ? 'multipart/form-data' : undefined}
      >
        <input type="hidden" name="language" value={lang} />

        <fieldset
          class={kindError ? 'field has-error' : 'field'}
          aria-describedby={describedBy('f-kind-hint', kindError && 'f-kind-error')}
        >
          <legend>
            {t(lang, 'submit.kind')}
            <span class="req">{` ${t(lang, 'form.required')}`}</span>
          </legend>
          <span class="hint" id="f-kind-hint">
            {t(lang, 'submit.kind.hint')}
          </span>
          <FieldErrorText lang={lang} id="f-kind-error" message={kindError} />
          {KINDS.map((kind) => {
            const id = fieldId(`kind-${kind}`)
            return (
              <div class="choice">
                <input
                  type="radio"
                  id={id}
                  name="kind"
                  value={kind}
                  checked={values.kind === kind}
                  required
                  aria-invalid={kindError ? 'true' : undefined}
                  aria-describedby={`${id}-hint`}
                />
                <div>
                  <label for={id}>{t(lang, `kind.${kind}`)}</label>
                  <span class="hint" id={`${id}-hint`}>
                    {t(lang, `kind.${kind}.explain`)}
                  </span>
                </div>
              </div>
            )
          })}
        </fieldset>

        <TextField
          lang={lang}
          name="title"
          label={t(lang, 'submit.title.label')}
          hint={t(lang, 'submit.title.hint')}
          value={values.title}
          error={err('title')}
          required
        />
        <TextField
          lang={lang}
          name="content"
          label={t(lang, 'submit.content')}
          hint={t(lang, 'submit.content.hint', { max: formatNumber(lang, MAX_CONTENT_LENGTH) })}
          value={values.content}
          error={err('content')}
          required
          multiline
          rows={12}
          maxLength={MAX_CONTENT_LENGTH}
        />

        <div class={anonymousError ? 'field has-error' : 'field'}>
          <FieldErrorText lang={lang} id="f-anonymous-error" message={anonymousError} />
          <div class="choice">
            <input
              type="checkbox"
              id="f-anonymous"
              name="anonymous"
              value="true"
              checked={values.anonymous === true}
              aria-invalid={anonymousError ? 'true' : undefined}
              aria-describedby={describedBy('f-anonymous-hint', anonymousError && 'f-anonymous-error')}
            />
            <div>
              <label for="f-anonymous">{t(lang, 'submit.anonymous')}</label>
              <span class="hint" id="f-anonymous-hint">
                {t(lang, 'submit.anonymous.hint')}
              </span>
            </div>
          </div>
        </div>

        <GroupFieldset
          lang={lang}
          name="petitioner"
          legend={t(lang, 'submit.petitioner')}
          hint={t(lang, 'submit.petitioner.hint')}
          error={err('petitioner')}
        >
          {PETITIONER_FIELDS.map(({ key, label, ...input }) => (
            <TextField
              lang={lang}
              name={`petitioner.${key}`}
              label={t(lang, label)}
              value={values.petitioner?.[key]}
              error={err(`petitioner.${key}`)}
              {...input}
            />
          ))}
        </GroupFieldset>

        <GroupFieldset
          lang={lang}
          name="concerns"
          legend={t(lang, 'submit.concerns')}
          error={err('concerns')}
        >
          {CONCERNS_FIELDS.map(({ key, label }) => (
            <TextField
              lang={lang}
              name={`concerns.${key}`}
              label={t(lang, label)}
              value={values.concerns?.[key]}
              error={err(`concerns.${key}`)}
            />
          ))}
        </GroupFieldset>

        <TopicSelect lang={lang} topics={props.topics} value={values.topic} error={err('topic')} />

        <TextField
          lang={lang}
          name="signatories"
          label={t(lang, 'submit.signatories')}
          hint={t(lang, 'submit.signatories.hint')}
          value={signatories === undefined ? '1' : Number.isFinite(signatories) ? String(signatories) : ''}
          error={err('signatories')}
          type="number"
          inputmode="numeric"
          min={1}
        />

        {props.acceptsFiles && <AttachmentsField lang={lang} error={err('attachments')} />}

        <button type="submit" id="submit-button">
          {t(lang, 'submit.button')}
        </button>
      </form>
    </Layout>
  )
}

/** A fieldset of related inputs with an error of its own (e.g. "required unless anonymous"). */
function GroupFieldset(props: {
  lang: Lang
  name: string
  legend: string
  hint?: string
  error: string | undefined
  children: Child
}) {
  const id = fieldId(props.name)
  return (
    <fieldset
      class={props.error ? 'has-error' : undefined}
      aria-describedby={describedBy(props.hint && `${id}-hint`, props.error && `${id}-error`)}
    >
      <legend>{props.legend}</legend>
      {props.hint && (
        <span class="hint" id={`${id}-hint`}>
          {props.hint}
        </span>
      )}
      <FieldErrorText lang={props.lang} id={`${id}-error`} message={props.error} />
      {props.children}
    </fieldset>
  )
}

function TopicSelect(props: {
  lang: Lang
  topics: readonly Topic[]
  value: string | undefined
  error: string | undefined
}) {
  const { lang, error } = props
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for="f-topic">{t(lang, 'submit.topic')}</label>
      <FieldErrorText lang={lang} id="f-topic-error" message={error} />
      <select
        id="f-topic"
        name="topic"
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? 'f-topic-error' : undefined}
      >
        <option value="">{t(lang, 'submit.topic.choose')}</option>
        {props.topics.map((topic) => (
          <option value={topic.value} selected={props.value === topic.value}>
            {topic.label[lang]}
          </option>
        ))}
      </select>
    </div>
  )
}

/** Documents, posted with the form (works without JavaScript); checked by content on the server. */
function AttachmentsField(props: { lang: Lang; error: string | undefined }) {
  const { lang, error } = props
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for="f-attachments">{t(lang, 'submit.attachments')}</label>
      <span class="hint" id="f-attachments-hint">
        {t(lang, 'submit.attachments.hint', { limit: formUploadLimitText(lang) })}
      </span>
      <FieldErrorText lang={lang} id="f-attachments-error" message={error} />
      <input
        type="file"
        id="f-attachments"
        name="attachments"
        multiple
        accept=".pdf,.jpg,.jpeg,.png,.docx,application/pdf,image/jpeg,image/png,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy('f-attachments-hint', error && 'f-attachments-error')}
      />
      <div class="choice">
        <input type="checkbox" id="f-attachments-contentOnly" name="attachments.contentOnly" value="true" />
        <div>
          <label for="f-attachments-contentOnly">{t(lang, 'submit.attachments.contentOnly')}</label>
          <span class="hint">{t(lang, 'submit.attachments.contentOnly.hint')}</span>
        </div>
      </div>
    </div>
  )
}
