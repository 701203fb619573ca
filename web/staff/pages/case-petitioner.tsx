/**
 * The case page's petitioner: the identity where the user's grants show it (or the reveal form of
 * those who may reveal a protected one, Law 25/2018 Arts. 8, 9), anonymous or redacted otherwise.
 */
import { errorFor, Facts, TextField } from '../../components.js'
import { t } from '../../i18n.js'
import type { CasePageProps } from './case.js'

type Identity = NonNullable<CasePageProps['revealed']>

export function PetitionerSection(props: CasePageProps & { identity: Identity | undefined }) {
  const { lang, view, identity } = props
  return (
    <>
      <h2>{t(lang, 'staff.case.petitioner')}</h2>
      {view.anonymous ? (
        <p>{t(lang, 'staff.case.anonymous')}</p>
      ) : identity ? (
        <Facts
          rows={[
            [t(lang, 'staff.field.fullName'), identity.fullName, 'petitioner-name'],
            ...(identity.idNumber
              ? [[t(lang, 'staff.field.idNumber'), identity.idNumber] as [string, string]]
              : []),
            ...(identity.address
              ? [[t(lang, 'staff.field.address'), identity.address] as [string, string]]
              : []),
            ...(identity.phone ? [[t(lang, 'staff.field.phone'), identity.phone] as [string, string]] : []),
            ...(identity.email ? [[t(lang, 'staff.field.email'), identity.email] as [string, string]] : []),
          ]}
        />
      ) : view.petitioner === 'hidden' ? (
        // Opened on demand, not on every view: each showing is in the audit log.
        <form
          novalidate
          method="post"
          action={`/staff/cases/${view.trackingCode}/identity`}
          data-testid="identity-hidden"
        >
          <p>{t(lang, 'staff.case.identityHidden')}</p>
          <button type="submit" class="secondary">
            {t(lang, 'staff.case.showIdentity')}
          </button>
        </form>
      ) : (
        <p data-testid="identity-redacted">{t(lang, 'staff.case.redacted')}</p>
      )}
      {props.canReveal && view.petitioner === 'redacted' && !props.revealed && (
        <form
          novalidate
          method="post"
          action={`/staff/cases/${view.trackingCode}/reveal`}
          class="action-form"
          id="action-reveal"
        >
          <h3>{t(lang, 'staff.action.reveal')}</h3>
          <TextField
            lang={lang}
            name="reveal.reason"
            label={t(lang, 'staff.action.reveal.reason')}
            value={props.failed?.action === 'reveal' ? props.failed.values.reason : undefined}
            error={
              props.failed?.action === 'reveal' ? errorFor(props.failed.errors, 'reveal.reason') : undefined
            }
            required
            multiline
            rows={3}
            maxLength={2000}
          />
          <div class="consequence">
            <p>{t(lang, 'staff.action.reveal.effect')}</p>
          </div>
          <button type="submit" class="warning">
            {t(lang, 'staff.action.reveal.submit')}
          </button>
        </form>
      )}
    </>
  )
}
