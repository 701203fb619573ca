import { describe, expect, it } from 'vitest'
import { PUBLIC_ROUTES as PUBLIC_APP_ROUTES } from '../../functions/public-api/routes.js'
import { REPORT_EXPORT_ROUTES as EXPORT_APP_ROUTES } from '../../functions/report-export/app.js'
import { STAFF_ROUTES as STAFF_APP_ROUTES } from '../../functions/staff-api/routes.js'
import { ROUTES, type RouteSpec } from '../../infra/routes.js'

/** HTTP API matching: `{name}` is one segment, `{proxy+}` one or more; the most specific route wins. */
function matches(route: string, path: string): boolean {
  const pattern = route
    .split('/')
    .map((segment) =>
      segment === '{proxy+}' ? '.+' : /^\{\w+\}$/.test(segment) ? '[^/]+' : segment.replace(/[.]/g, '\\.'),
    )
    .join('/')
  return new RegExp(`^${pattern}$`).test(path)
}

const specificity = (route: string) =>
  (route.includes('{proxy+}') ? 0 : 1000) + route.split('/').filter((s) => !s.startsWith('{')).length

/** The route API Gateway picks for `method path`, or undefined for its 404. */
function routeFor(method: string, path: string): RouteSpec | undefined {
  return ROUTES.filter(
    (r) =>
      (r.methods.includes(method.toUpperCase() as never) || r.methods.includes('ANY')) &&
      matches(r.path, path),
  ).sort((a, b) => specificity(b.path) - specificity(a.path))[0]
}

/** An OpenAPI path of the app with sample parameter values. */
const concrete = (path: string) => path.replace(/\{\w+\}/g, 'ABC123')

describe('the HTTP API routes cover the apps', () => {
  it('send every staff JSON route of the staff app to the staff function behind the JWT authorizer', () => {
    expect(STAFF_APP_ROUTES.length).toBeGreaterThan(5)
    for (const route of STAFF_APP_ROUTES) {
      const target = routeFor(route.method, concrete(route.path))
      expect(target, `${route.method} ${route.path}`).toMatchObject({ target: 'staffApi', gate: 'staffJwt' })
    }
  })

  it('send the report exports to the export function behind the JWT authorizer', () => {
    for (const route of EXPORT_APP_ROUTES) {
      const target = routeFor(route.method, concrete(route.path))
      expect(target, `${route.method} ${route.path}`).toMatchObject({
        target: 'reportExport',
        gate: 'staffJwt',
      })
    }
    expect(routeFor('GET', '/api/v1/reports/cases')).toMatchObject({ target: 'staffApi' })
  })

  it('send every public JSON route to the public function, behind the origin check only', () => {
    for (const route of PUBLIC_APP_ROUTES) {
      const target = routeFor(route.method, concrete(route.path))
      expect(target, `${route.method} ${route.path}`).toMatchObject({
        target: 'publicApi',
        gate: 'originVerify',
      })
    }
  })

  it('send the citizen pages and their assets to the public function', () => {
    for (const [method, path] of [
      ['GET', '/'],
      ['POST', '/submit'],
      ['POST', '/track/withdraw'],
      ['GET', '/assets/site.css'],
      ['GET', '/assets/icon.svg'],
    ] as const)
      expect(routeFor(method, path), `${method} ${path}`).toMatchObject({
        target: 'publicApi',
        gate: 'originVerify',
      })
  })

  it('send Open311 to the public function and the transparency page and open data to the staff function, without a JWT', () => {
    for (const path of [
      '/open311/v2/services.json',
      '/open311/v2/requests.json',
      '/open311/v2/requests/20261126-7K3M9Q7XZ2.json',
    ])
      expect(routeFor('GET', path), path).toMatchObject({ target: 'publicApi', gate: 'originVerify' })
    for (const path of [
      '/minh-bach',
      '/api/v1/open-data/committee-figures.json',
      '/api/v1/open-data/committee-figures.csv',
    ])
      expect(routeFor('GET', path), path).toMatchObject({ target: 'staffApi', gate: 'originVerify' })
    expect(routeFor('POST', '/track/rate')).toMatchObject({ target: 'publicApi' })
    expect(routeFor('POST', '/open311/v2/requests.json')).toBeUndefined()
  })

  it('leave unknown paths to API Gateway’s 404', () => {
    expect(routeFor('GET', '/wp-admin/install.php')).toBeUndefined()
    expect(routeFor('DELETE', '/api/v1/petitions/ABC123')).toBeUndefined()
  })
})
