/**
 * The AWS SDK side of the stores' seam (store/client.ts): the DynamoDB document client and its
 * commands, in a module of its own so the bundles load it with `import()` on the first operation.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import {
  BatchGetCommand,
  BatchWriteCommand,
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb'
import type { Db, StoreClientOptions } from './client.js'
import { type CapacityRecord, meterCapacity } from './meter.js'

/** An SDK client to `options`' endpoint (dynalite: local credentials). */
export function dynamoClient(options: { region?: string; endpoint?: string; maxAttempts?: number }) {
  return new DynamoDBClient({
    region: options.region ?? 'ap-southeast-1',
    ...(options.endpoint
      ? { endpoint: options.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
    ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}),
  })
}

export function sdkDb(options: StoreClientOptions): Db {
  const doc = DynamoDBDocumentClient.from(dynamoClient({ ...options, maxAttempts: 4 }), {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  })
  if (options.onCapacity) meterCapacity(doc, options.onCapacity, dynamoClient(options))
  return {
    get: (input) => doc.send(new GetCommand(input)),
    put: (input) => doc.send(new PutCommand(input)),
    update: (input) => doc.send(new UpdateCommand(input)),
    delete: (input) => doc.send(new DeleteCommand(input)),
    query: (input) => doc.send(new QueryCommand(input)),
    batchGet: (input) => doc.send(new BatchGetCommand(input)),
    batchWrite: (input) => doc.send(new BatchWriteCommand(input)),
    documentClient: async () => doc,
    destroy: () => doc.destroy(),
  }
}

/** Bills every call of a client (e.g. the idempotency layer's own) as DynamoDB would. */
export function meterClient(
  client: DynamoDBClient | DynamoDBDocumentClient,
  onCapacity: (record: CapacityRecord) => void,
  options: { region?: string; endpoint?: string },
): void {
  meterCapacity(client, onCapacity, dynamoClient(options))
}
