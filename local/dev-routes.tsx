/**
 * Dev sign-in, only in the local runtime (never bundled into a Lambda): lists the seeded users and
 * issues tokens from the local issuer. Choosing a user here is the only thing it does; the staff
 * app verifies the token exactly as it verifies Cognito's.
 */
import { Hono } from 'hono'
import * as z from 'zod'
import { DomainError } from '../shared/domain/errors.js'
import { ValidationProblem } from '../shared/http/field-problems.js'
import type { DevMailbox } from '../shared/notifications/senders.js'
import { renderMessage } from '../shared/notifications/templates.js'
import type { Sealer } from '../shared/security.js'
import type { Sweep } from '../shared/service/sweep.js'
import type { UserStore } from '../shared/store/users.js'
import type { DevSignIn } from '../web/staff/sign-in.js'
import type { LocalIdentity } from './identity.js'

const tokenRequest = z.strictObject({ userId: z.string().min(1).max(64) })

export interface DevRouteDeps {
  readonly users: UserStore
  readonly identity: LocalIdentity
  readonly sweep: Sweep
  readonly sealer: Sealer
  /** What the local sender was handed: the sent messages (they are no longer listed by the outbox). */
  readonly mailbox: DevMailbox
}

export function devRoutes({ users, identity, sweep, sealer, mailbox }: DevRouteDeps) {
  const app = new Hono()

  /** Runs the deadline sweep (and the morning digest when it is due) now: `npm run sweep`. */
  app.post('/dev/sweep', async (c) => c.json({ sweep: await sweep.sweep(), digests: await sweep.digest() }))

  /** Every message that would have been sent: the local stand-in for SES and SMS. */
  app.get('/dev/mailbox', async (c) => {
    const [failed, pending] = await Promise.all([
      sweep.outbox.listRecent('failed', 50),
      sweep.outbox.listRecent('pending', 50),
    ])
    const sent = mailbox.delivered().slice(0, 200)
    const waiting = await Promise.all(
      [...pending, ...failed].map(async (m) => ({
        state: m.state,
        channel: m.channel,
        to: m.toSealed ? await sealer.open(m.to) : m.to,
        at: m.createdAt,
        lastError: m.lastError,
        ...renderMessage(m.template, m.language, m.params),
      })),
    )
    const rows = [...waiting, ...sent.map((m) => ({ ...m, state: 'sent', lastError: undefined }))]
    return c.html(
      <html lang="vi">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>Hộp thư thử (máy cục bộ) — Dev mailbox</title>
          <link rel="stylesheet" href="/assets/site.css" />
        </head>
        <body>
          <main class="container">
            <h1>Hộp thư thử — Dev mailbox</h1>
            <p>
              Mọi thư điện tử và tin nhắn mà hệ thống lẽ ra đã gửi (trên AWS: SES và SMS). / Every e-mail and
              SMS the system would have sent. {sent.length} sent, {failed.length} failed, {pending.length}{' '}
              pending.
            </p>
            <form method="post" action="/dev/mailbox/sweep">
              <button type="submit">Chạy quét thời hạn ngay / Run the sweep now</button>
            </form>
            {rows.map(({ state, channel, to, at, lastError, subject, body }) => (
              <article class="card" data-testid="message" data-state={state}>
                <h2>{subject}</h2>
                <p>
                  <strong>{state}</strong> · {channel} · {to} · {at}
                  {lastError ? ` · ${lastError}` : ''}
                </p>
                <pre>{body}</pre>
              </article>
            ))}
          </main>
        </body>
      </html>,
    )
  })

  app.post('/dev/mailbox/sweep', async (c) => {
    await sweep.sweep()
    await sweep.digest()
    return c.redirect('/dev/mailbox', 303)
  })

  app.get('/api/v1/dev/users', async (c) => {
    const list = await users.listUsers()
    return c.json({
      users: list.map((u) => ({ id: u.id, displayName: u.displayName, memberships: u.memberships })),
    })
  })

  app.post('/api/v1/dev/tokens', async (c) => {
    let body: unknown
    try {
      body = await c.req.json()
    } catch {
      throw new DomainError('malformed_json', 'the body is not valid JSON', 400)
    }
    const parsed = tokenRequest.safeParse(body)
    if (!parsed.success) throw new ValidationProblem(parsed.error, 'json')
    const user = await users.getUser(parsed.data.userId)
    if (!user) throw new DomainError('unknown_user', `there is no user '${parsed.data.userId}'`, 404)
    return c.json({
      token: await identity.issue(user.id),
      user: { id: user.id, displayName: user.displayName, memberships: user.memberships },
    })
  })

  app.get('/dev/sign-in', async (c) => {
    const list = await users.listUsers()
    return c.html(
      <html lang="vi">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>Đăng nhập thử (máy cục bộ) — Dev sign-in</title>
          <link rel="stylesheet" href="/assets/site.css" />
        </head>
        <body>
          <main class="container">
            <h1>Đăng nhập thử — Dev sign-in</h1>
            <p>
              Chỉ có trên máy cục bộ. Chọn một người dùng để nhận mã truy cập (JWT) cho API cán bộ. / Local
              runtime only: choose a user to get a staff API token.
            </p>
            <p>
              <a href="/staff/sign-in">Vào không gian làm việc của cán bộ / Open the staff workspace</a>
            </p>
            <table>
              <thead>
                <tr>
                  <th>ID</th>
                  <th>Tên / Name</th>
                  <th>Vai trò / Roles</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {list.map((u) => (
                  <tr>
                    <td>
                      <code>{u.id}</code>
                    </td>
                    <td>{u.displayName}</td>
                    <td>
                      {u.memberships
                        .map((m) => `${m.role}${m.committeeId ? ` @ ${m.committeeId}` : ''}`)
                        .join(', ')}
                    </td>
                    <td>
                      <form method="post" action="/dev/sign-in">
                        <input type="hidden" name="userId" value={u.id} />
                        <button type="submit">Nhận token</button>
                      </form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </main>
        </body>
      </html>,
    )
  })

  app.post('/dev/sign-in', async (c) => {
    const form = await c.req.parseBody()
    const user = typeof form.userId === 'string' ? await users.getUser(form.userId) : undefined
    if (!user) return c.text('unknown user', 404)
    const token = await identity.issue(user.id)
    const origin = new URL(c.req.url).origin
    return c.html(
      <html lang="vi">
        <head>
          <meta charset="utf-8" />
          <title>Token — {user.id}</title>
          <link rel="stylesheet" href="/assets/site.css" />
        </head>
        <body>
          <main class="container">
            <h1>{user.displayName}</h1>
            <p>Token (12 giờ / 12 hours):</p>
            <pre id="token">{token}</pre>
            <p>Ví dụ / Example:</p>
            <pre>{`curl -H "Authorization: Bearer ${token.slice(0, 16)}…" ${origin}/api/v1/committees`}</pre>
            <p>
              <a href="/dev/sign-in">← Người dùng khác / another user</a>
            </p>
          </main>
        </body>
      </html>,
    )
  })

  return app
}

/** The staff pages' dev sign-in: pick a seeded user, get a token from the local issuer (never in a Lambda). */
export function devStaffSignIn(users: UserStore, identity: LocalIdentity): DevSignIn {
  return { kind: 'dev', listUsers: () => users.listUsers(), issue: (userId) => identity.issue(userId) }
}
