/**
 * The one DynamoDB table, built from the shared definition (shared/store/table.ts) exactly as the
 * local bootstrap builds it, plus what only AWS has: point-in-time recovery, deletion protection,
 * encryption and time to live. Grants speak in partition keys, so each function's role allows the
 * items its access patterns touch and nothing else.
 */
import { RemovalPolicy } from 'aws-cdk-lib'
import { AttributeType, BillingMode, ProjectionType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb'
import { Effect, type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam'
import { Construct } from 'constructs'
import { INDEXES, type IndexName, TABLE_KEYS, TIME_TO_LIVE_ATTRIBUTE } from '../../shared/store/table.js'

// The table's one time-to-live attribute comes from the shared definition: rate-limit windows and
// Powertools idempotency records (expiryAttr) both write it. dynalite has no TTL; AWS does.
export { TIME_TO_LIVE_ATTRIBUTE } from '../../shared/store/table.js'

export interface DataTableProps {
  /** Keep the table when the stack is deleted and refuse DeleteTable (prod). */
  readonly protectData: boolean
}

/**
 * What a function may do, in partition keys. Each entry is an IAM `StringLike` pattern matched
 * against `dynamodb:LeadingKeys` (the partition key of every item the request touches).
 */
export interface TableAccess {
  /** GetItem. */
  readonly get?: readonly string[]
  /** PutItem (new items: cases, content, supplements, idempotency records). */
  readonly put?: readonly string[]
  /** UpdateItem (transitions, PIN guard counters, idempotency completion). */
  readonly update?: readonly string[]
  /** DeleteItem. */
  readonly delete?: readonly string[]
  /** Query on the table itself, within one of these partitions. */
  readonly query?: readonly string[]
  /** Query on these indexes. IAM cannot restrict an index Query by key, so the index is the unit. */
  readonly indexes?: readonly IndexName[]
}

export class DataTable extends Construct {
  readonly table: Table

  constructor(scope: Construct, id: string, props: DataTableProps) {
    super(scope, id)
    this.table = new Table(this, 'Table', {
      partitionKey: { name: TABLE_KEYS.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE_KEYS.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: TableEncryption.AWS_MANAGED,
      timeToLiveAttribute: TIME_TO_LIVE_ATTRIBUTE,
      deletionProtection: props.protectData,
      removalPolicy: props.protectData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    })
    for (const index of Object.values(INDEXES)) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
        projectionType: ProjectionType.INCLUDE,
        nonKeyAttributes: [...index.projectedAttributes],
      })
    }
  }

  /**
   * Grants exactly `access`. Item statements carry two conditions: `ForAllValues:StringLike` on
   * `dynamodb:LeadingKeys` (every key in the request must match a pattern; the key is multivalued
   * because batch operations carry many), and `Null: false` on the same key, because ForAllValues
   * is vacuously true for a request that carries no key at all.
   */
  grantAccess(grantee: IGrantable, access: TableAccess): PolicyStatement[] {
    const statements: PolicyStatement[] = []
    const byKey = (sid: string, actions: string[], keys: readonly string[] | undefined) => {
      if (!keys?.length) return
      statements.push(
        new PolicyStatement({
          sid,
          effect: Effect.ALLOW,
          actions,
          resources: [this.table.tableArn],
          conditions: {
            'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...keys] },
            Null: { 'dynamodb:LeadingKeys': 'false' },
          },
        }),
      )
    }
    byKey('GetItems', ['dynamodb:GetItem'], access.get)
    byKey('PutItems', ['dynamodb:PutItem'], access.put)
    byKey('UpdateItems', ['dynamodb:UpdateItem'], access.update)
    byKey('DeleteItems', ['dynamodb:DeleteItem'], access.delete)
    byKey('QueryPartitions', ['dynamodb:Query'], access.query)
    if (access.indexes?.length)
      statements.push(
        new PolicyStatement({
          sid: 'QueryIndexes',
          effect: Effect.ALLOW,
          actions: ['dynamodb:Query'],
          resources: access.indexes.map((name) => `${this.table.tableArn}/index/${INDEXES[name].name}`),
        }),
      )
    for (const statement of statements) grantee.grantPrincipal.addToPrincipalPolicy(statement)
    return statements
  }
}
