import { rosterObjective } from '../src/server/features/permanences/domain/state.ts'
import { solveRoster } from '../src/server/features/permanences/domain/solver.ts'
import { makeInstance } from '../src/server/features/permanences/domain/testing.ts'
const input = makeInstance({ zones: 2, peoplePerZone: 3, pattern: { kind: 'daily', handoffTime: '07:00' }, from: '2026-03-02', to: '2026-03-22', zoneKey: { kind: 'equal' }, seed: 3 })
for (const effort of [40, 400, 4000]) for (const seed of [1, 2, 3]) {
  const r = solveRoster({ ...input, seed }, { effort })
  console.log(effort, seed, rosterObjective(input, r.assignments).toFixed(5), r.stats.iterations, r.stats.improvements, r.stats.elapsedMs.toFixed(1))
}
const r = solveRoster(input)
console.log(r.stats.zones, r.stats.people)
