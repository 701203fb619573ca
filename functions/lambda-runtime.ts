/**
 * What both API functions build at cold start: config, logger, client, services. Kept apart from
 * the handlers so each handler stays a few lines.
 */

import { createHmac } from 'node:crypto'
import type { Logger } from '@aws-lambda-powertools/logger'
import { type LambdaConfig, loadLambdaConfig, publicOrigins } from '../shared/config.js'
import { createKmsSealer } from '../shared/kms-sealer.js'
import { createLogger } from '../shared/observability.js'
import { SEALING_PURPOSES } from '../shared/sealing.js'
import { createServices } from '../shared/service/context.js'
import { createPetitionService } from '../shared/service/petitions.js'
import { createDocumentClient } from '../shared/store/client.js'

/** `given`: the config and logger a handler already built at import (the public function's). */
export function lambdaRuntime(
  serviceName: string,
  given?: { readonly config: LambdaConfig; readonly logger: Logger },
) {
  const config = given?.config ?? loadLambdaConfig()
  const logger = given?.logger ?? createLogger({ serviceName, level: config.LOG_LEVEL })
  const db = createDocumentClient({ region: config.AWS_REGION })
  const sealer = createKmsSealer({ keyId: config.IDENTITY_KMS_KEY_ID, purpose: SEALING_PURPOSES.identity })
  const receiptSealer = createKmsSealer({
    keyId: config.IDENTITY_KMS_KEY_ID,
    purpose: SEALING_PURPOSES.receipt,
  })
  const services = createServices({
    db,
    tableName: config.TABLE_NAME,
    sealer,
    logger,
    organizationName: { vi: config.ORG_NAME_VI, en: config.ORG_NAME_EN },
    rateLimitSalt: config.RATE_LIMIT_SALT,
    repeatKeySalt: config.REPEAT_KEY_SALT,
    // A key of its own, derived from a secret every instance of the API functions shares.
    cursorKey: config.REPEAT_KEY_SALT
      ? createHmac('sha256', config.REPEAT_KEY_SALT).update('paging-cursors').digest()
      : undefined,
    // The PIN hashes' key, derived alike: a stolen table alone reveals no PIN.
    pinKey: config.REPEAT_KEY_SALT
      ? createHmac('sha256', config.REPEAT_KEY_SALT).update('tracking-pins').digest()
      : undefined,
    publicOrigins: publicOrigins(config),
  })
  return { config, logger, services, sealer, receiptSealer, petitions: createPetitionService(services) }
}
