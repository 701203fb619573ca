/**
 * The one-machine runtime: dynalite on disk, the table created if missing, demo data seeded
 * once, the public and staff apps mounted in one Node process, and the dev sign-in.
 */
import { createHash } from 'node:crypto'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { createPublicApp } from '../functions/public-api/app.js'
import { buildCitizenPages } from '../functions/public-api/pages.js'
import { createReportExportApp } from '../functions/report-export/app.js'
import { buildExportPages, EXPORT_PAGE_PATHS } from '../functions/report-export/pages.js'
import { createStaffApp } from '../functions/staff-api/app.js'
import { buildStaffPages } from '../functions/staff-api/pages.js'
import type { BlobStore } from '../shared/blobs/blob-store.js'
import { createLocalBlobStore } from '../shared/blobs/local.js'
import { apiNotFound, isApiPath } from '../shared/http/app-base.js'
import { devMailboxSender, type MessageSender } from '../shared/notifications/senders.js'
import { createLogger } from '../shared/observability.js'
import type { VirusScanner } from '../shared/scanning/virus-scanner.js'
import { createLocalSealer } from '../shared/security.js'
import { createAttachmentService } from '../shared/service/attachments.js'
import { createServices, type Services } from '../shared/service/context.js'
import { createDocumentService, type DocumentService, dossierDocuments } from '../shared/service/documents.js'
import { createDossierService, type DossierService } from '../shared/service/dossier.js'
import { createIdempotentSubmit } from '../shared/service/idempotency.js'
import { createPetitionerDocuments } from '../shared/service/petitioner-documents.js'
import { createPetitionService } from '../shared/service/petitions.js'
import { createSweep, type Sweep } from '../shared/service/sweep.js'
import { ensureTable } from '../shared/store/bootstrap.js'
import { type CapacityRecord, createDocumentClient } from '../shared/store/client.js'
import type { SubmissionLimits } from '../shared/store/rate-limits.js'
import { ORGANIZATION_NAME } from './demo-data.js'
import { devRoutes, devStaffSignIn } from './dev-routes.js'
import { startDynalite } from './dynalite.js'
import { type LocalIdentity, loadLocalIdentity, loadLocalIdentityKey } from './identity.js'
import { seedDemoData } from './seed.js'

export const LOCAL_TABLE = 'tiep-dan'
/** The morning digest goes out from this hour, Vietnam time. */
const DIGEST_HOUR = 7

export interface LocalServerOptions {
  /** 0 picks a free port. */
  readonly port: number
  readonly dataDir: string
  /** Seed the demo organisation once; a number limits the demo petitions (0: configuration and users only). */
  readonly seed?: boolean | { readonly petitions: number }
  /** Run the deadline sweep on a timer (the deadline-watch issue). */
  readonly sweep?: boolean
  /** No request logs (tests). */
  readonly quiet?: boolean
  readonly host?: string
  /** A clock for tests and simulations. */
  readonly now?: () => Date
  /** How often the local sweep runs (default every minute; AWS runs it every 15 minutes). */
  readonly sweepIntervalMs?: number
  /** Where messages go (default: the dev mailbox). */
  readonly sender?: MessageSender
  /** Receives the capacity units of every DynamoDB operation (benchmarks, capacity tests). */
  readonly onCapacity?: (record: CapacityRecord) => void
  /** Online submissions per client address: the production limits unless a test or bench says. */
  readonly submissionLimits?: SubmissionLimits | false
  /** Scans documents before they are kept (`npm start`: ClamAV if installed, see local/main.ts). */
  readonly scanner?: VirusScanner
}

export interface LocalServer {
  readonly url: string
  readonly endpoint: string
  readonly services: Services
  readonly identity: LocalIdentity
  readonly seeded: number
  readonly sweep: Sweep
  /** The mounted apps, for in-process requests (`app.request(…)`) in tests. */
  readonly app: Hono
  /** Attachment bytes under <dataDir>/blobs (tests look here). */
  readonly blobs: BlobStore
  /** Official documents and the outgoing register (shared/service/documents.ts). */
  readonly documents: DocumentService
  /** Finished cases' archive dossiers (shared/service/dossier.ts). */
  readonly dossiers: DossierService
  close(): Promise<void>
}

