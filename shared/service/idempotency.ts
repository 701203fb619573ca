/**
 * Idempotent public submission (`Idempotency-Key` header) through Powertools idempotency, with its
 * records in the same table. The stored response must not hold a usable PIN, so the PIN is sealed
 * before Powertools persists the result and opened again on the way out.
 */
import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency'
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb'
import type { Context } from 'aws-lambda'
import type { Sealer } from '../security.js'
import type { CapacityRecord } from '../store/client.js'
import { dynamoClient, meterClient } from '../store/sdk.js'
import { TIME_TO_LIVE_ATTRIBUTE } from '../store/table.js'
import type { Receipt } from './petitions.js'

export interface IdempotencyOptions {
  readonly tableName: string
  readonly endpoint?: string
  readonly region?: string
  readonly sealer: Sealer
  /** Receives the capacity units of the idempotency records' reads and writes (benchmarks). */
  readonly onCapacity?: (record: CapacityRecord) => void
  /** How long a key is remembered (default 24 h). */
  readonly expiresAfterSeconds?: number
}

type SealedReceipt = Omit<Receipt, 'pin'> & { pinSealed: string }

export interface IdempotentSubmit {
  <T>(key: string, body: T, submit: (body: T) => Promise<Receipt>): Promise<Receipt>
  /**
   * Lambda: the invocation's context, so an in-progress record expires with the invocation. On
   * one machine there is no invocation deadline; the default stands for one.
   */
  registerLambdaContext(context: Context): void
}

/**
 * The local runtime has no invocation deadline and never kills a request, so a record in progress
 * must outlive any request a loaded machine can still be running: 5 minutes. (With 30 s, a
 * submission queued behind a thousand others outlived its record and a retry filed it twice.)
 */
const LOCAL_CLOCK = { getRemainingTimeInMillis: () => 300_000 } satisfies Pick<
  Context,
  'getRemainingTimeInMillis'
>

/**
 * A Lambda context for a runtime with no invocation: Powertools reads only the time left (the
 * clock given); the other members are neutral values that nothing reads.
 */
function contextWithout(clock: Pick<Context, 'getRemainingTimeInMillis'>): Context {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: 'local',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'local',
    memoryLimitInMB: '0',
    awsRequestId: 'local',
    logGroupName: 'local',
    logStreamName: 'local',
    getRemainingTimeInMillis: clock.getRemainingTimeInMillis,
    done: () => {},
    fail: () => {},
    succeed: () => {},
  }
}

const LOCAL_CONTEXT = contextWithout(LOCAL_CLOCK)

export function createIdempotentSubmit(options: IdempotencyOptions): IdempotentSubmit {
  const client = dynamoClient(options)
  if (options.onCapacity) meterClient(client, options.onCapacity, options)
  const persistenceStore = new DynamoDBPersistenceLayer({
    tableName: options.tableName,
    keyAttr: 'pk',
    sortKeyAttr: 'sk',
    staticPkValue: 'IDEMPOTENCY',
    // The table's one time-to-live attribute, shared with every other expiring item.
    expiryAttr: TIME_TO_LIVE_ATTRIBUTE,
    awsSdkV3Client: client,
  })
  const config = new IdempotencyConfig({
    eventKeyJmesPath: 'key',
    // The same key with a different body is a client error, not a replay.
    payloadValidationJmesPath: 'body',
    expiresAfterSeconds: options.expiresAfterSeconds ?? 86_400,
  })
  const run = makeIdempotent(
    async (
      payload: { key: string; body: unknown },
      submit: (body: unknown) => Promise<Receipt>,
    ): Promise<SealedReceipt> => {
      const { pin, ...rest } = await submit(payload.body)
      return { ...rest, pinSealed: await options.sealer.seal(pin) }
    },
    { persistenceStore, config, dataIndexArgument: 0 },
  )
  config.registerLambdaContext(LOCAL_CONTEXT)
  const submit = async <T>(key: string, body: T, submitter: (body: T) => Promise<Receipt>) => {
    const sealed = (await run({ key, body }, submitter as (b: unknown) => Promise<Receipt>)) as SealedReceipt
    const { pinSealed, ...rest } = sealed
    return { ...rest, pin: await options.sealer.open(pinSealed) }
  }
  return Object.assign(submit, {
    registerLambdaContext: (context: Context) => config.registerLambdaContext(context),
  })
}
