/**
 * The use cases: file a petition, record one at the desk, track it, withdraw or add to it, and
 * act on it as staff. Each reads what it needs by key, decides with the pure domain, and writes
 * once (a conditional put or update).
 */
import type { Services } from './context.js'
import { createCitizenUseCases } from './petitions/citizen.js'
import { createCaseAccess } from './petitions/core.js'
import { createIntake } from './petitions/intake.js'
import { createStaffUseCases } from './petitions/staff.js'

export type { Receipt } from './petitions/intake.js'

/** Every petition use case, over one shared access to cases (petitions/core.ts). */
export function createPetitionService(s: Services) {
  const access = createCaseAccess(s)
  return {
    ...createIntake(s, access),
    ...createCitizenUseCases(s, access),
    ...createStaffUseCases(s, access),
  }
}

export type PetitionService = ReturnType<typeof createPetitionService>
