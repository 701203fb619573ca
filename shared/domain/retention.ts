/**
 * How long a finished case's dossier is kept, by kind (docs/documents.md#dossier): a setting the
 * admins change, with these defaults (to be checked against the organisation's archive list).
 */
import { z } from 'zod'
import { KINDS, type Kind } from './vocabulary.js'

export type RetentionSettings = Readonly<Record<Kind, number>>

export const DEFAULT_RETENTION_YEARS: RetentionSettings = {
  complaint: 10,
  denunciation: 10,
  recommendation: 5,
  feedback: 5,
}

/** Whole years from 1 to 100, one per kind. */
export const retentionSettingsSchema = z.strictObject(
  Object.fromEntries(KINDS.map((k) => [k, z.number().int().min(1).max(100)])) as Record<Kind, z.ZodNumber>,
)
