import { MAX_RATING_COMMENT } from '../../shared/domain/limits.js'
import { describedBy, errorFor, FieldErrorText, TextField } from '../components.js'
import { formatInstant, type MessageKey, t } from '../i18n.js'
import type { CitizenView, FieldError, Lang } from '../types.js'

/** The five scores, each with its words: a screen reader reads the label, not a bare number. */
export const RATING_SCORES = [1, 2, 3, 4, 5] as const

const scoreLabel = (score: number): MessageKey => `rate.score.${score}` as MessageKey

/**
 * The petitioner's rating of the answer: the form (a radio group 1–5 and a comment) while the
 * answer can be rated, then what they gave. Works without JavaScript.
 */
/** What the panel reads of the tracking page's props (the tracking page passes its own). */
export interface RatingPanelProps {
  lang: Lang
  view: CitizenView
  pin: string
  failed?: {
    action: string
    errors: readonly FieldError[]
    values: { score?: string; comment?: string }
  }
}

export function RatingPanel({ lang, view, pin, failed }: RatingPanelProps) {
  if (view.rating)
    return (
      <section class="panel" aria-labelledby="rating-title" data-testid="rating">
        <h2 id="rating-title">{t(lang, 'tracking.rate')}</h2>
        <p>
          {t(lang, 'tracking.rate.given', {
            score: view.rating.score,
            label: t(lang, scoreLabel(view.rating.score)),
          })}{' '}
          <time datetime={view.rating.at}>{formatInstant(view.rating.at)}</time>
        </p>
        {view.rating.comment && <p class="prewrap user-text">{view.rating.comment}</p>}
      </section>
    )
  const mine = failed?.action === 'rate' ? failed : undefined
  const scoreError = mine ? errorFor(mine.errors, 'rate.score') : undefined
  return (
    <section class="panel" aria-labelledby="rating-title" data-testid="rating">
      <h2 id="rating-title">{t(lang, 'tracking.rate')}</h2>
      <p id="f-rate-hint">{t(lang, 'tracking.rate.hint')}</p>
      <form method="post" action="/track/rate" id="rate-form" accept-charset="utf-8">
        <input type="hidden" name="code" value={view.trackingCode} />
        <input type="hidden" name="pin" value={pin} />
        <fieldset
          class={scoreError ? 'field has-error' : 'field'}
          aria-describedby={describedBy('f-rate-hint', scoreError && 'f-rate-score-error')}
        >
          <legend>
            {t(lang, 'tracking.rate.score')}
            <span class="req">{` ${t(lang, 'form.required')}`}</span>
          </legend>
          <FieldErrorText lang={lang} id="f-rate-score-error" message={scoreError} />
          {RATING_SCORES.map((score) => (
            <div class="choice">
              <input
                type="radio"
                id={`f-rate-score-${score}`}
                name="rate.score"
                value={String(score)}
                checked={mine?.values.score === String(score)}
                required
                aria-invalid={scoreError ? 'true' : undefined}
              />
              <label for={`f-rate-score-${score}`}>{`${score} – ${t(lang, scoreLabel(score))}`}</label>
            </div>
          ))}
        </fieldset>
        <TextField
          lang={lang}
          name="rate.comment"
          label={t(lang, 'tracking.rate.comment')}
          hint={t(lang, 'tracking.rate.comment.hint', { max: MAX_RATING_COMMENT })}
          value={mine?.values.comment}
          error={mine ? errorFor(mine.errors, 'rate.comment') : undefined}
          multiline
          rows={4}
          maxLength={MAX_RATING_COMMENT}
        />
        <button type="submit" id="rate-button">
          {t(lang, 'tracking.rate.button')}
        </button>
      </form>
    </section>
  )
}
