/** The header CloudFront adds to every origin request; its value is a secret only CloudFront and the authorizer know. */
export const ORIGIN_VERIFY_HEADER = 'x-origin-verify'
