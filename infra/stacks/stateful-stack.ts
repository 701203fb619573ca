/**
 * What must outlive a deployment: the table, the identity key, the attachments and their logs, and
 * the staff directory (accounts and MFA enrolments cannot be recreated without every staff member
 * enrolling again). Prod retains all of it and turns on every deletion protection; dev may destroy.
 */
import { Stack, type StackProps } from 'aws-cdk-lib'
import type { Construct } from 'constructs'
import type { DeploymentConfig } from '../config.js'
import { resourcePrefix } from '../config.js'
import { AttachmentStore } from '../constructs/attachment-store.js'
import { DataTable } from '../constructs/data-table.js'
import { IdentityKey } from '../constructs/identity-key.js'
import { StaffDirectory } from '../constructs/staff-directory.js'

export interface StatefulStackProps extends StackProps {
  readonly config: DeploymentConfig
}

export class StatefulStack extends Stack {
  readonly data: DataTable
  readonly identityKey: IdentityKey
  readonly files: AttachmentStore
  readonly staff: StaffDirectory

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    const { config } = props
    super(scope, id, {
      description: `Petition system (${config.stage}): data that outlives deployments`,
      terminationProtection: config.protectData,
      ...props,
    })
    this.data = new DataTable(this, 'Data', { protectData: config.protectData })
    this.identityKey = new IdentityKey(this, 'IdentityKey', {
      alias: `alias/${resourcePrefix(config)}/identity`,
      protectData: config.protectData,
    })
    this.files = new AttachmentStore(this, 'Files', {
      protectData: config.protectData,
      logRetentionDays: config.logRetentionDays,
      // The site's origin, for uploads and downloads straight to S3. Without a custom domain the
      // distribution's name is only known in the stateless stack (a reference back would be a
      // cycle): any CloudFront name then, which grants nothing: CORS only lets a page read the
      // answer, while every request still needs a URL presigned by our functions.
      namePrefix: resourcePrefix(config),
      siteOrigins: config.domainName ? [`https://${config.domainName}`] : ['https://*.cloudfront.net'],
    })
    this.staff = new StaffDirectory(this, 'Staff', {
      protectData: config.protectData,
      domainPrefix: `${resourcePrefix(config)}-staff`,
    })
  }
}
