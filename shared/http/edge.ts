/**
 * What the edge (CloudFront, then the origin-verify authorizer) tells the functions behind it.
 * No imports: the authorizer's bundle and the apps' share these names.
 */

/** Set by CloudFront on every origin request (`<ip>:<port>`), over any value the viewer sent. */
export const VIEWER_ADDRESS_HEADER = 'cloudfront-viewer-address'

/**
 * The context the origin-verify authorizer returns with a pass. API Gateway hands it to the
 * function in `requestContext.authorizer.lambda`, which no caller can write: a request carrying it
 * came through CloudFront, so its `CloudFront-Viewer-Address` is CloudFront's, not the caller's.
 */
export const EDGE_PASS_CONTEXT = { edge: 'cloudfront' } as const
