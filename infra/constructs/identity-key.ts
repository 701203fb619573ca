/**
 * The customer managed KMS key at the root of the identity envelope encryption (shared/kms-sealer.ts):
 * functions ask it for data keys to seal identity fields and to unwrap them again. Grants are bound
 * to the encryption context the sealer uses, so this key opens identities and nothing else through
 * them. It also encrypts function environments that carry a secret.
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib'
import { type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam'
import { Key, KeySpec, KeyUsage } from 'aws-cdk-lib/aws-kms'
import { Construct } from 'constructs'
import { SEALING_PURPOSES, type SealingPurpose } from '../../shared/sealing.js'

function sidOf(purpose: SealingPurpose): string {
  return purpose === SEALING_PURPOSES.identity ? 'Identities' : 'Receipts'
}

/** The encryption context shared/kms-sealer.ts binds every identity data key to. */
export const IDENTITY_ENCRYPTION_CONTEXT = { purpose: SEALING_PURPOSES.identity } as const

export interface IdentityKeyProps {
  readonly alias: string
  /** Keep the key (and everything encrypted under it readable) when the stack goes (prod). */
  readonly protectData: boolean
}

export class IdentityKey extends Construct {
  readonly key: Key

  constructor(scope: Construct, id: string, props: IdentityKeyProps) {
    super(scope, id)
    this.key = new Key(this, 'Key', {
      alias: props.alias,
      description: 'Petitioner identity fields: envelope encryption root',
      keySpec: KeySpec.SYMMETRIC_DEFAULT,
      keyUsage: KeyUsage.ENCRYPT_DECRYPT,
      enableKeyRotation: true,
      // A deleted key cannot be undone after the window: the longest window in prod.
      pendingWindow: Duration.days(props.protectData ? 30 : 7),
      removalPolicy: props.protectData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    })
  }

  /** New data keys to seal values of one purpose with (identities at intake by default). */
  grantSeal(grantee: IGrantable, purpose: SealingPurpose = SEALING_PURPOSES.identity): void {
    this.grant(grantee, `Seal${sidOf(purpose)}`, 'kms:GenerateDataKey', purpose)
  }

  /** Unwrapping data keys to open values of one purpose (identities by default). */
  grantOpen(grantee: IGrantable, purpose: SealingPurpose = SEALING_PURPOSES.identity): void {
    this.grant(grantee, `Open${sidOf(purpose)}`, 'kms:Decrypt', purpose)
  }

  private grant(grantee: IGrantable, sid: string, action: string, purpose: SealingPurpose): void {
    // On the role, not the key policy: the key's default policy delegates to IAM, and a key-policy
    // grant from the application stack would make the stateful stack depend on it.
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({
        sid,
        actions: [action],
        resources: [this.key.keyArn],
        conditions: {
          StringEquals: { 'kms:EncryptionContext:purpose': purpose },
        },
      }),
    )
  }
}
