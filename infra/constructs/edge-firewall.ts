/**
 * The WAF web ACL in front of CloudFront. It must be created in us-east-1 (scope CLOUDFRONT), so it
 * lives in the edge stack and the distribution reads its ARN across regions.
 *
 * Rules, in order: AWS IP reputation list; per-IP rate limits (everything, public writes, tracking
 * look-ups); AWS common rule set and known bad inputs. The anonymous-IP list is deliberately absent:
 * a denouncer may reach the site through Tor or a VPN to stay anonymous, which the law allows.
 */
import { ArnFormat, type RemovalPolicy, Stack } from 'aws-cdk-lib'
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs'
import { CfnLoggingConfiguration, CfnWebACL } from 'aws-cdk-lib/aws-wafv2'
import { Construct } from 'constructs'

export interface EdgeFirewallProps {
  readonly name: string
  /** Requests per IP per 5 minutes, any path. */
  readonly limitAll: number
  /** POSTs per IP per 5 minutes to filing, withdrawal, supplements and the citizen forms. */
  readonly limitPublicWrites: number
  /** Tracking look-ups per IP per 5 minutes (PIN guessing is also bounded per code by the app). */
  readonly limitTracking: number
  readonly logRetention: RetentionDays
  readonly logRemovalPolicy: RemovalPolicy
}

const RATE_LIMITED_BODY = 'rateLimited'

type Statement = CfnWebACL.StatementProperty

const startsWith = (path: string): Statement => ({
  byteMatchStatement: {
    fieldToMatch: { uriPath: {} },
    positionalConstraint: 'STARTS_WITH',
    searchString: path,
    textTransformations: [{ priority: 0, type: 'LOWERCASE' }],
  },
})
const method = (name: 'GET' | 'POST'): Statement => ({
  byteMatchStatement: {
    fieldToMatch: { method: {} },
    positionalConstraint: 'EXACTLY',
    searchString: name,
    textTransformations: [{ priority: 0, type: 'NONE' }],
  },
})
const or = (...statements: Statement[]): Statement => ({ orStatement: { statements } })
const and = (...statements: Statement[]): Statement => ({ andStatement: { statements } })

const visibility = (metricName: string): CfnWebACL.VisibilityConfigProperty => ({
  cloudWatchMetricsEnabled: true,
  metricName,
  sampledRequestsEnabled: true,
})

function rateRule(
  name: string,
  priority: number,
  limit: number,
  scopeDown?: Statement,
): CfnWebACL.RuleProperty {
  return {
    name,
    priority,
    action: { block: { customResponse: { responseCode: 429, customResponseBodyKey: RATE_LIMITED_BODY } } },
    statement: {
      rateBasedStatement: {
        limit,
        aggregateKeyType: 'IP',
        evaluationWindowSec: 300,
        scopeDownStatement: scopeDown,
      },
    },
    visibilityConfig: visibility(name),
  }
}

function managedRule(name: string, priority: number, overrides: string[] = []): CfnWebACL.RuleProperty {
  return {
    name,
    priority,
    overrideAction: { none: {} },
    statement: {
      managedRuleGroupStatement: {
        vendorName: 'AWS',
        name,
        ruleActionOverrides: overrides.length
          ? overrides.map((rule) => ({ name: rule, actionToUse: { count: {} } }))
          : undefined,
      },
    },
    visibilityConfig: visibility(name),
  }
}

/** Routes a citizen writes to (JSON API and the no-JavaScript forms). */
export const PUBLIC_WRITE_SCOPE: Statement = and(
  method('POST'),
  or(startsWith('/api/v1/petitions'), startsWith('/submit'), startsWith('/track')),
)
/** Tracking look-ups: the JSON view and the tracking form. */
export const TRACKING_SCOPE: Statement = or(
  and(method('GET'), startsWith('/api/v1/petitions/')),
  and(method('POST'), startsWith('/track')),
)

export class EdgeFirewall extends Construct {
  readonly webAcl: CfnWebACL

  constructor(scope: Construct, id: string, props: EdgeFirewallProps) {
    super(scope, id)
    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      name: props.name,
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: visibility(props.name),
      customResponseBodies: {
        [RATE_LIMITED_BODY]: {
          contentType: 'APPLICATION_JSON',
          content: JSON.stringify({
            type: 'rate_limited',
            title: 'Too many requests from your network; try again in a few minutes',
            status: 429,
          }),
        },
      },
      rules: [
        managedRule('AWSManagedRulesAmazonIpReputationList', 0),
        rateRule('RateLimitAll', 10, props.limitAll),
        rateRule('RateLimitPublicWrites', 20, props.limitPublicWrites, PUBLIC_WRITE_SCOPE),
        rateRule('RateLimitTracking', 30, props.limitTracking, TRACKING_SCOPE),
        // Petitions carry long texts: the 8 KB body-size rule would refuse them; the app limits sizes itself.
        managedRule('AWSManagedRulesCommonRuleSet', 40, ['SizeRestrictions_BODY']),
        managedRule('AWSManagedRulesKnownBadInputsRuleSet', 50),
      ],
    })

    // WAF requires the `aws-waf-logs-` prefix. Credentials and PINs are redacted before they are stored.
    const logGroupName = `aws-waf-logs-${props.name}`
    const logs = new LogGroup(this, 'Logs', {
      logGroupName,
      retention: props.logRetention,
      removalPolicy: props.logRemovalPolicy,
    })
    const logging = new CfnLoggingConfiguration(this, 'Logging', {
      resourceArn: this.webAcl.attrArn,
      // WAF wants the log group ARN without the trailing `:*` that the log group's Arn attribute has.
      logDestinationConfigs: [
        Stack.of(this).formatArn({
          service: 'logs',
          resource: 'log-group',
          resourceName: logGroupName,
          arnFormat: ArnFormat.COLON_RESOURCE_NAME,
        }),
      ],
      redactedFields: [
        { singleHeader: { Name: 'authorization' } },
        { singleHeader: { Name: 'cookie' } },
        { singleHeader: { Name: 'x-tracking-pin' } },
      ],
    })
    logging.node.addDependency(logs)
  }
}
