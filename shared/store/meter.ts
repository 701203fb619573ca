/**
 * A capacity meter that bills like DynamoDB on-demand, computed from the items themselves rather
 * than from what the engine reports: dynalite's ConsumedCapacity counts no index writes, prices an
 * empty read at 0 and sizes strings in UTF-16 characters. The rules (DynamoDB Developer Guide,
 * "Item sizes and formats", "Read/write capacity mode", "Provisioned throughput considerations for
 * GSIs"):
 *   - an item's size is the sum of its attribute names and values; strings and binaries are their
 *     UTF-8 byte length, numbers 1 byte per two significant digits plus 1, booleans and nulls 1,
 *     lists and maps 3 bytes plus 1 per element plus their elements (names included for maps);
 *   - a write costs 1 unit per KB of the larger of the item before and after (at least 1), a
 *     failed conditional write likewise on the item as it stands;
 *   - each index write is computed from the index entries before and after: an entry that appears
 *     or disappears is one write of its size, a key change is a delete plus a put, an entry whose
 *     projected values do not change costs nothing;
 *   - a GetItem costs 1 unit per 4 KB of the whole item (a projection does not make it cheaper),
 *     half for an eventually consistent read, and an empty read still costs that minimum;
 *   - a Query or Scan sums the sizes of every item it reads (before any filter) and rounds the sum
 *     up to 4 KB, so an empty Query costs 0.5 (eventually consistent) or 1;
 *   - BatchGetItem and BatchWriteItem bill each item as its own GetItem, PutItem or DeleteItem.
 *
 * It only runs when a caller asks for capacity records (benchmarks, capacity tests): it reads the
 * item before and after each write through a second, unmetered client, so the production path
 * (no `onCapacity`) pays nothing for it. Its before/after reads are not atomic with the write: a
 * figure is exact when nothing else writes the same item at the same moment, as in the benches.
 */
import {
  type AttributeValue,
  type DynamoDBClient,
  GetItemCommand,
  QueryCommand,
} from '@aws-sdk/client-dynamodb'
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import { marshall } from '@aws-sdk/util-dynamodb'
import { INDEXES, type IndexDefinition, TABLE_KEYS } from './table.js'

export type Item = Record<string, AttributeValue>

/** What one request was billed (reads and writes in capacity units, index writes included). */
export interface CapacityRecord {
  readonly operation: string
  /** Everything the request was billed: reads + table writes + index writes. */
  readonly capacityUnits: number
  readonly readCapacityUnits?: number
  /** Table and index writes together. */
  readonly writeCapacityUnits?: number
  /** Of the write units, those for the global secondary indexes. */
  readonly indexWriteUnits?: number
}

const utf8 = (s: string) => Buffer.byteLength(s, 'utf8')

function numberSize(n: string): number {
  const digits = n
    .replace(/^-/, '')
    .replace(/[eE].*$/, '')
    .replace('.', '')
    .replace(/^0+/, '')
    .replace(/0+$/, '')
  return Math.ceil((digits.length || 1) / 2) + 1
}

/** The size in bytes DynamoDB gives one attribute value. */
export function attributeValueSize(v: AttributeValue): number {
  if (v.S !== undefined) return utf8(v.S)
  if (v.N !== undefined) return numberSize(v.N)
  if (v.B !== undefined) return v.B.byteLength
  if (v.BOOL !== undefined || v.NULL !== undefined) return 1
  if (v.SS) return v.SS.reduce((sum, s) => sum + utf8(s), 0)
  if (v.NS) return v.NS.reduce((sum, n) => sum + numberSize(n), 0)
  if (v.BS) return v.BS.reduce((sum, b) => sum + b.byteLength, 0)
  if (v.L) return 3 + v.L.reduce((sum, e) => sum + 1 + attributeValueSize(e), 0)
  if (v.M)
    return 3 + Object.entries(v.M).reduce((sum, [k, e]) => sum + 1 + utf8(k) + attributeValueSize(e), 0)
  return 0
}

/** The size in bytes DynamoDB gives an item: every attribute's name and value. */
export function itemBytes(item: Item | undefined): number {
  if (!item) return 0
  return Object.entries(item).reduce((sum, [k, v]) => sum + utf8(k) + attributeValueSize(v), 0)
}

const writeUnitsOf = (bytes: number) => Math.max(1, Math.ceil(bytes / 1024))
const readUnitsOf = (bytes: number, consistent: boolean) =>
  Math.max(1, Math.ceil(bytes / 4096)) * (consistent ? 1 : 0.5)

