/** Where the public function's route groups live (kept apart so the handler can route by path alone). */
import { isApiPath } from '../../shared/http/app-middleware.js'

/** Open311 GeoReport v2 (functions/public-api/open311.ts). */
export const OPEN311_BASE = '/open311/v2'

/** Paths the JSON API app answers (the JSON API and Open311); every other path is a citizen page. */
export function isApiAppPath(path: string): boolean {
  return isApiPath(path) || path === OPEN311_BASE || path.startsWith(`${OPEN311_BASE}/`)
}
