/**
 * The WAF web ACL for CloudFront, which AWS accepts only in us-east-1. The application stack reads
 * the ACL's ARN across regions with a weak reference (Fn::GetStackOutput): no custom resources, no
 * SSM copies, and CDK orders the deployments (edge first).
 */
import { RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib'
import type { Construct } from 'constructs'
import type { DeploymentConfig } from '../config.js'
import { resourcePrefix } from '../config.js'
import { EdgeFirewall } from '../constructs/edge-firewall.js'

export interface EdgeStackProps extends StackProps {
  readonly config: DeploymentConfig
}

export class EdgeStack extends Stack {
  readonly firewall: EdgeFirewall

  constructor(scope: Construct, id: string, props: EdgeStackProps) {
    const { config } = props
    super(scope, id, {
      description: `Petition system (${config.stage}): WAF for CloudFront (us-east-1)`,
      ...props,
    })
    this.firewall = new EdgeFirewall(this, 'Firewall', {
      name: resourcePrefix(config),
      limitAll: config.wafLimitAll,
      limitPublicWrites: config.wafLimitPublicWrites,
      limitTracking: config.wafLimitTracking,
      logRetention: config.logRetentionDays,
      logRemovalPolicy: config.protectData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    })
  }

  get webAclArn(): string {
    return this.firewall.webAcl.attrArn
  }
}
