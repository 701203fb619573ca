/** Shared by the reliability tests: read cases back by index (never Scan) and run work in lanes. */
import { type Agent, request as httpRequestRaw } from 'node:http'
import type { Db } from '../../shared/store/client.js'
import { INDEXES } from '../../shared/store/table.js'

/** Every case code of a committee, read from the reporting index page by page. */
export async function caseCodesOf(db: Db, tableName: string, committeeId: string): Promise<string[]> {
  const codes: string[] = []
  let start: Record<string, unknown> | undefined
  do {
    const out = await db.query({
      TableName: tableName,
      IndexName: INDEXES.reporting.name,
      KeyConditionExpression: 'reportPk = :pk',
      ExpressionAttributeValues: { ':pk': `R#${committeeId}` },
      ExclusiveStartKey: start,
    })
    for (const item of out.Items ?? []) if (item.sk === 'CASE') codes.push(item.code as string)
    start = out.LastEvaluatedKey
  } while (start)
  return codes
}

/** Runs `work` over `items` with at most `lanes` at a time. */
export async function inLanes<T, R>(items: readonly T[], lanes: number, work: (item: T) => Promise<R>) {
  const results: R[] = new Array(items.length)
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(lanes, items.length) }, async () => {
      while (next < items.length) {
        const i = next++
        results[i] = await work(items[i]!)
      }
    }),
  )
  return results
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * One HTTP request through node:http with its own agent: no connect timeout (a loaded machine may
 * take longer than fetch's 10 s to accept 1,000 connections) and no connection cap.
 */
export function httpRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: unknown; agent?: Agent } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: any }> {
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body)
  return new Promise((resolve, reject) => {
    const req = httpRequestRaw(
      url,
      {
        method: options.method ?? 'GET',
        agent: options.agent,
        headers: {
          ...(payload
            ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
            : {}),
          ...options.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('error', reject)
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          let body: unknown = text
          try {
            body = text ? JSON.parse(text) : undefined
          } catch {
            // not JSON
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body })
        })
      },
    )
    req.on('error', reject)
    req.end(payload)
  })
}
