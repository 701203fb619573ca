/**
 * `npm run sweep`: one deadline sweep (and the morning digest when due) now. If the local server
 * is running it asks it (one process per data folder); otherwise it opens the data folder itself.
 */
import { resolve } from 'node:path'
import { startLocalServer } from './server.js'

const port = Number(process.env.PORT ?? 3000)
try {
  const res = await fetch(`http://127.0.0.1:${port}/dev/sweep`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
  })
  console.log(JSON.stringify(await res.json(), null, 2))
} catch {
  const server = await startLocalServer({
    port: 0,
    dataDir: resolve(process.env.DATA_DIR ?? '.data'),
    quiet: true,
  })
  try {
    console.log(
      JSON.stringify({ sweep: await server.sweep.sweep(), digests: await server.sweep.digest() }, null, 2),
    )
  } finally {
    await server.close()
  }
}
