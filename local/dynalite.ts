/**
 * The embedded DynamoDB (dynalite) for one machine and for the integration tests: real
 * DynamoDB semantics over HTTP, persisted on disk when given a folder.
 */
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'

interface DynaliteServer {
  listen(port: number, host: string, cb: () => void): void
  close(cb: (err?: Error) => void): void
  address(): AddressInfo
  on(event: 'error', cb: (err: Error) => void): void
}
type DynaliteFactory = (options: Record<string, unknown>) => DynaliteServer
const dynalite = createRequire(import.meta.url)('dynalite') as DynaliteFactory

export interface EmbeddedDynamo {
  readonly endpoint: string
  close(): Promise<void>
}

/** Starts dynalite; `path` keeps the data on disk (one process per folder), omit it for memory. */
export async function startDynalite(options: { path?: string; port?: number } = {}): Promise<EmbeddedDynamo> {
  const server = dynalite({
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
    ...(options.path ? { path: options.path } : {}),
  })
  await new Promise<void>((resolve, reject) => {
    server.on('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', resolve)
  })
  const { port } = server.address()
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  }
}
