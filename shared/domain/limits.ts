/**
 * Limits of the public contract that pages state as well as schemas check: here, apart from the
 * schemas (shared/domain/schemas.ts, satisfaction.ts), so a page that only states them loads no zod.
 */

/** The content limit of the public contract. */
export const MAX_CONTENT_LENGTH = 20_000

/** The longest comment a petitioner may leave with a rating. */
export const MAX_RATING_COMMENT = 1_000
