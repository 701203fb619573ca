/**
 * The stores' one door to DynamoDB: plain operations (`get`, `put`, `update`, `delete`, `query`,
 * `batchGet`, `batchWrite`) taking the inputs and returning the outputs of the document client's
 * commands. The SDK itself (client, commands, marshalling: ≈250 KB) lives in store/sdk.ts, loaded
 * with `import()` on the first call, so a cold start that answers without the table (a page, a
 * redirect) never parses it, and a store module imports no SDK code (types only).
 *
 * One client per process (created on the first call, reused by every request). Optionally bills
 * every operation as DynamoDB would (store/meter.ts), which is how the benchmarks and the capacity
 * tests measure cost per operation against the same code paths that serve requests. Without
 * `onCapacity` nothing is metered and nothing extra is read.
 */
import type {
  BatchGetCommandInput,
  BatchGetCommandOutput,
  BatchWriteCommandInput,
  BatchWriteCommandOutput,
  DeleteCommandInput,
  DeleteCommandOutput,
  DynamoDBDocumentClient,
  GetCommandInput,
  GetCommandOutput,
  PutCommandInput,
  PutCommandOutput,
  QueryCommandInput,
  QueryCommandOutput,
  UpdateCommandInput,
  UpdateCommandOutput,
} from '@aws-sdk/lib-dynamodb'
import { onFirstUse } from '../lazy.js'
import type { CapacityRecord } from './meter.js'

export type { CapacityRecord } from './meter.js'

export interface StoreClientOptions {
  readonly region?: string
  /** A local endpoint (dynalite) instead of AWS. */
  readonly endpoint?: string
  /** Called after every operation with the capacity DynamoDB would bill for it (store/meter.ts). */
  readonly onCapacity?: (record: CapacityRecord) => void
}

/** The DynamoDB operations the stores use, each one request (the document client's commands). */
export interface Db {
  get(input: GetCommandInput): Promise<GetCommandOutput>
  put(input: PutCommandInput): Promise<PutCommandOutput>
  update(input: UpdateCommandInput): Promise<UpdateCommandOutput>
  delete(input: DeleteCommandInput): Promise<DeleteCommandOutput>
  query(input: QueryCommandInput): Promise<QueryCommandOutput>
  batchGet(input: BatchGetCommandInput): Promise<BatchGetCommandOutput>
  batchWrite(input: BatchWriteCommandInput): Promise<BatchWriteCommandOutput>
  /**
   * The document client behind the operations, created on first use: for tests and benchmarks that
   * send commands of their own (a Scan to look at the whole table, a mock around the client).
   */
  documentClient(): Promise<DynamoDBDocumentClient>
  /** Closes the client's connections (a process that ends: local runtime, tests). */
  destroy(): void
}

export function createDocumentClient(options: StoreClientOptions = {}): Db {
  let loaded: Db | undefined
  const sdk = onFirstUse(async () => {
    loaded = (await import('./sdk.js')).sdkDb(options)
    return loaded
  })
  return {
    get: async (input) => (await sdk()).get(input),
    put: async (input) => (await sdk()).put(input),
    update: async (input) => (await sdk()).update(input),
    delete: async (input) => (await sdk()).delete(input),
    query: async (input) => (await sdk()).query(input),
    batchGet: async (input) => (await sdk()).batchGet(input),
    batchWrite: async (input) => (await sdk()).batchWrite(input),
    documentClient: async () => (await sdk()).documentClient(),
    destroy: () => loaded?.destroy(),
  }
}

/**
 * A conditional write refused because its condition did not hold, told by the error's name (the
 * SDK's exception class would pull the SDK into every store module).
 */
export const isConditionalCheckFailed = (error: unknown): boolean =>
  (error as { name?: string } | undefined)?.name === 'ConditionalCheckFailedException'
