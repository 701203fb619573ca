/**
 * The citizen pages: server-rendered HTML that works without JavaScript. Every route is a few lines:
 * parse the form, call one dep, render one page. The deps (the public function or the local server)
 * do the validation and the storage.
 *
 * Headers are set per response, not by `app.use('*')`: this app is mounted at `/` beside the API and
 * the staff pages, and a wildcard middleware here would run for their routes too.
 */
import { type Context, Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { HTTPException } from 'hono/http-exception'
import type { JSX } from 'hono/jsx/jsx-runtime'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { formUploadLimitText, MAX_FORM_UPLOAD_BYTES } from '../shared/domain/attachments.js'
import { MAX_RATING_COMMENT } from '../shared/domain/limits.js'
import { problemTitle } from '../shared/http/problem.js'
import { PROBLEMS_PATH } from '../shared/http/problem-types.js'
import { SITE_CSS, SITE_CSS_PATH, SITE_ICON_PATH, SITE_ICON_SVG } from './assets.js'
import { type FormBody, multiline, parseCredentials, parsePetitionForm, ticked } from './form.js'
import { type MessageKey, otherLang, t } from './i18n.js'
import { CITIZEN_CSP, pageLang } from './page-lang.js'
import { ErrorPage } from './pages/error.js'
import { HomePage } from './pages/home.js'
import { ProblemPage } from './pages/problem.js'
import { ReceiptPage } from './pages/receipt.js'
import { SubmitPage } from './pages/submit.js'
import { TrackPage } from './pages/track.js'
import { type CitizenAction, TrackingPage, type TrackingPageProps } from './pages/tracking.js'

export { CITIZEN_CSP, pageLang }

import type { CitizenPageDeps, FieldError, FormFile, Lang, TrackOutcome } from './types.js'

/** The posted form; a body that is not a form (broken multipart, say) is the sender's error: 400. */
async function readForm(c: Context): Promise<FormBody> {
  try {
    return await c.req.parseBody()
  } catch {
    throw new HTTPException(400, { message: 'the form could not be read' })
  }
}

/** 20,000 characters of Vietnamese, percent-encoded, is up to ~180 KB; the other fields are small. */
const MAX_FORM_BYTES = 256 * 1024
/**
 * The submit form with documents (multipart, no JavaScript): what a Lambda event can carry
 * (shared/domain/attachments.ts), the same on one machine so the limit is the one people meet.
 * `bodyLimit` refuses on Content-Length before reading and stops a chunked body at the limit.
 */
const MAX_MULTIPART_BYTES = MAX_FORM_UPLOAD_BYTES
/** This GET address in the other language. */
function switchHref(c: Context, lang: Lang): string {
  const url = new URL(c.req.url)
  url.searchParams.set('lang', otherLang(lang))
  return `${url.pathname}${url.search}`
}

/** The lookup form for a code, in the other language: what the switch on a POST-rendered page leads to. */
function trackSwitchHref(code: string, lang: Lang): string {
  const query = new URLSearchParams(code ? { code, lang: otherLang(lang) } : { lang: otherLang(lang) })
  return `/track?${query}`
}

/**
 * One HTML response. `private` pages (a receipt with its PIN, a petition's tracking view) are never
 * stored by any cache, so the back button or a shared phone does not show them again.
 */
async function render(c: Context, page: JSX.Element, status: ContentfulStatusCode = 200, isPrivate = false) {
  c.header('Content-Security-Policy', CITIZEN_CSP)
  c.header('X-Content-Type-Options', 'nosniff')
  c.header('Referrer-Policy', 'no-referrer')
  c.header('Vary', 'Cookie')
  c.header('Cache-Control', isPrivate ? 'no-store' : 'no-cache')
  return c.html(`<!DOCTYPE html>${await page}`, status)
}

/**
 * The posted fields (a repeated name keeps its last value, as before) and the chosen files (the
 * `attachments` inputs; a browser sends an empty part when none was chosen: left out).
 */
async function formWithFiles(c: Context): Promise<{ body: FormBody; files: FormFile[] }> {
  let all: Record<string, string | File | (string | File)[]>
  try {
    all = await c.req.parseBody({ all: true })
  } catch {
    throw new HTTPException(400, { message: 'the form could not be read' })
  }
  const body: FormBody = {}
  const files: FormFile[] = []
  for (const [name, value] of Object.entries(all)) {
    const values = Array.isArray(value) ? value : [value]
    if (name === 'attachments') {
      for (const v of values)
        if (typeof v !== 'string' && (v.size > 0 || v.name))
          files.push({ name: v.name, mediaType: v.type, bytes: new Uint8Array(await v.arrayBuffer()) })
      continue
    }
    const last = values.at(-1)
    if (last !== undefined) body[name] = last
  }
  const contentOnly = ['true', 'on'].includes(String(body['attachments.contentOnly'] ?? ''))
  return { body, files: files.map((f) => ({ ...f, contentOnly })) }
}

export function citizenPages(deps: CitizenPageDeps): Hono {
  const app = new Hono()
  const org = deps.organizationName
  const clientKey = deps.clientKey
  const actions: CitizenAction[] = [
    ...(deps.withdraw ? (['withdraw'] as const) : []),
    ...(deps.supplement ? (['supplement'] as const) : []),
    ...(deps.escalate ? (['escalate'] as const) : []),
    ...(deps.rate ? (['rate'] as const) : []),
  ]
  const formLimit = bodyLimit({
    maxSize: MAX_FORM_BYTES,
    onError: (c) => {
      const lang = pageLang(c)
      return render(
        c,
        <ErrorPage lang={lang} organizationName={org} status={413} langHref={`/?lang=${otherLang(lang)}`} />,
        413,
        true,
      )
    },
  })

  const multipartLimit = bodyLimit({ maxSize: MAX_MULTIPART_BYTES, onError: (c) => formLimitError(c) })
  const formLimitError = (c: Context) => {
    const lang = pageLang(c)
    return render(
      c,
      <ErrorPage
        lang={lang}
        organizationName={org}
        status={413}
        detail={t(lang, 'submit.filesTooLarge', { limit: formUploadLimitText(lang) })}
        langHref={`/?lang=${otherLang(lang)}`}
      />,
      413,
      true,
    )
  }
  /** Multipart (files) only where the deps take files; every other post keeps the tight limit. */
  const submitLimit: typeof formLimit = (c, next) =>
    deps.acceptsFiles && (c.req.header('content-type') ?? '').toLowerCase().startsWith('multipart/form-data')
      ? multipartLimit(c, next)
      : formLimit(c, next)

  /** The lookup form again, with one message that does not tell an unknown code from a wrong PIN. */
  const lookupFailed = (c: Context, lang: Lang, code: string, reason: 'not_found' | 'locked') => {
    const message = t(lang, reason === 'locked' ? 'track.locked' : 'track.notFound')
    return render(
      c,
      <TrackPage
        lang={lang}
        organizationName={org}
        code={code}
        errors={[{ field: 'form', message }]}
        langHref={trackSwitchHref(code, lang)}
      />,
      reason === 'locked' ? 429 : 404,
      true,
    )
  }

  /** The tracking page for a lookup's outcome, or the lookup form when it failed. */
  const showOutcome = (
    c: Context,
    lang: Lang,
    code: string,
    pin: string,
    outcome: TrackOutcome,
    extra: Pick<TrackingPageProps, 'done' | 'failed'> = {},
  ) => {
    if (!outcome.ok) return lookupFailed(c, lang, code, outcome.reason)
    return render(
      c,
      <TrackingPage
        lang={lang}
        organizationName={org}
        view={outcome.view}
        pin={pin}
        actions={actions}
        langHref={trackSwitchHref(outcome.view.trackingCode, lang)}
        documents={outcome.documents}
        {...extra}
      />,
      extra.failed ? 422 : 200,
      true,
    )
  }

  app.get('/assets/site.css', (c) => {
    const current = `${c.req.path}?v=${c.req.query('v')}` === SITE_CSS_PATH
    c.header('Content-Type', 'text/css; charset=utf-8')
    c.header('X-Content-Type-Options', 'nosniff')
    c.header('Cache-Control', current ? 'public, max-age=31536000, immutable' : 'public, max-age=300')
    return c.body(SITE_CSS)
  })

  app.get(SITE_ICON_PATH, (c) => {
    c.header('Content-Type', 'image/svg+xml')
    c.header('X-Content-Type-Options', 'nosniff')
    c.header('Cache-Control', 'public, max-age=604800')
    return c.body(SITE_ICON_SVG)
  })

  // The pages problem `type` URIs resolve to (shared/http/problem-types.ts).
  app.get(`${PROBLEMS_PATH}/:code`, (c) => {
    const lang = pageLang(c)
    const code = c.req.param('code')
    const title = problemTitle(code, lang)
    if (!title) return citizenNotFound(deps)(c)
    return render(
      c,
      <ProblemPage
        lang={lang}
        organizationName={org}
        code={code}
        title={title}
        langHref={switchHref(c, lang)}
      />,
    )
  })

  app.get('/', (c) => {
    const lang = pageLang(c)
    return render(c, <HomePage lang={lang} organizationName={org} langHref={switchHref(c, lang)} />)
  })

  app.get('/submit', (c) => {
    const lang = pageLang(c)
    const kind = c.req.query('kind')
    return render(
      c,
      <SubmitPage
        lang={lang}
        organizationName={org}
        topics={deps.topics}
        acceptsFiles={deps.acceptsFiles}
        values={kind ? { kind } : {}}
        errors={[]}
        langHref={switchHref(c, lang)}
      />,
    )
  })

  app.post('/submit', submitLimit, async (c) => {
    const { body, files } = await formWithFiles(c)
    const lang = pageLang(c, typeof body.language === 'string' ? body.language : undefined)
    const form = parsePetitionForm(body, lang)
    const outcome = await deps.submit(form, lang, clientKey(c), files)
    if (!outcome.ok && outcome.retryAfterSeconds) c.header('Retry-After', String(outcome.retryAfterSeconds))
    // The receipt is this response itself, not a redirect: the PIN must never reach an address bar.
    if (outcome.ok)
      return render(
        c,
        <ReceiptPage
          lang={lang}
          organizationName={org}
          receipt={outcome.receipt}
          attached={outcome.attached}
          attachmentsFailed={outcome.attachmentsFailed}
        />,
        201,
        true,
      )
    return render(
      c,
      <SubmitPage
        lang={lang}
        organizationName={org}
        topics={deps.topics}
        acceptsFiles={deps.acceptsFiles}
        values={form}
        errors={outcome.errors}
        langHref={`/submit?lang=${otherLang(lang)}`}
      />,
      outcome.retryAfterSeconds ? 429 : 422,
      true,
    )
  })

  app.get('/track', (c) => {
    const lang = pageLang(c)
    const code = c.req.query('code')?.trim() ?? ''
    return render(
      c,
      <TrackPage lang={lang} organizationName={org} code={code} errors={[]} langHref={switchHref(c, lang)} />,
    )
  })

  app.post('/track', formLimit, async (c) => {
    const lang = pageLang(c)
    const { code, pin } = parseCredentials(await readForm(c))
    const missing: FieldError[] = [
      ...(code ? [] : [{ field: 'code', message: t(lang, 'track.code.missing') }]),
      ...(pin ? [] : [{ field: 'pin', message: t(lang, 'track.pin.missing') }]),
    ]
    if (missing.length > 0)
      return render(
        c,
        <TrackPage
          lang={lang}
          organizationName={org}
          code={code}
          errors={missing}
          langHref={trackSwitchHref(code, lang)}
        />,
        422,
        true,
      )
    return showOutcome(c, lang, code, pin, await deps.track(code, pin, lang, clientKey(c)))
  })

  const { documentLink } = deps
  if (documentLink)
    // The PIN comes in the form's body; the answer is a short-lived link to the file.
    app.post('/track/document', formLimit, async (c) => {
      const lang = pageLang(c)
      const body = await readForm(c)
      const { code, pin } = parseCredentials(body)
      const ref = typeof body.ref === 'string' ? body.ref.slice(0, 100) : ''
      if (!code || !pin || !ref) return lookupFailed(c, lang, code, 'not_found')
      try {
        const url = await documentLink(code, pin, ref, clientKey(c))
        if (!url) return lookupFailed(c, lang, code, 'not_found')
        c.header('Cache-Control', 'no-store')
        c.header('Referrer-Policy', 'no-referrer')
        return c.redirect(url, 303)
      } catch (error) {
        const status = (error as { status?: number }).status
        if (status === 404 || status === 429)
          return lookupFailed(c, lang, code, status === 429 ? 'locked' : 'not_found')
        throw error
      }
    })

  /**
   * A petitioner's step posted from the tracking page: the form read and checked (`check` gives the
   * values as typed and the fields missing or wrong), then the tracking page again with those errors
   * (422), or the step run and its outcome shown.
   */
  const step = <V extends NonNullable<TrackingPageProps['failed']>['values']>(
    action: CitizenAction,
    check: (body: FormBody, lang: Lang) => { values: V; errors: FieldError[] },
    run: (code: string, pin: string, values: V, lang: Lang, key: string) => Promise<TrackOutcome>,
  ) =>
    app.post(`/track/${action}`, formLimit, async (c) => {
      const lang = pageLang(c)
      const body = await readForm(c)
      const { code, pin } = parseCredentials(body)
      const { values, errors } = check(body, lang)
      const key = clientKey(c)
      if (errors.length > 0) {
        const failed = { action, errors, values }
        return showOutcome(c, lang, code, pin, await deps.track(code, pin, lang, key), { failed })
      }
      return showOutcome(c, lang, code, pin, await run(code, pin, values, lang, key), { done: action })
    })
  /** The error of `field` when `ok` is false. */
  const unless = (ok: boolean, field: string, message: string): FieldError[] =>
    ok ? [] : [{ field, message }]

  const { withdraw, supplement, escalate, rate } = deps
  if (withdraw)
    step(
      'withdraw',
      (body, lang) => {
        const reason = multiline(body, 'withdraw.reason').trim()
        return {
          values: { reason },
          errors: [
            ...unless(reason !== '', 'withdraw.reason', t(lang, 'tracking.withdraw.reason.missing')),
            ...unless(
              ticked(body, 'withdraw.confirm'),
              'withdraw.confirm',
              t(lang, 'tracking.withdraw.confirm.missing'),
            ),
          ],
        }
      },
      (code, pin, { reason }, lang, key) => withdraw(code, pin, reason, lang, key),
    )
  /** A step whose form is one required text: the supplement's text, the escalation's reason. */
  const textStep = (
    action: 'supplement' | 'escalate',
    name: 'text' | 'reason',
    missing: MessageKey,
    run: (code: string, pin: string, text: string, lang: Lang, key: string) => Promise<TrackOutcome>,
  ) =>
    step(
      action,
      (body, lang) => {
        const value = multiline(body, `${action}.${name}`).trim()
        return {
          values: { [name]: value },
          errors: unless(value !== '', `${action}.${name}`, t(lang, missing)),
        }
      },
      (code, pin, values, lang, key) => run(code, pin, values[name] ?? '', lang, key),
    )
  if (supplement) textStep('supplement', 'text', 'tracking.supplement.text.missing', supplement)
  if (escalate) textStep('escalate', 'reason', 'tracking.escalate.reason.missing', escalate)
  if (rate)
    step(
      'rate',
      (body, lang) => {
        const score = typeof body['rate.score'] === 'string' ? body['rate.score'].trim() : ''
        const comment = multiline(body, 'rate.comment').trim()
        return {
          values: { score, comment },
          errors: [
            ...unless(/^[1-5]$/.test(score), 'rate.score', t(lang, 'tracking.rate.score.missing')),
            ...unless(
              comment.length <= MAX_RATING_COMMENT,
              'rate.comment',
              t(lang, 'tracking.rate.comment.tooLong', { max: MAX_RATING_COMMENT }),
            ),
          ],
        }
      },
      (code, pin, { score, comment }, lang, key) =>
        rate(code, pin, comment ? { score: Number(score), comment } : { score: Number(score) }, lang, key),
    )

  // Applies to this app's routes even when it is mounted in another app. Never shows the error.
  app.onError((error, c) => {
    const status = error instanceof HTTPException && error.status < 500 ? error.status : 500
    if (status >= 500) deps.onError?.(error, c)
    const lang = pageLang(c)
    return render(
      c,
      <ErrorPage lang={lang} organizationName={org} status={status} langHref={`/?lang=${otherLang(lang)}`} />,
      status,
      true,
    )
  })

  app.notFound(citizenNotFound(deps))
  return app
}

/**
 * The not-found page. A mounted app's own `notFound` is not consulted by its parent, so the app that
 * mounts the citizen pages should pass this to its `notFound` for addresses outside `/api` and `/staff`.
 */
export function citizenNotFound(deps: Pick<CitizenPageDeps, 'organizationName'>) {
  return (c: Context) => {
    const lang = pageLang(c)
    return render(
      c,
      <ErrorPage
        lang={lang}
        organizationName={deps.organizationName}
        status={404}
        langHref={switchHref(c, lang)}
      />,
      404,
    )
  }
}
