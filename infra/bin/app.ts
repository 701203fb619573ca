#!/usr/bin/env node
/** CDK entry: `npx cdk synth -c stage=dev` (or prod). Parameters come from context (infra/config.ts). */
import { App } from 'aws-cdk-lib'
import { addComplianceChecks, buildDeployment } from '../app.js'

const app = new App()
buildDeployment(app)
addComplianceChecks(app)
app.synth()
