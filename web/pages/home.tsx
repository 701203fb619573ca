import type { Kind } from '../../shared/domain/vocabulary.js'
import { type MessageKey, t } from '../i18n.js'
import { Layout } from '../layout.js'
import type { Lang } from '../types.js'

export interface HomePageProps {
  lang: Lang
  organizationName: { vi: string; en: string }
  langHref: string
}

/** Per kind: what happens next, the legal limits, and notes (protection, anonymity). */
const KIND_SECTIONS: { kind: Kind; next: MessageKey; limits: MessageKey[]; notes: MessageKey[] }[] = [
  {
    kind: 'complaint',
    next: 'home.complaint.next',
    limits: ['home.complaint.acceptance', 'home.complaint.resolution', 'home.complaint.basis'],
    notes: [],
  },
  {
    kind: 'denunciation',
    next: 'home.denunciation.next',
    limits: ['home.denunciation.initial', 'home.denunciation.resolution', 'home.denunciation.basis'],
    notes: ['home.denunciation.protection', 'home.denunciation.anonymous'],
  },
  {
    kind: 'recommendation',
    next: 'home.recommendation.next',
    limits: ['home.recommendation.processing', 'home.recommendation.answer', 'home.recommendation.basis'],
    notes: [],
  },
  {
    kind: 'feedback',
    next: 'home.recommendation.next',
    limits: ['home.recommendation.processing', 'home.recommendation.answer', 'home.recommendation.basis'],
    notes: ['home.feedback.anonymous'],
  },
]

/** What this service is, the four kinds in plain words, what happens next and the legal time limits. */
export function HomePage({ lang, organizationName, langHref }: HomePageProps) {
  return (
    <Layout
      lang={lang}
      organizationName={organizationName}
      title={t(lang, 'home.title')}
      current="home"
      langHref={langHref}
    >
      <h1>{t(lang, 'home.title')}</h1>
      <p class="lead">{t(lang, 'home.intro', { org: organizationName[lang] })}</p>
      <p class="actions">
        <a class="button" href="/submit" id="home-submit">
          {t(lang, 'home.cta.submit')}
        </a>
        <a class="button secondary" href="/track" id="home-track">
          {t(lang, 'home.cta.track')}
        </a>
      </p>

      <h2>{t(lang, 'home.kinds.title')}</h2>
      <p>{t(lang, 'home.kinds.intro')}</p>
      <ul class="kinds">
        {KIND_SECTIONS.map((s) => (
          <li class="kind" id={`kind-${s.kind}`}>
            <h3>{t(lang, `kind.${s.kind}`)}</h3>
            <p>{t(lang, `kind.${s.kind}.explain`)}</p>
            <p>
              <strong>{`${t(lang, 'home.next')}: `}</strong>
              {t(lang, s.next)}
            </p>
            <p>
              <strong>{t(lang, 'home.limits')}</strong>
            </p>
            <ul>
              {s.limits.map((key) => (
                <li>{t(lang, key)}</li>
              ))}
            </ul>
            {s.notes.map((key) => (
              <p class="note">{t(lang, key)}</p>
            ))}
            <p>
              <a
                href={`/submit?kind=${s.kind}`}
              >{`${t(lang, 'home.cta.submit')}: ${t(lang, `kind.${s.kind}`)}`}</a>
            </p>
          </li>
        ))}
      </ul>
      <p class="note">{t(lang, 'home.days')}</p>

      <h2>{t(lang, 'home.transparency.title')}</h2>
      <p>{t(lang, 'home.transparency.text')}</p>
      <p>
        <a href="/minh-bach" id="home-transparency">
          {t(lang, 'home.transparency.link')}
        </a>
      </p>

      <h2>{t(lang, 'home.track.title')}</h2>
      <p>{t(lang, 'home.track.text')}</p>
      <p>
        <a href="/track">{t(lang, 'home.cta.track')}</a>
      </p>
    </Layout>
  )
}
