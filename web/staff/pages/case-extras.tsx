/**
 * Parts of the staff case page fed by later features: the earlier petitions this one may repeat
 * (service/repeats.ts; what a user may see of them is decided there) and the petitioner's rating.
 */
import type { Rating } from '../../../shared/domain/satisfaction.js'
import type { SuggestionView } from '../../../shared/service/repeats.js'
import { formatDate, formatInstant, label, outcomeLabel, t } from '../../i18n.js'
import type { Lang } from '../../types.js'

export type { Rating, SuggestionView }

/**
 * The suggestions, best first: score as a percentage, the reasons in words, the earlier case's
 * status, the ground not to handle it again when one applies, and ways to act on it.
 * `actions`: which of link_repeat / mark_duplicate the user may take on this case now.
 */
export function RepeatSuggestions(props: {
  lang: Lang
  trackingCode: string
  repeats: readonly SuggestionView[]
  actions: readonly ('link_repeat' | 'mark_duplicate')[]
}) {
  const { lang, repeats, trackingCode } = props
  if (repeats.length === 0) return null
  return (
    <section aria-labelledby="repeats-title" data-testid="repeats">
      <h2 id="repeats-title">{t(lang, 'staff.repeats.title')}</h2>
      <p>{t(lang, 'staff.repeats.lead')}</p>
      <ul class="repeats">
        {repeats.map((r) => (
          <li data-repeat={r.trackingCode ?? 'outside-reach'}>
            <p>
              <strong>
                {r.trackingCode ? (
                  <a href={`/staff/cases/${encodeURIComponent(r.trackingCode)}`}>{r.trackingCode}</a>
                ) : (
                  t(lang, 'staff.repeats.outsideReach')
                )}
              </strong>
              {` – ${t(lang, 'staff.repeats.score', { percent: String(Math.round(r.score * 100)) })}`}
            </p>
            {r.title && <p class="user-text">{r.title}</p>}
            <p>
              {`${label(lang, 'kind', r.kind)}, ${t(lang, 'staff.repeats.received', {
                date: formatDate(r.receivedOn),
              })}, ${label(lang, 'status', r.status)}`}
              {r.outcome ? ` (${outcomeLabel(lang, r.outcome)})` : ''}
            </p>
            <p>
              {`${t(lang, 'staff.repeats.reasons')}: `}
              {r.reasons.map((reason) => t(lang, `staff.repeats.reason.${reason}`)).join('; ')}
            </p>
            {r.flag && (
              <p class="warning-box" data-testid="repeat-flag">
                {r.flag[lang]} <strong>{`${t(lang, 'staff.repeats.basis')}: `}</strong>
                {r.flag.basis}
              </p>
            )}
            {props.actions.length > 0 && r.trackingCode && (
              <p>
                {props.actions.map((a, i) => (
                  <>
                    {i > 0 ? ' · ' : ''}
                    <a
                      href={`/staff/cases/${encodeURIComponent(trackingCode)}?of=${encodeURIComponent(
                        r.trackingCode ?? '',
                      )}#action-${a}`}
                    >
                      {t(lang, `staff.repeats.use.${a}`, { code: r.trackingCode ?? '' })}
                    </a>
                  </>
                ))}
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  )
}

/** The petitioner's rating of the answer (1–5) and comment, when given. */
export function RatingView(props: { lang: Lang; rating?: Rating }) {
  const { lang, rating } = props
  if (!rating) return null
  return (
    <section aria-labelledby="rating-title" data-testid="rating">
      <h2 id="rating-title">{t(lang, 'staff.rating.title')}</h2>
      <p>
        <strong>{t(lang, 'staff.rating.score', { score: String(rating.score) })}</strong>
        {` – ${t(lang, `staff.rating.word.${rating.score}`)} – `}
        <time datetime={rating.at}>{formatInstant(rating.at)}</time>
      </p>
      {rating.comment && <p class="prewrap user-text">{rating.comment}</p>}
    </section>
  )
}
