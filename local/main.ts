/** `npm start`: the whole system on one machine. */
import { resolve } from 'node:path'
import { createVirusScanner } from '../shared/scanning/clamav.js'
import { parseScannerSetting } from '../shared/scanning/virus-scanner.js'
import { USERS } from './demo-data.js'
import { startLocalServer } from './server.js'

const port = Number(process.env.PORT ?? 3000)
const dataDir = resolve(process.env.DATA_DIR ?? '.data')

const server = await startLocalServer({
  port,
  dataDir,
  seed: true,
  sweep: true,
  host: process.env.HOST ?? '127.0.0.1',
  // ClamAV when installed (Debian: `apt install clamav-daemon`, or `clamscan` alone); none otherwise.
  scanner: createVirusScanner(parseScannerSetting(process.env.VIRUS_SCANNER ?? 'auto'), process.env.PATH),
  // The production limits per address (5 keyless a minute, 20 an hour); `SUBMISSION_LIMITS=off`
  // for a load test or a training room filing everything from one machine.
  ...(process.env.SUBMISSION_LIMITS === 'off' ? { submissionLimits: false as const } : {}),
})
const roleOf = (id: string) =>
  USERS.find((u) => u.id === id)
    ?.memberships.map((m) => `${m.role}${m.committeeId ? `@${m.committeeId}` : ''}`)
    .join(', ')
console.log(`
Tiếp công dân — citizen reception and petition handling (local)
  data folder        ${dataDir}${server.seeded ? `  (demo data seeded: ${server.seeded} petitions)` : ''}
  citizen pages      ${server.url}/            (submit: /submit, track: /track, English: /?lang=en)
  dev sign-in        ${server.url}/dev/sign-in  (choose a user, get a staff token)
  dev mailbox        ${server.url}/dev/mailbox  (every e-mail and SMS that would have been sent; the sweep runs every minute)
  API                ${server.url}/api/v1/openapi.json
  demo users         ${['tiepdan', 'btc.canbo', 'btc.truong', 'ubkt.truong', 'giamsat', 'admin', 'admin2', 'dangvien'].map((id) => `${id} (${roleOf(id)})`).join('\n                     ')}
                     …and <committee>.canbo / <committee>.truong for every committee
Ctrl+C to stop.`)

const stop = async () => {
  await server.close()
  process.exit(0)
}
process.once('SIGINT', stop)
process.once('SIGTERM', stop)