export async function startLocalServer(options: LocalServerOptions): Promise<LocalServer> {
  await mkdir(options.dataDir, { recursive: true })
  const dynamo = await startDynalite({ path: join(options.dataDir, 'db') })
  try {
    const raw = new DynamoDBClient({
      endpoint: dynamo.endpoint,
      region: 'local',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    })
    await ensureTable(raw, LOCAL_TABLE)
    raw.destroy()

    const identityKey = await loadLocalIdentityKey(options.dataDir)
    const sealer = createLocalSealer(identityKey)
    const logger = createLogger({ serviceName: 'tiep-dan-local', silent: options.quiet })
    const db = createDocumentClient({ endpoint: dynamo.endpoint, onCapacity: options.onCapacity })
    const services = createServices({
      rateLimitSalt: createHash('sha256').update(identityKey).update('rate-limit').digest('hex'),
      repeatKeySalt: createHash('sha256').update(identityKey).update('repeat-keys').digest('hex'),
      cursorKey: createHash('sha256').update(identityKey).update('paging-cursors').digest(),
      pinKey: createHash('sha256').update(identityKey).update('tracking-pins').digest(),
      db,
      tableName: LOCAL_TABLE,
      sealer,
      logger,
      now: options.now,
      organizationName: ORGANIZATION_NAME,
      submissionLimits: options.submissionLimits,
    })
    const identity = await loadLocalIdentity(options.dataDir, services.sessions)
    const mailbox = devMailboxSender({ relay: options.sender, now: services.now })
    let siteUrl = ''
    // Attachments in <dataDir>/blobs, uploaded and downloaded through HMAC-signed URLs on this port.
    const blobs = createLocalBlobStore({
      dir: join(options.dataDir, 'blobs'),
      secret: createHash('sha256').update(identityKey).update('blob-urls').digest(),
      baseUrl: () => siteUrl,
      now: services.now,
    })
    const seeded = options.seed
      ? await seedDemoData(services, {
          ...(typeof options.seed === 'object' ? { petitions: options.seed.petitions } : {}),
          sender: mailbox,
          blobs,
        })
      : 0
    services.settings.clearCache()

    const petitions = createPetitionService(services)
    const sweep = createSweep(services, { siteUrl: () => siteUrl, sender: mailbox })
    const attachments = createAttachmentService({ services, petitions, blobs, scanner: options.scanner })
    const documents = createDocumentService({ services, petitions, blobs })
    const pages = buildCitizenPages(
      services,
      petitions,
      attachments,
      createPetitionerDocuments({ services, petitions, blobs }),
    )
    const publicApp = createPublicApp({
      services,
      petitions,
      idempotentSubmit: createIdempotentSubmit({
        tableName: LOCAL_TABLE,
        endpoint: dynamo.endpoint,
        // A key of its own, as the KMS purpose separates them in AWS.
        sealer: createLocalSealer(
          createHash('sha256').update(identityKey).update('idempotent-receipt').digest(),
        ),
        onCapacity: options.onCapacity,
      }),
      attachments,
    })
    const dossiers = createDossierService({
      services,
      petitions,
      blobs,
      documents: dossierDocuments(services, blobs),
    })
    const staffApp = createStaffApp({
      services,
      petitions,
      verifier: identity.verifier,
      attachments,
      dossiers,
    })

    const root = new Hono()
    // The apps' own middleware (security headers, CSRF) runs first; the dev routes come last.
    // The export function answers its one path, as API Gateway routes it in AWS (more specific
    // than the staff reports' proxy); mounted whole, its middleware would run on every request.
    // The download pages are mounted on the export app, as its Lambda entry mounts them, so they
    // pass through the same middleware (security headers, correlation id, error mapper).
    const exportApp = createReportExportApp({ services, verifier: identity.verifier })
    exportApp.route('/', buildExportPages({ services, verifier: identity.verifier }))
    root.all('/api/v1/reports/export', (c) => exportApp.fetch(c.req.raw))
    for (const path of EXPORT_PAGE_PATHS) root.get(path, (c) => exportApp.fetch(c.req.raw))
    root.route('/', blobs.routes())
    root.route('/', staffApp)
    root.route('/', publicApp)
    root.route('/', pages.app)
    root.route(
      '/',
      buildStaffPages({
        services,
        petitions,
        verifier: identity.verifier,
        signIn: devStaffSignIn(services.users, identity),
        attachments,
        dossiers,
        documents,
        siteUrl: () => siteUrl,
      }),
    )
    root.route('/', devRoutes({ users: services.users, identity, sweep, sealer, mailbox }))
    root.notFound((c) => (isApiPath(c.req.path) ? apiNotFound(c) : pages.notFound(c)))

    const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const s = serve({ fetch: root.fetch, port: options.port, hostname: options.host ?? '127.0.0.1' }, () =>
        resolve(s),
      )
    })
    const address = server.address()
    const port = typeof address === 'object' && address ? address.port : options.port
    siteUrl = `http://${!options.host || ['0.0.0.0', '127.0.0.1', '::'].includes(options.host) ? 'localhost' : options.host}:${port}`
    // The same sweep as the scheduled Lambda, on a timer; a run never overlaps the previous one.
    let running: Promise<unknown> | undefined
    const tick = () => {
      if (running) return
      running = (async () => {
        await sweep.sweep()
        if (Number(new Date(services.now().getTime() + 7 * 3_600_000).getUTCHours()) >= DIGEST_HOUR)
          await sweep.digest()
      })()
        .catch((error) =>
          services.logger.error('local sweep failed', {
            error: error instanceof Error ? error.message : String(error),
          }),
        )
        .finally(() => {
          running = undefined
        })
    }
    const timer = options.sweep ? setInterval(tick, options.sweepIntervalMs ?? 60_000) : undefined
    if (options.sweep) tick()
    return {
      url: siteUrl,
      sweep,
      app: root,
      blobs,
      documents,
      dossiers,
      endpoint: dynamo.endpoint,
      services,
      identity,
      seeded,
      async close() {
        if (timer) clearInterval(timer)
        await running
        await new Promise<void>((resolve) => server.close(() => resolve()))
        db.destroy()
        await dynamo.close()
      },
    }
  } catch (error) {
    await dynamo.close()
    throw error
  }
}
