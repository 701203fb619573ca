/**
 * The correlation id of a log line is the id of the request it was written for, even when one
 * process serves many requests at once (the local server): no id from another request, none lost.
 */
import { setTimeout as sleep } from 'node:timers/promises'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createApp } from '../../shared/http/app-base.js'
import { createLogger } from '../../shared/observability.js'

let lines: string[] = []
let restore: () => void
beforeEach(() => {
  lines = []
  const original = process.stdout.write
  process.stdout.write = ((chunk: unknown, ...rest: unknown[]) => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8')
    if (text.startsWith('{"level"')) {
      lines.push(...text.trim().split('\n'))
      return true
    }
    return (original as (...a: unknown[]) => boolean).call(process.stdout, chunk, ...rest)
  }) as typeof process.stdout.write
  restore = () => {
    process.stdout.write = original
  }
})
afterEach(() => restore())

describe('correlation ids in the logs', () => {
  it('keeps each concurrent request’s id on its own lines', async () => {
    const logger = createLogger({ serviceName: 'test' })
    const app = createApp(logger)
    app.get('/api/v1/work/:n', async (c) => {
      const n = c.req.param('n')
      await sleep((Number(n) * 7) % 13)
      logger.info('step one', { n })
      await sleep((Number(n) * 5) % 11)
      logger.info('step two', { n })
      return c.json({ n })
    })

    const count = 30
    const responses = await Promise.all(
      Array.from({ length: count }, (_, n) =>
        app.request(`/api/v1/work/${n}`, { headers: { 'x-correlation-id': `request-${n}-of-test` } }),
      ),
    )

    expect(responses.every((r) => r.status === 200)).toBe(true)
    const logged = lines.map((l) => JSON.parse(l) as { message: string; n: string; correlationId?: string })
    expect(logged).toHaveLength(count * 2)
    for (const line of logged) expect(line.correlationId, line.message).toBe(`request-${line.n}-of-test`)
    // Outside a request, no id lingers.
    logger.info('after')
    expect(JSON.parse(lines.at(-1)!)).not.toHaveProperty('correlationId')
  })
})
