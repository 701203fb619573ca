import type { PublishedFigures } from '../../shared/domain/transparency.js'
import type { CommitteeFiguresDocument } from '../../shared/service/transparency.js'
import { ColumnHeads } from '../components.js'
import { formatDate, formatNumber, t } from '../i18n.js'
import { Layout } from '../layout.js'
import type { Lang } from '../types.js'

export interface TransparencyPageProps {
  lang: Lang
  organizationName: { vi: string; en: string }
  doc: CommitteeFiguresDocument
  langHref: string
  /** Where the open-data files are. */
  jsonHref: string
  csvHref: string
}

/** A suppressed count reads "<5"; a suppressed or empty derived figure reads "–" with words for screen readers. */
function Count({ lang, value, threshold }: { lang: Lang; value: number | null; threshold: number }) {
  if (value === null)
    return <abbr title={t(lang, 'transparency.suppressed')} data-suppressed="true">{`<${threshold}`}</abbr>
  return <>{formatNumber(lang, value)}</>
}

function Derived({ lang, value, unit }: { lang: Lang; value: number | null; unit?: string }) {
  if (value === null)
    return (
      <span data-suppressed="true">
        <span aria-hidden="true">–</span>
        <span class="vh">{t(lang, 'transparency.notShown')}</span>
      </span>
    )
  return <>{`${formatNumber(lang, value)}${unit ?? ''}`}</>
}

function Cells({ lang, f, threshold }: { lang: Lang; f: PublishedFigures; threshold: number }) {
  return (
    <>
      <td data-field="received">
        <Count lang={lang} value={f.received} threshold={threshold} />
      </td>
      <td data-field="resolved">
        <Count lang={lang} value={f.resolved} threshold={threshold} />
      </td>
      <td data-field="onTimePercent">
        <Derived lang={lang} value={f.onTimePercent} unit="%" />
      </td>
      <td data-field="medianDaysToResolution">
        <Derived lang={lang} value={f.medianDaysToResolution} />
      </td>
    </>
  )
}

/** The public transparency page: per committee, each of the last four quarters, suppressed. */
export function TransparencyPage(props: TransparencyPageProps) {
  const { lang, doc } = props
  const threshold = doc.suppression.threshold
  return (
    <Layout
      lang={lang}
      organizationName={props.organizationName}
      title={t(lang, 'transparency.title')}
      langHref={props.langHref}
    >
      <h1>{t(lang, 'transparency.title')}</h1>
      <p class="lead">{t(lang, 'transparency.intro')}</p>
      <p>
        {t(lang, 'transparency.asOf', { date: formatDate(doc.asOf) })}{' '}
        <a href={props.jsonHref} id="open-data-json" type="application/json">
          {t(lang, 'transparency.json')}
        </a>
        {' · '}
        <a href={props.csvHref} id="open-data-csv" type="text/csv">
          {t(lang, 'transparency.csv')}
        </a>
      </p>
      <h2>{t(lang, 'transparency.rule.title')}</h2>
      <p class="note" id="suppression-rule">
        {doc.suppression.rule[lang]}
      </p>
      <p class="note">{t(lang, 'transparency.definitions')}</p>
      {doc.quarters.map((q) => {
        const id = `q-${q.year}-${q.quarter}`
        return (
          <section aria-labelledby={`${id}-title`} data-quarter={`${q.year}-Q${q.quarter}`}>
            <h2 id={`${id}-title`}>
              {t(lang, q.toDate ? 'transparency.quarter.toDate' : 'transparency.quarter', {
                quarter: q.quarter,
                year: q.year,
              })}
            </h2>
            <div class="table-wrap">
              <table class="figures" id={id}>
                <caption>
                  {t(lang, 'transparency.caption', {
                    quarter: q.quarter,
                    year: q.year,
                    from: formatDate(q.from),
                    to: formatDate(q.toDate ? doc.asOf : q.to),
                  })}
                </caption>
                <ColumnHeads
                  lang={lang}
                  of="transparency.col"
                  cols={['committee', 'received', 'resolved', 'onTime', 'median']}
                />
                <tbody>
                  {q.committees.map((c) => (
                    <tr data-committee={c.committeeId}>
                      <th scope="row">{lang === 'en' ? c.nameEn : c.name}</th>
                      <Cells lang={lang} f={c} threshold={threshold} />
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr data-committee="total">
                    <th scope="row">{t(lang, 'transparency.total')}</th>
                    <Cells lang={lang} f={q.total} threshold={threshold} />
                  </tr>
                </tfoot>
              </table>
            </div>
          </section>
        )
      })}
      <p class="note">{doc.licence.note[lang]}</p>
    </Layout>
  )
}
