/**
 * The citizen pages' deps in two parts: what a page needs to render (organization, topics, who is
 * asking, where errors go), light enough to load at cold start, and the actions (submit, track and
 * the rest: schemas, the petition service, the store), which the public function loads on the first
 * form that needs them (functions/public-api/handler.ts). functions/public-api/pages.ts builds both.
 */
import type { Logger } from '@aws-lambda-powertools/logger'
import { TOPICS } from '../../shared/domain/routing.js'
import { clientAddress } from '../../shared/http/client-address.js'
import type { CitizenPageDeps } from '../../web/types.js'

type ActionName = 'submit' | 'track' | 'withdraw' | 'supplement' | 'escalate' | 'rate' | 'documentLink'
export type CitizenPageActions = Required<Pick<CitizenPageDeps, ActionName>>
export type CitizenPageStatics = Omit<CitizenPageDeps, ActionName>

export function citizenPageStatics(
  organizationName: CitizenPageDeps['organizationName'],
  acceptsFiles: boolean,
  logger: Logger,
): CitizenPageStatics {
  return {
    organizationName,
    topics: Object.entries(TOPICS).map(([value, label]) => ({ value, label })),
    acceptsFiles,
    // Never X-Forwarded-For: a client can forge it to escape the rate limit.
    clientKey: clientAddress,
    onError: (error) =>
      logger.error('page error', {
        error: error instanceof Error ? { name: error.name, message: error.message } : String(error),
      }),
  }
}

/** The deps with each action loaded by `load` when a page first calls it. */
export function lazyCitizenPageDeps(
  statics: CitizenPageStatics,
  load: () => Promise<CitizenPageActions>,
): CitizenPageDeps {
  return {
    ...statics,
    submit: async (...a) => (await load()).submit(...a),
    track: async (...a) => (await load()).track(...a),
    withdraw: async (...a) => (await load()).withdraw(...a),
    supplement: async (...a) => (await load()).supplement(...a),
    escalate: async (...a) => (await load()).escalate(...a),
    rate: async (...a) => (await load()).rate(...a),
    documentLink: async (...a) => (await load()).documentLink(...a),
  }
}
