/**
 * One DynamoDB document client per process (created at cold start, reused by every request).
 * Optionally records the capacity units every operation consumed, which is how the benchmarks and
 * the capacity tests measure cost per operation against the same code paths that serve requests.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'

export interface CapacityRecord {
  readonly operation: string
  readonly capacityUnits: number
  readonly readCapacityUnits?: number
  readonly writeCapacityUnits?: number
}

export interface StoreClientOptions {
  readonly region?: string
  /** A local endpoint (dynalite) instead of AWS. */
  readonly endpoint?: string
  /** Called after every operation with the capacity it consumed (turns on ReturnConsumedCapacity). */
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
  if (options.onCapacity) meterCapacity(doc, options.onCapacity)
  return doc
}

/** Adds ReturnConsumedCapacity to every call of a client and reports what each call consumed. */
export function meterCapacity(
  client: DynamoDBClient | DynamoDBDocumentClient,
  onCapacity: (record: CapacityRecord) => void,
): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as Record<string, unknown>
      input.ReturnConsumedCapacity = 'TOTAL'
      const result = await next(args)
      const output = result.output as { ConsumedCapacity?: unknown }
      const consumed = ([] as unknown[]).concat(output.ConsumedCapacity ?? []) as {
        CapacityUnits?: number
        ReadCapacityUnits?: number
        WriteCapacityUnits?: number
      }[]
      for (const c of consumed)
        onCapacity({
          operation: (context.commandName ?? 'unknown').replace(/Command$/, ''),
          capacityUnits: c.CapacityUnits ?? 0,
          readCapacityUnits: c.ReadCapacityUnits,
          writeCapacityUnits: c.WriteCapacityUnits,
        })
      return result
    },
    { step: 'initialize', name: 'consumedCapacityMeter' },
  )
}