/** The entry an index keeps for an item, or undefined when the item is not in it (sparse index). */
export function indexEntry(item: Item | undefined, index: IndexDefinition): Item | undefined {
  if (!item?.[index.partitionKey] || !item[index.sortKey]) return undefined
  const keep = new Set([
    TABLE_KEYS.partitionKey,
    TABLE_KEYS.sortKey,
    index.partitionKey,
    index.sortKey,
    ...index.projectedAttributes,
  ])
  return Object.fromEntries(Object.entries(item).filter(([k]) => keep.has(k)))
}

function sameEntry(a: Item, b: Item): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)])
  for (const k of keys) if (JSON.stringify(a[k]) !== JSON.stringify(b[k])) return false
  return true
}

/** Index write units for one item going from `before` to `after` (either may be absent). */
export function indexWriteUnits(
  before: Item | undefined,
  after: Item | undefined,
  indexes: readonly IndexDefinition[] = Object.values(INDEXES),
): number {
  let units = 0
  for (const index of indexes) {
    const was = indexEntry(before, index)
    const is = indexEntry(after, index)
    if (!was && !is) continue
    if (!was) units += writeUnitsOf(itemBytes(is))
    else if (!is) units += writeUnitsOf(itemBytes(was))
    else {
      const sameKey =
        JSON.stringify([was[index.partitionKey], was[index.sortKey]]) ===
        JSON.stringify([is[index.partitionKey], is[index.sortKey]])
      if (!sameKey) units += writeUnitsOf(itemBytes(was)) + writeUnitsOf(itemBytes(is))
      else if (!sameEntry(was, is)) units += writeUnitsOf(Math.max(itemBytes(was), itemBytes(is)))
    }
  }
  return units
}

/** The bill of one write of an item (PutItem, UpdateItem, DeleteItem, or one of a batch). */
export function writeBill(
  before: Item | undefined,
  after: Item | undefined,
  indexes?: readonly IndexDefinition[],
): { table: number; index: number } {
  return {
    table: writeUnitsOf(Math.max(itemBytes(before), itemBytes(after))),
    index: indexWriteUnits(before, after, indexes),
  }
}

/** Read units of a GetItem of this item (absent: the minimum still applies). */
export const getItemUnits = (item: Item | undefined, consistent: boolean) =>
  readUnitsOf(itemBytes(item), consistent)

/** Read units of one Query or Scan page that read these items (index entries for an index). */
export const queryUnits = (items: readonly Item[], consistent: boolean) =>
  readUnitsOf(
    items.reduce((sum, i) => sum + itemBytes(i), 0),
    consistent,
  )

/** The ExpressionAttributeNames/Values a set of expressions still uses (DynamoDB rejects unused ones). */
function usedBy<T>(map: Record<string, T> | undefined, expressions: (string | undefined)[]) {
  if (!map) return undefined
  const text = expressions.filter(Boolean).join(' ')
  const used = Object.entries(map).filter(([k]) =>
    new RegExp(`${k.replace(/[$]/g, '\\$')}(?![\\w])`).test(text),
  )
  return used.length ? Object.fromEntries(used) : undefined
}

const indexByName = new Map<string, IndexDefinition>(Object.values(INDEXES).map((i) => [i.name, i]))

type Input = Record<string, unknown>

/**
 * Bills every call of a client as DynamoDB would and reports it. `side` is a client to the same
 * endpoint that is not metered: the meter reads the items before and after through it.
 */
