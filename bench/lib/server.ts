/**
 * The local server every bench runs against: an empty table in `dataDir`, quiet, on a free port.
 * One address files every petition of a run, so the submission limits are far above any run (the
 * counting writes still happen, and are measured).
 */
import { type LocalServer, type LocalServerOptions, startLocalServer } from '../../local/server.js'

export function startBenchServer(
  dataDir: string,
  options: Omit<Partial<LocalServerOptions>, 'dataDir'> = {},
): Promise<LocalServer> {
  return startLocalServer({
    submissionLimits: { perHour: 1_000_000, keylessPerMinute: 1_000_000 },
    port: 0,
    dataDir,
    seed: { petitions: 0 },
    quiet: true,
    ...options,
  })
}

/**
 * `run` once per size, in order, after a small run that is not reported: the measured runs then
 * start from a warm process (JIT, connections).
 */
export async function acrossSizes<R>(
  sizes: readonly number[],
  run: (size: number) => Promise<R>,
  announce: (size: number) => string,
): Promise<R[]> {
  await run(200)
  const results: R[] = []
  for (const size of sizes) {
    console.log(announce(size))
    results.push(await run(size))
  }
  return results
}
