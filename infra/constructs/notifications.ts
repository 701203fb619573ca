/**
 * Permission to send notifications as this organisation: e-mail through SES from the configured
 * sender only, SMS through End User Messaging from the configured origination identity only. The
 * SES identity (domain, DKIM) and the SMS sender registration are set up once by the operator
 * (infra/README.md); the stack only grants their use.
 */
import { ArnFormat, Stack } from 'aws-cdk-lib'
import { type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam'
import { Construct } from 'constructs'

export interface NotificationsProps {
  /** From address; the address or its domain is a verified SES identity. */
  readonly emailSender: string
  /** End User Messaging SMS origination identity ARN (sender ID, phone number or pool). */
  readonly smsOrigin?: string
}

export class Notifications extends Construct {
  readonly emailSender: string
  readonly smsOrigin?: string

  constructor(scope: Construct, id: string, props: NotificationsProps) {
    super(scope, id)
    this.emailSender = props.emailSender
    this.smsOrigin = props.smsOrigin
  }

  /** The environment a sending function reads its sender identities from. */
  get environment(): Record<string, string> {
    return { EMAIL_SENDER: this.emailSender, ...(this.smsOrigin ? { SMS_ORIGIN: this.smsOrigin } : {}) }
  }

  grantSend(grantee: IGrantable): void {
    const stack = Stack.of(this)
    const domain = this.emailSender.split('@')[1]!
    const identity = (name: string) =>
      stack.formatArn({
        service: 'ses',
        resource: 'identity',
        resourceName: name,
        arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
      })
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({
        sid: 'SendEmailAsOrganisation',
        actions: ['ses:SendEmail', 'ses:SendRawEmail'],
        // SES authorises against the identity that verified the sender: the address or its domain.
        resources: [identity(this.emailSender), identity(domain)],
        conditions: { StringEquals: { 'ses:FromAddress': this.emailSender } },
      }),
    )
    if (this.smsOrigin)
      grantee.grantPrincipal.addToPrincipalPolicy(
        new PolicyStatement({
          sid: 'SendSmsAsOrganisation',
          actions: ['sms-voice:SendTextMessage'],
          resources: [this.smsOrigin],
        }),
      )
  }
}
