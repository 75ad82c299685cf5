// The weighted load of a slot, in integer weighted minutes so that sums and zone targets are exact:
// every hour counts 1, plus the configured extra for each night, Saturday, Sunday or holiday hour.
import { DEFAULT_WEIGHTS, type LoadWeights, type SlotHours } from './types.ts'

export function slotLoad(hours: SlotHours, weights: LoadWeights = DEFAULT_WEIGHTS): number {
  const weighted =
    hours.total +
    weights.night * hours.night +
    weights.saturday * hours.saturday +
    weights.sunday * hours.sunday +
    weights.holiday * hours.holiday
  return Math.round(weighted * 60)
}
