/**
 * Audit samples (quality review of closed cases): one item per sample, holding the drawn cases and
 * the finding recorded on each. An organisation draws a few samples per committee and period, so
 * all of them live in one partition, newest last.
 *
 * Access patterns:
 *   putSample(sample)                 PutItem     AUDITS / SAMPLE#<id>, conditional on absence
 *   getSample(id)                     GetItem     AUDITS / SAMPLE#<id>
 *   listSamples()                     Query       AUDITS, sk begins_with SAMPLE#
 *   recordFinding(id, code, finding)  UpdateItem  AUDITS / SAMPLE#<id>, conditional on the sample
 *                                                  existing and holding the case
 */
import type { Finding } from '../domain/audit.js'
import type { LocalDate } from '../domain/dates.js'
import { DomainError } from '../domain/errors.js'
import type { Kind } from '../domain/vocabulary.js'
import { type Db, isConditionalCheckFailed } from './client.js'
import { decodeItem } from './table.js'

/** A sampled case: what the reviewer needs to find it, as the reporting index held it. */
export interface SampledCase {
  readonly code: string
  readonly kind: Kind
  readonly committeeId: string
  readonly status: string
  readonly receivedOn: LocalDate
  readonly doneOn: LocalDate
}

export interface RecordedFinding {
  readonly finding: Finding
  readonly note: string
  readonly by: string
  readonly at: string
}

export interface AuditSample {
  readonly id: string
  readonly committeeId: string
  readonly from: LocalDate
  readonly to: LocalDate
  /** The size asked for; the sample is smaller when fewer cases were finished. */
  readonly size: number
  /** The seed of the draw: the same population and seed give the same sample. */
  readonly seed: number
  /** How many cases were finished in the period: the population drawn from. */
  readonly populationSize: number
  readonly cases: readonly SampledCase[]
  readonly findings: Readonly<Record<string, RecordedFinding>>
  readonly createdBy: string
  readonly createdAt: string
}

const PK = 'AUDITS'
const sk = (id: string) => `SAMPLE#${id}`

export function createAuditStore(db: Db, tableName: string) {
  // `codes` is storage only: the string set a finding's write checks against (putSample).
  const strip = (item: Record<string, unknown>) => decodeItem<AuditSample>(item, ['codes'])
  return {
    async putSample(sample: AuditSample): Promise<void> {
      await db.put({
        TableName: tableName,
        // `codes` is a string set so a finding's write can check that the case is in the sample.
        Item: {
          pk: PK,
          sk: sk(sample.id),
          ...sample,
          codes: sample.cases.length ? new Set(sample.cases.map((c) => c.code)) : undefined,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      })
    },
    async getSample(id: string): Promise<AuditSample | undefined> {
      const out = await db.get({ TableName: tableName, Key: { pk: PK, sk: sk(id) } })
      return out.Item ? strip(out.Item) : undefined
    },
    async listSamples(): Promise<AuditSample[]> {
      const samples: AuditSample[] = []
      let start: Record<string, unknown> | undefined
      do {
        const out = await db.query({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': PK, ':prefix': 'SAMPLE#' },
          ExclusiveStartKey: start,
        })
        for (const item of out.Items ?? []) samples.push(strip(item))
        start = out.LastEvaluatedKey
      } while (start)
      return samples
    },
    /** Records (or revises) the finding on one sampled case; other cases' findings are untouched. */
    async recordFinding(id: string, code: string, finding: RecordedFinding): Promise<AuditSample> {
      try {
        const out = await db.update({
          TableName: tableName,
          Key: { pk: PK, sk: sk(id) },
          UpdateExpression: 'SET findings.#code = :finding',
          ConditionExpression: 'attribute_exists(pk) AND contains(codes, :code)',
          ExpressionAttributeNames: { '#code': code },
          ExpressionAttributeValues: { ':finding': finding, ':code': code },
          ReturnValues: 'ALL_NEW',
        })
        return strip(out.Attributes ?? {})
      } catch (error) {
        if (isConditionalCheckFailed(error))
          throw new DomainError('not_in_sample', `case ${code} is not in audit sample ${id}`, 404)
        throw error
      }
    },
  }
}

export type AuditStore = ReturnType<typeof createAuditStore>