export function meterCapacity(
  client: DynamoDBClient | DynamoDBDocumentClient,
  onCapacity: (record: CapacityRecord) => void,
  side: DynamoDBClient,
): void {
  const getFull = async (TableName: string, Key: Item) =>
    (await side.send(new GetItemCommand({ TableName, Key, ConsistentRead: true }))).Item

  /** The items a Query read (before filters and projections), the page the caller read. */
  async function itemsRead(input: Input): Promise<Item[]> {
    const keyCondition = input.KeyConditionExpression as string | undefined
    const expressions = [keyCondition]
    const out = await side.send(
      new QueryCommand({
        TableName: input.TableName as string,
        IndexName: input.IndexName as string | undefined,
        ExclusiveStartKey: input.ExclusiveStartKey as Item | undefined,
        Limit: input.Limit as number | undefined,
        ConsistentRead: input.ConsistentRead as boolean | undefined,
        ExpressionAttributeNames: usedBy(
          input.ExpressionAttributeNames as Record<string, string>,
          expressions,
        ),
        ExpressionAttributeValues: usedBy(input.ExpressionAttributeValues as Item, expressions),
        KeyConditionExpression: keyCondition,
        ScanIndexForward: input.ScanIndexForward as boolean | undefined,
      }),
    )
    const items = out.Items ?? []
    const index = input.IndexName ? indexByName.get(input.IndexName as string) : undefined
    // An index entry holds only the keys and the projected attributes.
    return index ? items.map((i) => indexEntry(i, index) ?? i) : items
  }
  /**
   * The application never scans (every access pattern is a GetItem or a Query); a benchmark's
   * baseline Scan is billed on the items it returned, exact when it has no filter or projection.
   */
  const scanned = (output: unknown): Item[] => {
    const items = ((output as { Items?: Record<string, unknown>[] }).Items ?? []) as Record<string, unknown>[]
    return client instanceof DynamoDBDocumentClient
      ? items.map((i) => marshall(i, { removeUndefinedValues: true, convertClassInstanceToMap: true }))
      : (items as Item[])
  }

  client.middlewareStack.add(
    (next, context) => async (args) => {
      const operation = (context.commandName ?? 'unknown').replace(/Command$/, '')
      // At the build step a document client's input is already marshalled: always AttributeValues.
      const input = args.input as Input
      const table = input.TableName as string
      let before: Item | undefined
      let batchBefore: { table: string; key: Item; put?: Item; before?: Item }[] = []
      if (operation === 'PutItem') before = await getFull(table, keyOf(input.Item as Item))
      else if (operation === 'UpdateItem' || operation === 'DeleteItem')
        before = await getFull(table, input.Key as Item)
      else if (operation === 'BatchWriteItem') {
        const requests = input.RequestItems as Record<
          string,
          { PutRequest?: { Item: Item }; DeleteRequest?: { Key: Item } }[]
        >
        batchBefore = []
        for (const [t, list] of Object.entries(requests))
          for (const r of list) {
            const key = r.PutRequest ? keyOf(r.PutRequest.Item) : (r.DeleteRequest?.Key ?? {})
            batchBefore.push({ table: t, key, put: r.PutRequest?.Item, before: await getFull(t, key) })
          }
      }
      let result: Awaited<ReturnType<typeof next>>
      try {
        result = await next(args)
      } catch (error) {
        // A conditional write that fails is still billed: the item as it stands, no index writes.
        if (
          (error as { name?: string }).name === 'ConditionalCheckFailedException' &&
          ['PutItem', 'UpdateItem', 'DeleteItem'].includes(operation)
        ) {
          const units = writeBill(before, before, []).table
          onCapacity({ operation, capacityUnits: units, writeCapacityUnits: units, indexWriteUnits: 0 })
        }
        throw error
      }
      const consistent = input.ConsistentRead === true
      const report = (read: number, write = 0, index = 0) =>
        onCapacity({
          operation,
          capacityUnits: read + write + index,
          readCapacityUnits: read,
          writeCapacityUnits: write + index,
          indexWriteUnits: index,
        })
      switch (operation) {
        case 'GetItem':
          report(getItemUnits(await getFull(table, input.Key as Item), consistent))
          break
        case 'BatchGetItem': {
          let read = 0
          const requests = input.RequestItems as Record<string, { Keys: Item[]; ConsistentRead?: boolean }>
          for (const [t, r] of Object.entries(requests))
            for (const key of r.Keys) read += getItemUnits(await getFull(t, key), r.ConsistentRead === true)
          report(read)
          break
        }
        case 'Query':
          report(queryUnits(await itemsRead(input), consistent))
          break
        case 'Scan':
          report(queryUnits(scanned(result.output), consistent))
          break
        case 'PutItem': {
          const bill = writeBill(before, input.Item as Item)
          report(0, bill.table, bill.index)
          break
        }
        case 'UpdateItem': {
          const bill = writeBill(before, await getFull(table, input.Key as Item))
          report(0, bill.table, bill.index)
          break
        }
        case 'DeleteItem': {
          const bill = writeBill(before, undefined)
          report(0, bill.table, bill.index)
          break
        }
        case 'BatchWriteItem': {
          let write = 0
          let index = 0
          for (const b of batchBefore) {
            const bill = writeBill(b.before, b.put)
            write += bill.table
            index += bill.index
          }
          report(0, write, index)
          break
        }
        default:
          // Table management (CreateTable, DescribeTable…) is not billed per request.
          break
      }
      return result
    },
    { step: 'build', name: 'capacityMeter' },
  )
}

function keyOf(item: Item): Item {
  return {
    [TABLE_KEYS.partitionKey]: item[TABLE_KEYS.partitionKey] as AttributeValue,
    [TABLE_KEYS.sortKey]: item[TABLE_KEYS.sortKey] as AttributeValue,
  }
}
