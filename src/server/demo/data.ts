// The demo data set, described without a database: the real zones, municipalities, associations and
// agreements of the seed articles, and generated (fictional, deterministic) people and accounts.
// seed.ts writes it; tests read it to know what to expect.
import { demoAccounts, sharedFunctions } from './accounts.ts'
import { DEMO_AGREEMENTS } from './agreements.ts'
import { generateZoneStaff } from './people.ts'
import type { DemoData } from './types.ts'
import { DEMO_ASSOCIATIONS, DEMO_ZONES, demoMunicipalities } from './zones.ts'

export { DEMO_ADMIN_EMAIL, DEMO_PASSWORD, demoAccountEmail, SHARED_DPO_ZONE, ZONE_ROLES } from './accounts.ts'
export { checkBudget, WVL4_KEY_FIGURES } from './agreements.ts'
export type * from './types.ts'

/** A fresh copy each call (callers may mutate it); equal content every time. */
export function demoData(): DemoData {
  const zones = DEMO_ZONES.map((z) => ({ ...z }))
  const agreements = structuredClone([...DEMO_AGREEMENTS])
  const people = zones.flatMap((zone) => generateZoneStaff(zone))
  return {
    zones,
    municipalities: demoMunicipalities(),
    associations: structuredClone([...DEMO_ASSOCIATIONS]),
    agreements,
    people,
    sharedFunctions: sharedFunctions(agreements, people),
    accounts: demoAccounts(
      zones.map((z) => z.code),
      DEMO_ASSOCIATIONS.map((a) => a.code),
      people,
    ),
  }
}
