/**
 * CloudFront in front of the HTTP API: the WAF web ACL, HTTPS only, fingerprinted static assets
 * cached at the edge, everything else passed through uncached with the viewer's headers (minus Host,
 * which API Gateway routes on), cookies and query strings, plus the origin-verify header.
 */
import { Duration, Validations } from 'aws-cdk-lib'
import type { ICertificate } from 'aws-cdk-lib/aws-certificatemanager'
import {
  AllowedMethods,
  CacheCookieBehavior,
  CacheHeaderBehavior,
  CachePolicy,
  CacheQueryStringBehavior,
  Distribution,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront'
import { HttpOrigin } from 'aws-cdk-lib/aws-cloudfront-origins'
import type { IBucket } from 'aws-cdk-lib/aws-s3'
import { Construct } from 'constructs'
import { STATIC_ASSET_PATTERN } from '../routes.js'
import { ORIGIN_VERIFY_HEADER } from '../runtime/origin-header.js'

export interface EdgeDistributionProps {
  readonly comment: string
  /** `<api-id>.execute-api.<region>.amazonaws.com` */
  readonly originDomainName: string
  /** Value of the origin-verify header (a deploy-time dynamic reference). */
  readonly originHeaderValue: string
  /** ARN of the CLOUDFRONT-scope web ACL (created in us-east-1). */
  readonly webAclArn: string
  readonly logBucket: IBucket
  /** Custom domain and its us-east-1 certificate; without them the *.cloudfront.net name serves. */
  readonly domainName?: string
  readonly certificate?: ICertificate
}

export class EdgeDistribution extends Construct {
  readonly distribution: Distribution

  constructor(scope: Construct, id: string, props: EdgeDistributionProps) {
    super(scope, id)
    const origin = new HttpOrigin(props.originDomainName, {
      protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [OriginSslPolicy.TLS_V1_2],
      customHeaders: { [ORIGIN_VERIFY_HEADER]: props.originHeaderValue },
      readTimeout: Duration.seconds(30),
    })

    // The CSS link carries `?v=<hash>`: the hash is the cache key, so a deploy never serves stale CSS.
    const assetsCache = new CachePolicy(this, 'AssetsCache', {
      comment: 'Fingerprinted static assets: cache key is the path and ?v',
      queryStringBehavior: CacheQueryStringBehavior.allowList('v'),
      headerBehavior: CacheHeaderBehavior.none(),
      cookieBehavior: CacheCookieBehavior.none(),
      minTtl: Duration.seconds(0),
      defaultTtl: Duration.days(1),
      maxTtl: Duration.days(365),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    })
    const securityHeaders = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'HSTS at the edge; the app sets CSP and the other headers per response',
      securityHeadersBehavior: {
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(365),
          includeSubdomains: false,
          override: true,
        },
      },
    })

    this.distribution = new Distribution(this, 'Distribution', {
      comment: props.comment,
      defaultBehavior: {
        origin,
        allowedMethods: AllowedMethods.ALLOW_ALL,
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_DISABLED,
        // Every viewer header but Host (API Gateway routes on its own), cookies, query strings, and
        // CloudFront's own headers, CloudFront-Viewer-Address among them: the viewer's address the
        // per-client limits key on (shared/http/client-address.ts). No custom policy can say this:
        // `allExcept` adds no CloudFront header, `allViewerAndWhitelistCloudFront` forwards Host.
        originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        responseHeadersPolicy: securityHeaders,
        compress: true,
      },
      additionalBehaviors: {
        [STATIC_ASSET_PATTERN]: {
          origin,
          allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
          viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          cachePolicy: assetsCache,
          responseHeadersPolicy: securityHeaders,
          compress: true,
        },
      },
      webAclId: props.webAclArn,
      enableLogging: true,
      logBucket: props.logBucket,
      logFilePrefix: 'cloudfront/',
      // Includes Asia (Hanoi and Ho Chi Minh City edge locations) without the most expensive regions.
      priceClass: PriceClass.PRICE_CLASS_200,
      httpVersion: HttpVersion.HTTP2_AND_3,
      enableIpv6: true,
      domainNames: props.domainName ? [props.domainName] : undefined,
      certificate: props.certificate,
      // Only a custom certificate can choose the policy; the default one is fixed by CloudFront.
      minimumProtocolVersion: props.certificate ? SecurityPolicyProtocol.TLS_V1_2_2021 : undefined,
    })

    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR1',
      reason:
        'No geo restriction on purpose: Vietnamese citizens abroad may petition, and a denouncer may connect through another country to stay anonymous; abuse is limited per IP by the WAF rate rules.',
    })
    if (!props.certificate)
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          'Only deployments without a custom domain (dev) use the default *.cloudfront.net certificate, whose security policy CloudFront fixes at TLSv1; setting domainName and certificateArn selects TLSv1.2_2021.',
      })
  }
}
