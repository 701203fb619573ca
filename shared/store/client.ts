/**
 * One DynamoDB document client per process (created at cold start, reused by every request).
 * Optionally bills every operation as DynamoDB would (store/meter.ts), which is how the benchmarks
 * and the capacity tests measure cost per operation against the same code paths that serve
 * requests. Without `onCapacity` nothing is metered and nothing extra is read.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import { type CapacityRecord, meterCapacity, sideClient } from './meter.js'

export type { CapacityRecord } from './meter.js'

export interface StoreClientOptions {
  readonly region?: string
  /** A local endpoint (dynalite) instead of AWS. */
  readonly endpoint?: string
  /** Called after every operation with the capacity DynamoDB would bill for it (store/meter.ts). */
  readonly onCapacity?: (record: CapacityRecord) => void
}

export type Db = DynamoDBDocumentClient

export function createDocumentClient(options: StoreClientOptions = {}): Db {
  const client = new DynamoDBClient({
    region: options.region ?? 'ap-southeast-1',
    ...(options.endpoint
      ? { endpoint: options.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
    maxAttempts: 4,
  })
  const doc = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  })
  if (options.onCapacity) meterCapacity(doc, options.onCapacity, sideClient(options))
  return doc
}

/** Bills every call of a client (e.g. the idempotency layer's own) as DynamoDB would. */
export function meterClient(
  client: DynamoDBClient | DynamoDBDocumentClient,
  onCapacity: (record: CapacityRecord) => void,
  options: { region?: string; endpoint?: string },
): void {
  meterCapacity(client, onCapacity, sideClient(options))
}
