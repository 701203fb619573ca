/**
 * Sender ports: the outbox hands each message to one of these. In AWS, SES for e-mail and End User
 * Messaging for SMS (from the organisation's registered origination identity); on one machine, the dev mailbox (the message is simply recorded as delivered and shown at
 * /dev/mailbox). A sender throws to report a failure; the outbox retries with backoff.
 */

import type { PinpointSMSVoiceV2Client } from '@aws-sdk/client-pinpoint-sms-voice-v2'
import type { SESv2Client } from '@aws-sdk/client-sesv2'
import { onFirstUse } from '../lazy.js'
import type { MessageChannel } from '../store/outbox.js'

export interface OutgoingMessage {
  readonly channel: MessageChannel
  readonly to: string
  readonly subject: string
  readonly body: string
}

export interface MessageSender {
  send(message: OutgoingMessage): Promise<void>
}

/** A message the dev mailbox received, as SES or SMS would have been handed it. */
export interface DeliveredMessage extends OutgoingMessage {
  readonly at: string
}

export interface DevMailbox extends MessageSender {
  /** What it received, newest first (at most the last 500). */
  delivered(): readonly DeliveredMessage[]
}

const MAILBOX_KEPT = 500

/**
 * One machine: nothing leaves it. The mailbox keeps what it was handed (the local stand-in for
 * SES's and the SMS service's own records), shown at /dev/mailbox; `relay`, when given, is handed
 * each message first (a test's recording sender) and its failure is the send's failure.
 */
export function devMailboxSender(options: { relay?: MessageSender; now?: () => Date } = {}): DevMailbox {
  const kept: DeliveredMessage[] = []
  const now = options.now ?? (() => new Date())
  return {
    async send(message) {
      await options.relay?.send(message)
      kept.unshift({ ...message, at: now().toISOString() })
      kept.length = Math.min(kept.length, MAILBOX_KEPT)
    },
    delivered: () => kept,
  }
}

/** AWS: e-mail through SES v2, SMS through End User Messaging (transactional). */
export function awsSender(options: {
  from: string
  smsOrigin?: string
  ses?: SESv2Client
  sms?: PinpointSMSVoiceV2Client
}): MessageSender {
  // Each client module loads with its first message: most sweeps send nothing, and none needs both.
  const email = onFirstUse(async () => {
    const sdk = await import('@aws-sdk/client-sesv2')
    return { sdk, client: options.ses ?? new sdk.SESv2Client({}) }
  })
  const text = onFirstUse(async () => {
    const sdk = await import('@aws-sdk/client-pinpoint-sms-voice-v2')
    return { sdk, client: options.sms ?? new sdk.PinpointSMSVoiceV2Client({}) }
  })
  return {
    async send(message) {
      if (message.channel === 'email') {
        const { sdk, client } = await email()
        await client.send(
          new sdk.SendEmailCommand({
            FromEmailAddress: options.from,
            Destination: { ToAddresses: [message.to] },
            Content: {
              Simple: {
                Subject: { Data: message.subject, Charset: 'UTF-8' },
                Body: { Text: { Data: message.body, Charset: 'UTF-8' } },
              },
            },
          }),
        )
        return
      }
      if (!options.smsOrigin) throw new Error('no SMS origination identity is configured')
      const { sdk, client } = await text()
      await client.send(
        new sdk.SendTextMessageCommand({
          DestinationPhoneNumber: message.to,
          OriginationIdentity: options.smsOrigin,
          MessageBody: `${message.subject}\n${message.body}`.slice(0, 1_400),
          MessageType: 'TRANSACTIONAL',
        }),
      )
    },
  }
}

/** Vietnamese mobile numbers in E.164 for SMS: 0912… → +84912…. */
export function toE164(phone: string): string {
  const digits = phone.replace(/[\s.-]/g, '')
  return digits.startsWith('+') ? digits : `+84${digits.replace(/^0/, '')}`
}
