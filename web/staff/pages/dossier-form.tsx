/** The case page's archive dossier step: offered on a finished case to heads over it and supervisors. */
import { t } from '../../i18n.js'
import type { Lang } from '../../types.js'

export function DossierForm(props: { lang: Lang; trackingCode: string; complete: boolean }) {
  const { lang } = props
  return (
    <form
      method="post"
      action={`/staff/cases/${props.trackingCode}/dossier`}
      class="action-form"
      id="action-dossier"
      data-testid="dossier-form"
    >
      <h3>{t(lang, 'staff.dossier.title')}</h3>
      <div class="consequence">
        <p>{t(lang, 'staff.dossier.effect')}</p>
        {!props.complete && <p data-testid="dossier-partial">{t(lang, 'staff.dossier.partial')}</p>}
      </div>
      <button type="submit">{t(lang, 'staff.dossier.submit')}</button>
    </form>
  )
}
