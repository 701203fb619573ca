/**
 * One real synth of the dev stage with its bundles (as `cdk synth` builds them), shared by the
 * suite's files. DEPLOYED_CDK_OUT reuses an assembly already synthesized (a CI step before).
 */
import { rmSync } from 'node:fs'
import type { TestProject } from 'vitest/node'
import { buildDeployment } from '../../infra/app.js'
import { newApp } from '../infra/deployment.js'

export default function setup(project: TestProject) {
  const given = process.env.DEPLOYED_CDK_OUT
  if (given) {
    project.provide('cdkOut', given)
    return
  }
  // Without an outdir the app synthesizes into a fresh temporary folder: cdk.out stays as the CLI left it.
  const app = newApp('dev', { bundle: true })
  buildDeployment(app, {})
  const outdir = app.synth().directory
  project.provide('cdkOut', outdir)
  return () => rmSync(outdir, { recursive: true, force: true })
}

declare module 'vitest' {
  export interface ProvidedContext {
    cdkOut: string
  }
}
