/**
 * A committee's document settings on the admin committee form (docs/documents.md#issuing): the
 * header style (Party or State), the issuer code of its number/symbols, the place, and the
 * signer's authority and title. Empty fields keep the defaults.
 */
import type { Committee, CommitteeDocumentSettings } from '../../../shared/domain/routing.js'
import { KINDS } from '../../../shared/domain/vocabulary.js'
import { errorFor, TextField } from '../../components.js'
import { label, t } from '../../i18n.js'
import type { FieldError, Lang } from '../../types.js'
import { LangField, SelectField } from '../components.js'
import { StaffLayout, type StaffLayoutProps } from '../layout.js'

const TEXT_SETTINGS = ['issuerCode', 'place', 'signerAuthority', 'signerTitle'] as const
const NAMES = ['headerStyle', ...TEXT_SETTINGS] as const

/** The form's fields (`documents.<setting>`), as the admin route reads them. */
export const DOCUMENT_SETTING_FIELDS = Object.fromEntries(
  NAMES.map((n) => [`documents.${n}`, 'text']),
) as Record<`documents.${(typeof NAMES)[number]}`, 'text'>

/** The posted fields as the committee's `documents`, or nothing when every one is empty. */
export function documentSettingsInput(values: Readonly<Record<string, string | undefined>>) {
  const documents: Record<string, string> = {}
  for (const n of NAMES) {
    const v = values[`documents.${n}`]?.trim()
    if (v) documents[n] = v
  }
  return Object.keys(documents).length > 0 ? { documents: documents as CommitteeDocumentSettings } : {}
}

/** A committee's settings as the form's values. */
export function documentSettingsValues(c: Committee): Record<string, string> {
  return Object.fromEntries(NAMES.map((n) => [`documents.${n}`, c.documents?.[n] ?? '']))
}

export function CommitteeDocumentFields(p: {
  lang: Lang
  values: Readonly<Record<string, string | undefined>>
  errors: readonly FieldError[]
}) {
  const { lang } = p
  return (
    <fieldset>
      <legend>{t(lang, 'admin.documents.legend')}</legend>
      <SelectField
        lang={lang}
        name="documents.headerStyle"
        label={t(lang, 'admin.documents.headerStyle')}
        options={[
          { value: 'party', label: t(lang, 'admin.documents.style.party') },
          { value: 'state', label: t(lang, 'admin.documents.style.state') },
        ]}
        value={p.values['documents.headerStyle']}
        error={errorFor(p.errors, 'documents.headerStyle')}
        empty={t(lang, 'admin.documents.default')}
      />
      {TEXT_SETTINGS.map((n) => (
        <TextField
          lang={lang}
          name={`documents.${n}`}
          label={t(lang, `admin.documents.${n}`)}
          hint={t(lang, `admin.documents.${n}.hint`)}
          value={p.values[`documents.${n}`]}
          error={errorFor(p.errors, `documents.${n}`)}
          maxLength={100}
        />
      ))}
    </fieldset>
  )
}

/** The years a finished case's dossier is kept, by kind (docs/documents.md#the-case-dossier). */
export function RetentionPage(
  p: Omit<StaffLayoutProps, 'title' | 'children'> & {
    values: Readonly<Record<string, string | undefined>>
    errors: readonly FieldError[]
    version: number
    done: boolean
  },
) {
  const { lang } = p
  const title = t(lang, 'admin.retention.title')
  return (
    <StaffLayout {...p} title={title} current="admin">
      <h1>{title}</h1>
      {p.done && (
        <div class="notice" role="status">
          {t(lang, 'admin.retention.done')}
        </div>
      )}
      {p.errors.length > 0 && (
        <div class="error-summary" role="alert" tabindex={-1} autofocus>
          <p>{p.errors.map((e) => e.message).join('; ')}</p>
        </div>
      )}
      <p>{t(lang, 'admin.retention.lead')}</p>
      <form method="post" action="/staff/admin/retention" class="action-form">
        <LangField lang={lang} />
        <input type="hidden" name="version" value={String(p.version)} />
        {KINDS.map((k) => (
          <TextField
            lang={lang}
            name={k}
            type="number"
            label={label(lang, 'kind', k)}
            value={p.values[k]}
            error={errorFor(p.errors, k)}
            required
            maxLength={3}
          />
        ))}
        <button type="submit">{t(lang, 'staff.admin.save')}</button>
      </form>
    </StaffLayout>
  )
}
