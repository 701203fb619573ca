/**
 * The capacity meter on a real client against dynalite: what each call is billed, from the items
 * themselves (index writes included, empty reads at their minimum), not from the engine's own
 * ConsumedCapacity.
 */
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type EmbeddedDynamo, startDynalite } from '../../local/dynalite.js'
import { createTableInput } from '../../shared/store/bootstrap.js'
import { type CapacityRecord, createDocumentClient, type Db } from '../../shared/store/client.js'

let dynamo: EmbeddedDynamo
let db: Db
const TableName = 'meter-test'
let records: CapacityRecord[] = []
beforeAll(async () => {
  dynamo = await startDynalite()
  const raw = new DynamoDBClient({
    endpoint: dynamo.endpoint,
    region: 'ap-southeast-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  })
  await raw.send(new CreateTableCommand(createTableInput(TableName)))
  db = createDocumentClient({ endpoint: dynamo.endpoint, onCapacity: (r) => records.push(r) })
})
afterAll(async () => dynamo.close())

async function billOf(run: () => Promise<unknown>) {
  records = []
  await run().catch(() => undefined)
  return records
}

const openCase = {
  pk: 'CASE#M1',
  sk: 'CASE',
  code: 'M1',
  status: 'accepted',
  title: 'Khiếu nại về việc cấp giấy chứng nhận quyền sử dụng đất',
  queuePk: 'Q#btc',
  queueSk: '2026-12-01#M1',
  reportPk: 'R#btc',
  reportSk: '9999-12-31#M1',
  version: 1,
}

describe('the capacity meter', () => {
  it('bills a new case 1 write and one write for each index it enters', async () => {
    const bill = await billOf(() => db.put({ TableName, Item: openCase }))
    expect(bill).toEqual([
      expect.objectContaining({
        operation: 'PutItem',
        writeCapacityUnits: 3,
        indexWriteUnits: 2,
        capacityUnits: 3,
      }),
    ])
  })

  it('bills a change of the queue key as a delete and a put in that index, and the projected status in the other', async () => {
    const bill = await billOf(() =>
      db.update({
        TableName,
        Key: { pk: 'CASE#M1', sk: 'CASE' },
        UpdateExpression: 'SET queueSk = :q, #s = :s, version = :v',
        ConditionExpression: 'version = :one',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':q': '2026-12-15#M1', ':s': 'verifying', ':v': 2, ':one': 1 },
      }),
    )
    // table 1 + committeeQueue delete 1 + put 1 + reporting update 1
    expect(bill).toEqual([
      expect.objectContaining({ operation: 'UpdateItem', capacityUnits: 4, indexWriteUnits: 3 }),
    ])
  })

  it('bills a failed conditional write on the item as it stands, with no index writes', async () => {
    const bill = await billOf(() =>
      db.update({
        TableName,
        Key: { pk: 'CASE#M1', sk: 'CASE' },
        UpdateExpression: 'SET version = :v',
        ConditionExpression: 'version = :old',
        ExpressionAttributeValues: { ':v': 9, ':old': 1 },
      }),
    )
    expect(bill).toEqual([
      expect.objectContaining({ operation: 'UpdateItem', capacityUnits: 1, indexWriteUnits: 0 }),
    ])
  })

  it('bills an empty Query and a missing item at the minimum read', async () => {
    const empty = await billOf(() =>
      db.query({
        TableName,
        IndexName: 'committeeQueue',
        KeyConditionExpression: 'queuePk = :pk',
        ExpressionAttributeValues: { ':pk': 'Q#nobody' },
      }),
    )
    expect(empty).toEqual([expect.objectContaining({ operation: 'Query', capacityUnits: 0.5 })])
    const missing = await billOf(() =>
      db.get({ TableName, Key: { pk: 'CASE#NONE', sk: 'CASE' }, ConsistentRead: true }),
    )
    expect(missing).toEqual([expect.objectContaining({ operation: 'GetItem', capacityUnits: 1 })])
  })

  it('bills a projected GetItem on the whole item, and a filtered Query on every item it read', async () => {
    const big = { pk: 'CASE#M2', sk: 'CASE', note: 'Đơn tố cáo hành vi vi phạm. '.repeat(200) } // > 4 KB in UTF-8
    await db.put({ TableName, Item: big })
    const projected = await billOf(() =>
      db.get({ TableName, Key: { pk: 'CASE#M2', sk: 'CASE' }, ProjectionExpression: 'pk' }),
    )
    expect(projected).toEqual([expect.objectContaining({ operation: 'GetItem', capacityUnits: 1 })])
    const filtered = await billOf(() =>
      db.query({
        TableName,
        KeyConditionExpression: 'pk = :pk',
        FilterExpression: 'attribute_exists(absent)',
        ExpressionAttributeValues: { ':pk': 'CASE#M2' },
      }),
    )
    expect(filtered).toEqual([expect.objectContaining({ operation: 'Query', capacityUnits: 1 })])
  })
})
