/**
 * Creates the table from its one definition (local runtime and tests; CDK builds the same shape).
 */
import {
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb'
import { INDEXES, TABLE_KEYS } from './table.js'

export function createTableInput(tableName: string) {
  const attributes = new Set<string>([TABLE_KEYS.partitionKey, TABLE_KEYS.sortKey])
  for (const index of Object.values(INDEXES)) {
    attributes.add(index.partitionKey)
    attributes.add(index.sortKey)
  }
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST' as const,
    AttributeDefinitions: [...attributes].map((name) => ({
      AttributeName: name,
      AttributeType: 'S' as const,
    })),
    KeySchema: [
      { AttributeName: TABLE_KEYS.partitionKey, KeyType: 'HASH' as const },
      { AttributeName: TABLE_KEYS.sortKey, KeyType: 'RANGE' as const },
    ],
    GlobalSecondaryIndexes: Object.values(INDEXES).map((index) => ({
      IndexName: index.name,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: 'HASH' as const },
        { AttributeName: index.sortKey, KeyType: 'RANGE' as const },
      ],
      Projection: { ProjectionType: 'INCLUDE' as const, NonKeyAttributes: [...index.projectedAttributes] },
    })),
  }
}

/** Creates the table unless it exists; returns true when it was created. */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<boolean> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }))
    return false
  } catch (error) {
    if (
      !(error instanceof ResourceNotFoundException) &&
      (error as { name?: string }).name !== 'ResourceNotFoundException'
    )
      throw error
  }
  await client.send(new CreateTableCommand(createTableInput(tableName)))
  for (let i = 0; i < 50; i++) {
    const out = await client.send(new DescribeTableCommand({ TableName: tableName }))
    if (out.Table?.TableStatus === 'ACTIVE') return true
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`table ${tableName} did not become active`)
}
