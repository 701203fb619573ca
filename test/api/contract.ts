/**
 * Every response a test gets from the local server, checked against the OpenAPI document: the
 * operation (method and path template) must exist, the status must be one it declares, the media
 * type one declared for that status, and a JSON body must match the declared schema (Ajv, JSON
 * Schema 2020-12, with formats). A problem's `type` must be an absolute URI of a registered code.
 */
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { buildOpenApiDocument } from '../../functions/openapi-document.js'
import { PROBLEM_CODES } from '../../shared/http/problem-types.js'

type Responses = Record<string, { content?: Record<string, unknown> }>
interface Operation {
  readonly method: string
  readonly template: string
  readonly pattern: RegExp
  readonly params: number
  readonly responses: Responses
}

/** Paths the document describes; pages (HTML forms) and the local-only dev routes are not API. */
const DESCRIBED = /^\/(api\/|open311\/|problems\/)/
const LOCAL_ONLY = /^\/api\/v1\/dev\//

const escapePointer = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1')

function load() {
  const doc = buildOpenApiDocument() as unknown as {
    paths: Record<string, Record<string, { responses: Responses }>>
  }
  const ajv = new (Ajv2020 as unknown as typeof Ajv2020.default)({ strict: false, allErrors: true })
  ;(addFormats as unknown as typeof addFormats.default)(ajv)
  ajv.addSchema(doc, 'openapi.json')
  const operations: Operation[] = []
  for (const [template, item] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(item)) {
      const source = template.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')
      operations.push({
        method: method.toUpperCase(),
        template,
        pattern: new RegExp(`^${source}$`),
        params: (template.match(/\{/g) ?? []).length,
        responses: op.responses,
      })
    }
  // A literal segment wins over a parameter (`/reception-sessions/summary` before `/{id}`).
  operations.sort((a, b) => a.params - b.params)
  return { ajv, operations }
}

let loaded: ReturnType<typeof load> | undefined
const validators = new Map<string, ValidateFunction>()

export interface ContractCounter {
  validated: number
}

/** Throws with what broke the contract; otherwise counts the response as validated. */
export async function checkResponse(
  method: string,
  url: URL,
  response: Response,
  counter: ContractCounter,
): Promise<void> {
  const path = url.pathname
  if (!DESCRIBED.test(path) || LOCAL_ONLY.test(path) || method === 'OPTIONS') return
  loaded ??= load()
  const where = `${method} ${path} → ${response.status}`
  const op = loaded.operations.find((o) => o.method === method && o.pattern.test(path))
  const media = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
  if (!op) {
    // No such operation: the only acceptable answer is the API's not-found problem.
    if (response.status !== 404 || (path.startsWith('/api/') && media !== 'application/problem+json'))
      throw new Error(`${where}: no operation in the OpenAPI document for ${method} ${path}`)
    counter.validated++
    return
  }
  const declared = op.responses[String(response.status)]
  if (!declared)
    throw new Error(
      `${where}: status ${response.status} is not declared for ${method} ${op.template} (declared: ${Object.keys(op.responses).join(', ')})`,
    )
  if (declared.content && response.status !== 204) {
    if (!(media in declared.content))
      throw new Error(
        `${where}: ${media || 'no content type'} is not declared (${Object.keys(declared.content)})`,
      )
    if (media === 'application/json' || media === 'application/problem+json') {
      const text = await response.clone().text()
      const body = JSON.parse(text) as unknown
      const pointer = `openapi.json#/paths/${escapePointer(op.template)}/${method.toLowerCase()}/responses/${response.status}/content/${escapePointer(media)}/schema`
      let validate = validators.get(pointer)
      if (!validate) {
        validate = loaded.ajv.getSchema(pointer)
        if (!validate) throw new Error(`${where}: no schema at ${pointer}`)
        validators.set(pointer, validate)
      }
      if (!validate(body))
        throw new Error(
          `${where}: the body does not match ${op.template}'s ${response.status} schema: ${loaded.ajv.errorsText(validate.errors)}\n${text.slice(0, 500)}`,
        )
      if (media === 'application/problem+json') {
        const type = String((body as { type?: unknown }).type)
        const code = /^https?:\/\/[^/]+\/problems\/([a-z0-9_]+)$/.exec(type)?.[1]
        if (!code || !(code in PROBLEM_CODES))
          throw new Error(`${where}: problem type ${type} is not an absolute URI of a code in PROBLEM_CODES`)
      }
    }
  }
  counter.validated++
}
