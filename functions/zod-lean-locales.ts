/** The locales the problem mapper words validation errors in (see zod-lean.ts). */
export { default as en } from '../node_modules/zod/v4/locales/en.js'
export { default as vi } from '../node_modules/zod/v4/locales/vi.js'
