/**
 * `jsonBody`: a readonly domain view passes a route's response type unchanged in value, and the
 * route's schema still checks its members (the staff case's repeats carry a kind and a status).
 */
import { describe, expect, expectTypeOf, it } from 'vitest'
import { type JsonBody, jsonBody } from '../../shared/http/json-body.js'
import type { SuggestionView } from '../../shared/service/repeats.js'

describe('jsonBody', () => {
  it('returns the very value it is given', () => {
    const view = { scope: ['ub-phuong'] as readonly string[], nested: { list: [1, 2] as readonly number[] } }

    expect(jsonBody(view)).toBe(view)
  })

  it('removes readonly at every depth, and nothing else', () => {
    type View = { readonly a: readonly { readonly b: readonly string[]; readonly c?: number }[] }

    expectTypeOf<JsonBody<View>>().toEqualTypeOf<{ a: { b: string[]; c?: number }[] }>()
  })

  it("types a repeat suggestion's kind and status as the schema's enums", () => {
    expectTypeOf<SuggestionView['kind']>().toEqualTypeOf<
      'complaint' | 'denunciation' | 'recommendation' | 'feedback'
    >()
    expectTypeOf<SuggestionView['status']>().not.toEqualTypeOf<string>()
  })
})
