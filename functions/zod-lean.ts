/**
 * What `zod` resolves to inside the Lambda bundles (the `--alias:zod` of
 * infra/constructs/app-function.ts; tests and the local server use zod itself).
 *
 * Why: @hono/zod-openapi passes zod's whole `z` namespace to `extendZodWithOpenApi(z)` at import,
 * which keeps every export of zod in the bundle, among them 50 locales (~250 KB) and JSON-Schema
 * conversion we never run: ~300 KB of each API bundle, parsed at every cold start. This module is
 * zod's public API (zod/v4/classic/external.js) without those parts, so a namespace of it, `z`,
 * costs only what the schemas need; `locales` holds the two languages the problem mapper words
 * errors in. Import zod in Lambda code as `import * as z from 'zod'` or by name; `z.locales` other
 * than vi/en, `z.toJSONSchema`, `z.fromJSONSchema`, `z.compile` and `z.core` are not in the bundles.
 *
 * The paths are relative on purpose: the alias remaps every import that starts with `zod`.
 */
import * as api from './zod-lean-api.js'

export * from './zod-lean-api.js'
export { api as z, api as default }
