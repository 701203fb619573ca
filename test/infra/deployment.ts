/**
 * Builds the deployment the way `cdk synth -c stage=…` does (same builder, same cdk.json context)
 * but without bundling, so template assertions take a second, not a bundle per function.
 */
import { readFileSync } from 'node:fs'
import { App } from 'aws-cdk-lib'
import { Template } from 'aws-cdk-lib/assertions'
import { buildDeployment, type Deployment } from '../../infra/app.js'
import type { Stage } from '../../infra/config.js'
import { repoPath } from '../../infra/paths.js'

/** The `context` block of cdk.json: feature flags and the per-deployment parameters. */
export const CDK_JSON_CONTEXT = (
  JSON.parse(readFileSync(repoPath('cdk.json'), 'utf8')) as { context: Record<string, unknown> }
).context

export interface SynthOptions {
  /** Extra context, as `-c key=value` would give. */
  readonly context?: Record<string, unknown>
  /** Run esbuild for real. @default false */
  readonly bundle?: boolean
}

export function newApp(stage: Stage, options: SynthOptions = {}): App {
  return new App({
    context: {
      ...CDK_JSON_CONTEXT,
      stage,
      ...(options.bundle ? { 'aws:cdk:enable-asset-metadata': true } : { 'aws:cdk:bundling-stacks': [] }),
      ...options.context,
    },
  })
}

export interface SynthesizedDeployment extends Deployment {
  readonly app: App
  readonly templates: { readonly stateful: Template; readonly edge: Template; readonly stateless: Template }
}

/** A fresh deployment for `stage`; no credentials, no CDK_DEFAULT_ACCOUNT (account-agnostic). */
export function synthDeployment(stage: Stage, options: SynthOptions = {}): SynthesizedDeployment {
  const app = newApp(stage, options)
  const deployment = buildDeployment(app, {})
  // One synth for the three templates (Template.fromStack would synthesize the app once per stack).
  const assembly = app.synth()
  const template = (stack: { stackName: string }) =>
    Template.fromJSON(assembly.getStackByName(stack.stackName).template)
  return {
    ...deployment,
    app,
    templates: {
      stateful: template(deployment.stateful),
      edge: template(deployment.edge),
      stateless: template(deployment.stateless),
    },
  }
}

const cache = new Map<Stage, SynthesizedDeployment>()

/** The default deployment of a stage, built once per test file (templates are read-only). */
export function deploymentOf(stage: Stage): SynthesizedDeployment {
  let built = cache.get(stage)
  if (!built) {
    built = synthDeployment(stage)
    cache.set(stage, built)
  }
  return built
}

type Resources = Record<
  string,
  { Type: string; Properties?: Record<string, unknown>; [key: string]: unknown }
>

/** The resources of one type, by logical id. */
export function resourcesOf(template: Template, type: string): Resources {
  return template.findResources(type) as Resources
}

export interface PolicyStatementJson {
  readonly Sid?: string
  readonly Effect: string
  readonly Action: string | string[]
  readonly Resource: unknown
  readonly Condition?: Record<string, Record<string, unknown>>
}

/** Every statement of the inline policies attached to the role whose logical id starts with `rolePrefix`. */
export function statementsOfRole(template: Template, rolePrefix: string): PolicyStatementJson[] {
  const policies = resourcesOf(template, 'AWS::IAM::Policy')
  const statements: PolicyStatementJson[] = []
  for (const policy of Object.values(policies)) {
    const roles = (policy.Properties?.Roles ?? []) as { Ref?: string }[]
    if (!roles.some((r) => r.Ref?.startsWith(rolePrefix))) continue
    const document = policy.Properties?.PolicyDocument as { Statement: PolicyStatementJson[] }
    statements.push(...document.Statement)
  }
  return statements
}

export const actionsOf = (statement: PolicyStatementJson): string[] =>
  Array.isArray(statement.Action) ? statement.Action : [statement.Action]
