import { Validations } from 'aws-cdk-lib'
import { Key } from 'aws-cdk-lib/aws-kms'
import { AwsSolutionsChecks } from 'cdk-nag'
import type { IConstruct } from 'constructs'
import { describe, expect, it } from 'vitest'
import { addComplianceChecks, buildDeployment } from '../../infra/app.js'
import { newApp } from './deployment.js'
import { sweepStack } from './sweep-stack.js'

/** `RuleId at construct/path` for every finding, so a failure names what to fix. */
function findings(scope: IConstruct): string[] {
  const report = new AwsSolutionsChecks().validateScope(scope)
  return report.violations.flatMap((v) =>
    v.violatingResources.map((r) => `${v.ruleName} (${v.severity}) at ${r.constructPath}`),
  )
}

function acknowledgements(scope: IConstruct): { path: string; id: string; reason: string }[] {
  return scope.node.findAll().flatMap((c) =>
    c.node.metadata
      .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((m) =>
        Object.entries(m.data as Record<string, string>).map(([id, reason]) => ({
          path: c.node.path,
          id,
          reason,
        })),
      ),
  )
}

describe('cdk-nag AWS Solutions checks', () => {
  for (const stage of ['dev', 'prod'] as const) {
    it(`report no unacknowledged finding, error or warning, for ${stage}`, () => {
      const app = newApp(stage)
      buildDeployment(app, {})

      expect(findings(app)).toEqual([])
    })

    it(`let the ${stage} synth through the validation plugin`, () => {
      const app = newApp(stage)
      buildDeployment(app, {})
      addComplianceChecks(app)

      expect(() => app.synth()).not.toThrow()
    })
  }

  it('fail the synth on an unacknowledged finding', () => {
    const app = newApp('dev')
    const { stateless } = buildDeployment(app, {})
    addComplianceChecks(app)
    new Key(stateless, 'UnrotatedKey', { enableKeyRotation: false })

    expect(() => app.synth()).toThrow(/AwsSolutions-KMS5/)
  })

  it('pass the deadline sweep construct on its own too', () => {
    const stack = sweepStack({ environment: {}, environmentKey: { enableKeyRotation: true } })

    expect(findings(stack)).toEqual([])
  })

  it('carry a rule id and a reason of substance on every acknowledgement', () => {
    for (const stage of ['dev', 'prod'] as const) {
      const app = newApp(stage)
      buildDeployment(app, {})
      const acks = acknowledgements(app)

      expect(acks.length).toBeGreaterThan(0)
      for (const ack of acks) {
        expect(ack.id, ack.path).toMatch(/AwsSolutions-[A-Z0-9]+/)
        expect(ack.reason.length, `${ack.id} at ${ack.path}`).toBeGreaterThan(60)
      }
    }
  })
})
