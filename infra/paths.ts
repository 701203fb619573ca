/** Absolute paths the CDK app needs: the repository root (esbuild's project root) and the entries. */
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url))

/** Lambda entry files, relative to the repository root; each exports `handler`. */
export const ENTRIES = {
  publicApi: 'functions/public-api/handler.ts',
  staffApi: 'functions/staff-api/handler.ts',
  reportExport: 'functions/report-export/handler.ts',
  /** The stateless stack adds the sweep when this file exists (builds before it had none). */
  deadlineSweep: 'functions/deadline-sweep/handler.ts',
  originVerify: 'infra/runtime/origin-verify.ts',
} as const

export const repoPath = (relative: string) => join(REPO_ROOT, relative)
