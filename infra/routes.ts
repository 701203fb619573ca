/**
 * The HTTP API's routes: which function answers, and which gate stands in front. A path not listed
 * is a 404 from API Gateway without invoking anything.
 *
 * Gates:
 *   staffJwt     Cognito JWT authorizer (a second gate: the staff app verifies the token itself too)
 *   originVerify Lambda authorizer checking the secret header CloudFront adds (everything without a
 *                JWT authorizer, so these routes answer only through CloudFront and its WAF)
 */
export type RouteTarget = 'publicApi' | 'staffApi' | 'reportExport'
export type RouteGate = 'staffJwt' | 'originVerify'
export type RouteMethod = 'GET' | 'POST' | 'ANY'

export interface RouteSpec {
  readonly path: string
  readonly methods: readonly RouteMethod[]
  readonly target: RouteTarget
  readonly gate: RouteGate
}

const page = (path: string): RouteSpec => ({
  path,
  methods: ['GET', 'POST'],
  target: 'publicApi',
  gate: 'originVerify',
})
const publicApi = (method: RouteMethod, path: string): RouteSpec => ({
  path,
  methods: [method],
  target: 'publicApi',
  gate: 'originVerify',
})
const staffJson = (path: string): RouteSpec => ({
  path,
  methods: ['ANY'],
  target: 'staffApi',
  gate: 'staffJwt',
})

/** Citizens: the JSON API (functions/public-api/routes.ts) and the server-rendered pages (web/). */
export const PUBLIC_ROUTES: readonly RouteSpec[] = [
  publicApi('POST', '/api/v1/petitions'),
  publicApi('GET', '/api/v1/petitions/{code}'),
  publicApi('POST', '/api/v1/petitions/{code}/withdrawal'),
  publicApi('POST', '/api/v1/petitions/{code}/supplements'),
  publicApi('POST', '/api/v1/petitions/{code}/escalation'),
  publicApi('POST', '/api/v1/petitions/{code}/rating'),
  publicApi('POST', '/api/v1/petitions/{code}/attachments'),
  publicApi('GET', '/api/v1/petitions/{code}/attachments'),
  publicApi('POST', '/api/v1/petitions/{code}/attachments/{id}/completion'),
  page('/'),
  page('/submit'),
  page('/track'),
  page('/track/withdraw'),
  page('/track/supplement'),
  page('/track/escalate'),
  page('/track/rate'),
  // The pages problem+json `type` URIs resolve to (shared/http/problem-types.ts).
  publicApi('GET', '/problems/{code}'),
  publicApi('GET', '/assets/{proxy+}'),
  // Open311 GeoReport v2, read only (functions/public-api/open311.ts).
  publicApi('GET', '/open311/v2/services.json'),
  publicApi('GET', '/open311/v2/requests.json'),
  publicApi('GET', '/open311/v2/requests/{id}'),
]

/**
 * Staff JSON resources (functions/staff-api/routes.ts), each with everything under it: the same
 * prefixes the staff app puts its `requireUser` middleware on, so a new route under an existing
 * resource needs no change here; a new resource adds one line (test/infra checks every app route).
 */
export const STAFF_JSON_RESOURCES = [
  '/api/v1/cases',
  '/api/v1/committees',
  '/api/v1/me',
  '/api/v1/users',
  '/api/v1/role-grants',
  '/api/v1/role-changes',
  '/api/v1/reports',
  '/api/v1/accountability-requests',
  '/api/v1/reception-sessions',
  '/api/v1/audit-samples',
] as const

/** Every staff JSON route, behind the JWT authorizer. */
export const STAFF_JSON_ROUTES: readonly RouteSpec[] = STAFF_JSON_RESOURCES.flatMap((resource) => [
  staffJson(resource),
  staffJson(`${resource}/{proxy+}`),
])

/**
 * Served by the staff function without a JWT authorizer: the OpenAPI document (public to read) and
 * the staff pages, which sign in with a cookie the API Gateway cannot check (the app does).
 */
export const STAFF_OPEN_ROUTES: readonly RouteSpec[] = [
  { path: '/api/v1/openapi.json', methods: ['GET'], target: 'staffApi', gate: 'originVerify' },
  { path: '/staff', methods: ['ANY'], target: 'staffApi', gate: 'originVerify' },
  { path: '/staff/{proxy+}', methods: ['ANY'], target: 'staffApi', gate: 'originVerify' },
  // Public transparency page and open data (web/transparency-pages.tsx): the staff function reads
  // the reporting index already; the public function's role stays without it.
  { path: '/minh-bach', methods: ['GET'], target: 'staffApi', gate: 'originVerify' },
  { path: '/api/v1/open-data/{proxy+}', methods: ['GET'], target: 'staffApi', gate: 'originVerify' },
]

/**
 * The report exports (functions/report-export/), a function of its own so the staff bundle does not
 * carry the spreadsheet library: more specific than `/api/v1/reports/{proxy+}`, so it wins.
 */
export const REPORT_EXPORT_ROUTES: readonly RouteSpec[] = [
  { path: '/api/v1/reports/export', methods: ['GET'], target: 'reportExport', gate: 'staffJwt' },
  // The staff report page's download links (session cookie, checked by the function): more
  // specific than `/staff/{proxy+}`, so they reach the export function.
  { path: '/staff/reports/export.xlsx', methods: ['GET'], target: 'reportExport', gate: 'originVerify' },
  { path: '/staff/reports/export.csv', methods: ['GET'], target: 'reportExport', gate: 'originVerify' },
  // The outgoing register's download (the register page's link): the same library, the same function.
  { path: '/staff/documents/register.xlsx', methods: ['GET'], target: 'reportExport', gate: 'originVerify' },
]

export const ROUTES: readonly RouteSpec[] = [
  ...PUBLIC_ROUTES,
  ...STAFF_JSON_ROUTES,
  ...STAFF_OPEN_ROUTES,
  ...REPORT_EXPORT_ROUTES,
]

/** Path prefix CloudFront caches at the edge (fingerprinted CSS and icons). */
export const STATIC_ASSET_PATTERN = '/assets/*'
