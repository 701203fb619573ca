/**
 * The SDK clients the functions create on first use (shared/lazy.ts): the KMS sealer and the
 * message senders load their client module with the first call and then behave as before.
 */
import { DecryptCommand, GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms'
import { PinpointSMSVoiceV2Client, SendTextMessageCommand } from '@aws-sdk/client-pinpoint-sms-voice-v2'
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2'
import { mockClient } from 'aws-sdk-client-mock'
import { describe, expect, it } from 'vitest'
import { createKmsSealer } from '../../shared/kms-sealer.js'
import { onFirstUse } from '../../shared/lazy.js'
import { awsSender } from '../../shared/notifications/senders.js'
import { SEALING_PURPOSES } from '../../shared/sealing.js'

describe('onFirstUse', () => {
  it('loads once for every caller, and only when first called', async () => {
    let loads = 0
    const get = onFirstUse(async () => ++loads)
    expect(loads).toBe(0)
    expect(await Promise.all([get(), get(), get()])).toEqual([1, 1, 1])
    expect(loads).toBe(1)
  })

  it('forgets a failed load, so the next call tries again', async () => {
    let loads = 0
    const get = onFirstUse(async () => {
      loads++
      if (loads === 1) throw new Error('transient')
      return 'ready'
    })
    await expect(get()).rejects.toThrow('transient')
    expect(await get()).toBe('ready')
    expect(loads).toBe(2)
  })
})

describe('the KMS sealer with its client loaded on first use', () => {
  /** KMS mocked to hand out one data key; a sealer of the identity purpose over it. */
  function mockedKms(fill: number) {
    const key = Buffer.alloc(32, fill)
    const kms = mockClient(KMSClient)
    kms
      .on(GenerateDataKeyCommand)
      .resolves({ Plaintext: key, CiphertextBlob: Buffer.from(`wrapped-${fill}`) })
    kms.on(DecryptCommand).resolves({ Plaintext: key })
    const sealer = () =>
      createKmsSealer({ keyId: 'key-1', purpose: SEALING_PURPOSES.identity, client: new KMSClient({}) })
    return { kms, sealer }
  }

  it('seals with one data key for many values and opens them again', async () => {
    const { kms, sealer: newSealer } = mockedKms(7)
    const sealer = newSealer()

    const a = await sealer.seal('Nguyễn Văn An')
    const b = await sealer.seal('012345678901')
    const fresh = newSealer()

    expect(await fresh.open(a)).toBe('Nguyễn Văn An')
    expect(await fresh.open(b)).toBe('012345678901')
    expect(kms.commandCalls(GenerateDataKeyCommand)).toHaveLength(1)
    // The second value's key was opened once and cached.
    expect(kms.commandCalls(DecryptCommand)).toHaveLength(1)
    kms.restore()
  })

  it('opens what it sealed itself without asking KMS to decrypt its own data key', async () => {
    const { kms, sealer: newSealer } = mockedKms(9)
    const sealer = newSealer()

    const sealed = await sealer.seal('ngoc.tran@example.vn')
    expect(await sealer.open(sealed)).toBe('ngoc.tran@example.vn')
    expect(kms.commandCalls(GenerateDataKeyCommand)).toHaveLength(1)
    expect(kms.commandCalls(DecryptCommand)).toHaveLength(0)
    kms.restore()
  })
})

describe('the AWS sender with its clients loaded on first use', () => {
  it('sends e-mail through SES and SMS through End User Messaging', async () => {
    const ses = mockClient(SESv2Client)
    ses.on(SendEmailCommand).resolves({ MessageId: 'm1' })
    const sms = mockClient(PinpointSMSVoiceV2Client)
    sms.on(SendTextMessageCommand).resolves({ MessageId: 's1' })
    const sender = awsSender({ from: 'no-reply@example.org', smsOrigin: 'origin-1' })

    await sender.send({ channel: 'email', to: 'an@example.vn', subject: 'Tiêu đề', body: 'Nội dung' })
    await sender.send({ channel: 'sms', to: '+84900000000', subject: 'Tiêu đề', body: 'Nội dung' })

    expect(ses.commandCalls(SendEmailCommand)[0]!.args[0].input).toMatchObject({
      FromEmailAddress: 'no-reply@example.org',
      Destination: { ToAddresses: ['an@example.vn'] },
    })
    expect(sms.commandCalls(SendTextMessageCommand)[0]!.args[0].input).toMatchObject({
      DestinationPhoneNumber: '+84900000000',
      OriginationIdentity: 'origin-1',
    })
    ses.restore()
    sms.restore()
  })
})
