/**
 * AWS as the bundles see it, on loopback: one endpoint for DynamoDB (forwarded to dynalite), KMS
 * (GenerateDataKey, Encrypt, Decrypt, bound to the encryption context) and SES v2 (recorded). The
 * caller is named by the access key id of its SigV4 signature (each function gets its own), and
 * every call is checked against that function's role statements from the template before it is
 * served: a call the role does not allow is answered AccessDeniedException, as AWS would, and
 * recorded so the test fails.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { type AuthorizationRequest, isAllowed, type RequestContext } from './iam.js'
import { ACCOUNT, type ResolvedStatement } from './templates.js'

export interface Principal {
  readonly name: string
  readonly roleName: string
  readonly statements: readonly ResolvedStatement[]
}

export interface TableShape {
  readonly name: string
  readonly arn: string
  readonly partitionKey: string
  readonly indexPartitionKeys: Record<string, string>
}

export interface Denial {
  readonly principal: string
  readonly action: string
  readonly resource: string
  readonly context: RequestContext
}

export interface SentEmail {
  readonly principal: string
  readonly from: string
  readonly to: string[]
  readonly subject: string
  readonly text: string
}

interface Answer {
  readonly status: number
  readonly headers: Record<string, string>
  readonly body: Buffer | string
}

const readBody = (req: IncomingMessage) =>
  new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })

/** The access key id of a SigV4 `Authorization` header. */
export function callerOf(req: IncomingMessage): string | undefined {
  return /Credential=([^/]+)\//.exec(req.headers.authorization ?? '')?.[1]
}

export class AwsStandIn {
  readonly denials: Denial[] = []
  readonly emails: SentEmail[] = []
  /** Every authorised call, `principal action`: what the flows really exercised. */
  readonly calls: string[] = []
  private server?: Server
  private readonly masterKey = randomBytes(32)
  endpoint = ''

