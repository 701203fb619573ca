/**
 * The deployment, built from context: three stacks per stage. Shared by the CLI entry
 * (infra/bin/app.ts) and the tests, so what the tests assert is what `cdk deploy` deploys.
 */
import { type App, Tags, Validations } from 'aws-cdk-lib'
import { AwsSolutionsChecks } from 'cdk-nag'
import { type DeploymentConfig, EDGE_REGION, readDeploymentConfig, resourcePrefix } from './config.js'
import { EdgeStack } from './stacks/edge-stack.js'
import { StatefulStack } from './stacks/stateful-stack.js'
import { StatelessStack } from './stacks/stateless-stack.js'

export interface Deployment {
  readonly config: DeploymentConfig
  readonly stateful: StatefulStack
  readonly edge: EdgeStack
  readonly stateless: StatelessStack
}

export function buildDeployment(app: App, env: Record<string, string | undefined> = process.env): Deployment {
  const config = readDeploymentConfig(app.node, env)
  const prefix = resourcePrefix(config)
  const home = { account: config.account, region: config.region }

  const stateful = new StatefulStack(app, `${prefix}-stateful`, { env: home, config })
  const edge = new EdgeStack(app, `${prefix}-edge`, {
    env: { account: config.account, region: EDGE_REGION },
    config,
  })
  const stateless = new StatelessStack(app, `${prefix}-stateless`, {
    env: home,
    config,
    stateful,
    webAclArn: edge.webAclArn,
  })

  Tags.of(app).add('app', config.appName)
  Tags.of(app).add('stage', config.stage)
  return { config, stateful, edge, stateless }
}

/** cdk-nag's AWS Solutions pack as a CDK validation plugin: any unacknowledged finding fails the synth. */
export function addComplianceChecks(app: App): AwsSolutionsChecks {
  const checks = new AwsSolutionsChecks(app)
  Validations.of(app).addPlugins(checks)
  return checks
}