  constructor(
    private readonly options: {
      readonly region: string
      readonly dynamoEndpoint: string
      readonly table: TableShape
      readonly principals: ReadonlyMap<string, Principal>
      /** Access keys of the test's own setup (seeding): not a function, not checked. */
      readonly operators: ReadonlySet<string>
    },
  ) {}

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      void this.serve(req)
        .then(({ status, headers, body }) => {
          res.writeHead(status, headers)
          res.end(body)
        })
        .catch((error: unknown) => {
          res.writeHead(500, { 'content-type': 'application/json' })
          res.end(JSON.stringify({ __type: 'InternalFailure', message: String(error) }))
        })
    })
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve))
    this.endpoint = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()))
  }

  private authorize(caller: string | undefined, request: AuthorizationRequest): string | undefined {
    if (caller && this.options.operators.has(caller)) return undefined
    const principal = caller ? this.options.principals.get(caller) : undefined
    if (principal && isAllowed(principal.statements, request)) {
      this.calls.push(`${principal.name} ${request.action}`)
      return undefined
    }
    this.denials.push({ principal: caller ?? '(anonymous)', ...request })
    const who = principal
      ? `arn:aws:sts::${ACCOUNT}:assumed-role/${principal.roleName}/${principal.name}`
      : `unknown access key ${caller}`
    return `User: ${who} is not authorized to perform: ${request.action} on resource: ${request.resource} because no identity-based policy allows the ${request.action} action`
  }

  private async serve(req: IncomingMessage): Promise<Answer> {
    const body = await readBody(req)
    const target = String(req.headers['x-amz-target'] ?? '')
    const caller = callerOf(req)
    if (target.startsWith('DynamoDB_')) return this.dynamo(req, caller, target.split('.')[1]!, body)
    if (target.startsWith('TrentService.')) return this.kms(caller, target.split('.')[1]!, body)
    if (req.url?.startsWith('/v2/email/outbound-emails')) return this.ses(caller, body)
    const denied = this.authorize(caller, {
      action: `unmodelled:${req.method} ${req.url}`,
      resource: '*',
      context: {},
    })
    return {
      status: 403,
      headers: { 'content-type': 'application/json', 'x-amzn-errortype': 'AccessDeniedException' },
      body: JSON.stringify({ message: denied ?? 'not modelled by the deployed-shape suite' }),
    }
  }

  /** The partition keys a DynamoDB request touches (`dynamodb:LeadingKeys`). */
  private leadingKeys(op: string, input: Record<string, any>): { resource: string; keys: string[] } {
    const t = this.options.table
    if (input.TableName !== t.name)
      return {
        resource: `arn:aws:dynamodb:${this.options.region}:${ACCOUNT}:table/${input.TableName}`,
        keys: [],
      }
    const pk = (item: Record<string, any> | undefined) => item?.[t.partitionKey]?.S as string | undefined
    switch (op) {
      case 'GetItem':
      case 'DeleteItem':
      case 'UpdateItem':
        return { resource: t.arn, keys: [pk(input.Key)].filter(Boolean) as string[] }
      case 'PutItem':
        return { resource: t.arn, keys: [pk(input.Item)].filter(Boolean) as string[] }
      case 'Query': {
        const index = input.IndexName as string | undefined
        const attribute = index ? t.indexPartitionKeys[index] : t.partitionKey
        const names = (input.ExpressionAttributeNames ?? {}) as Record<string, string>
        const values = (input.ExpressionAttributeValues ?? {}) as Record<string, { S?: string }>
        const keys: string[] = []
        for (const m of String(input.KeyConditionExpression ?? '').matchAll(/(#?[\w]+)\s*=\s*(:[\w]+)/g)) {
          const name = m[1]!.startsWith('#') ? names[m[1]!] : m[1]
          if (name === attribute && values[m[2]!]?.S) keys.push(values[m[2]!]!.S!)
        }
        return { resource: index ? `${t.arn}/index/${index}` : t.arn, keys }
      }
      default:
        return { resource: t.arn, keys: [] }
    }
  }

  private async dynamo(req: IncomingMessage, caller: string | undefined, op: string, body: Buffer) {
    const input = JSON.parse(body.toString('utf8') || '{}') as Record<string, any>
    const { resource, keys } = this.leadingKeys(op, input)
    const denied = this.authorize(caller, {
      action: `dynamodb:${op}`,
      resource,
      context: { 'dynamodb:LeadingKeys': keys.length ? keys : undefined },
    })
    if (denied)
      return {
        status: 400,
        headers: { 'content-type': 'application/x-amz-json-1.0' },
        body: JSON.stringify({ __type: 'com.amazon.coral.service#AccessDeniedException', Message: denied }),
      }
    return forward(this.options.dynamoEndpoint, req, body)
  }

  private kms(caller: string | undefined, op: string, body: Buffer) {
    const input = JSON.parse(body.toString('utf8') || '{}') as {
      KeyId?: string
      EncryptionContext?: Record<string, string>
      CiphertextBlob?: string
      Plaintext?: string
      KeySpec?: string
      NumberOfBytes?: number
    }
    const ok = (out: unknown) => ({
      status: 200,
      headers: { 'content-type': 'application/x-amz-json-1.1' },
      body: JSON.stringify(out),
    })
    const fail = (status: number, type: string, message: string) => ({
      status,
      headers: { 'content-type': 'application/x-amz-json-1.1' },
      body: JSON.stringify({ __type: type, message }),
    })
    const context = input.EncryptionContext ?? {}
    const aad = Buffer.from(JSON.stringify(Object.entries(context).sort(([a], [b]) => a.localeCompare(b))))
    let keyArn = input.KeyId ?? ''
    let opened: { keyArn: string; plaintext: Buffer } | undefined
    if (op === 'Decrypt') {
      const blob = Buffer.from(input.CiphertextBlob ?? '', 'base64')
      const arnLength = blob.readUInt16BE(0)
      keyArn = blob.subarray(2, 2 + arnLength).toString('utf8')
      if (input.KeyId && input.KeyId !== keyArn) return fail(400, 'IncorrectKeyException', 'wrong key')
      const rest = blob.subarray(2 + arnLength)
      try {
        const decipher = createDecipheriv('aes-256-gcm', this.masterKey, rest.subarray(0, 12))
        decipher.setAAD(Buffer.concat([Buffer.from(keyArn), aad]))
        decipher.setAuthTag(rest.subarray(12, 28))
        opened = { keyArn, plaintext: Buffer.concat([decipher.update(rest.subarray(28)), decipher.final()]) }
      } catch {
        // KMS cannot tell a wrong context from a damaged blob either.
        return fail(400, 'InvalidCiphertextException', 'the ciphertext or its encryption context is wrong')
      }
    }
    if (!/^arn:aws:kms:/.test(keyArn))
      return fail(400, 'NotFoundException', `key ${keyArn} is not an ARN here`)
    const denied = this.authorize(caller, {
      action: `kms:${op}`,
      resource: keyArn,
      context: Object.fromEntries(
        Object.entries(context).map(([k, v]) => [`kms:EncryptionContext:${k}`, [v]]),
      ),
    })
    if (denied) return fail(400, 'AccessDeniedException', denied)
    const seal = (plaintext: Buffer) => {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', this.masterKey, iv)
      cipher.setAAD(Buffer.concat([Buffer.from(keyArn), aad]))
      const sealed = Buffer.concat([cipher.update(plaintext), cipher.final()])
      const arn = Buffer.from(keyArn)
      const length = Buffer.alloc(2)
      length.writeUInt16BE(arn.length)
      return Buffer.concat([length, arn, iv, cipher.getAuthTag(), sealed]).toString('base64')
    }
    switch (op) {
      case 'GenerateDataKey': {
        const plaintext = randomBytes(input.NumberOfBytes ?? (input.KeySpec === 'AES_128' ? 16 : 32))
        return ok({ KeyId: keyArn, Plaintext: plaintext.toString('base64'), CiphertextBlob: seal(plaintext) })
      }
      case 'Encrypt':
        return ok({ KeyId: keyArn, CiphertextBlob: seal(Buffer.from(input.Plaintext ?? '', 'base64')) })
      case 'Decrypt':
        return ok({ KeyId: opened!.keyArn, Plaintext: opened!.plaintext.toString('base64') })
      default:
        return fail(400, 'UnsupportedOperationException', `kms:${op} is not modelled`)
    }
  }

  private ses(caller: string | undefined, body: Buffer): Answer {
    const input = JSON.parse(body.toString('utf8')) as {
      FromEmailAddress: string
      Destination?: { ToAddresses?: string[] }
      Content?: { Simple?: { Subject?: { Data?: string }; Body?: { Text?: { Data?: string } } } }
    }
    const from = input.FromEmailAddress
    const domain = from.split('@')[1] ?? ''
    const identity = (name: string) => `arn:aws:ses:${this.options.region}:${ACCOUNT}:identity/${name}`
    const context = { 'ses:FromAddress': [from] }
    // SES authorises against the verified identity that covers the sender: the address, else its domain.
    const byAddress = this.authorize(caller, { action: 'ses:SendEmail', resource: identity(from), context })
    if (byAddress) {
      this.denials.pop()
      const byDomain = this.authorize(caller, {
        action: 'ses:SendEmail',
        resource: identity(domain),
        context,
      })
      if (byDomain)
        return {
          status: 403,
          headers: { 'content-type': 'application/json', 'x-amzn-errortype': 'AccessDeniedException' },
          body: JSON.stringify({ message: byDomain }),
        }
    }
    this.emails.push({
      principal: caller ?? '',
      from,
      to: input.Destination?.ToAddresses ?? [],
      subject: input.Content?.Simple?.Subject?.Data ?? '',
      text: input.Content?.Simple?.Body?.Text?.Data ?? '',
    })
    return {
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ MessageId: createHash('sha256').update(body).digest('hex').slice(0, 20) }),
    }
  }
}

function forward(endpoint: string, req: IncomingMessage, body: Buffer) {
  return new Promise<{ status: number; headers: Record<string, string>; body: Buffer }>((resolve, reject) => {
    const url = new URL(endpoint)
    const out = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: url.host, 'content-length': String(body.length) },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 500,
            headers: Object.fromEntries(
              Object.entries(res.headers)
                .filter(([k]) => k !== 'content-length' && k !== 'transfer-encoding')
                .map(([k, v]) => [k, String(v)]),
            ),
            body: Buffer.concat(chunks),
          }),
        )
      },
    )
    out.on('error', reject)
    out.end(body)
  })
}
