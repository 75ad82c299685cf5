// A cost key version (verdeelsleutel) checked against the parties it applies to, before it is stored: the
// contract with the settlements part, which computes the shares from exactly these inputs. Pure.
//
//   method 'mix': `weights` are the relative weights of the other methods (≥ 0, at least one > 0); else `{}`.
//   `inputs` per party zone: population (integer ≥ 0), fte and percent (≥ 0, at most 2 decimals). Every party
//   of the version's period needs the inputs its method (or a mix weight > 0) uses; custom percents add up to
//   exactly 100. A zone with 0 is allowed, but not all of them: nothing could then be divided.
import { COST_KEY_METHODS, type CostKeyMethod } from '../../../platform/enums.ts'

export type MixMethod = Exclude<CostKeyMethod, 'mix'>
export const MIX_METHODS = COST_KEY_METHODS.filter((m): m is MixMethod => m !== 'mix')

export interface ZoneInput {
  population?: number
  fte?: number
  percent?: number
}

export interface KeyDraft {
  method: CostKeyMethod
  weights: Record<string, number>
  inputs: Record<string, ZoneInput>
}

export type InputField = 'population' | 'fte' | 'percent'

/** One thing wrong with a key version, named so a person can find it in the form. */
export interface KeyProblem {
  field: 'method' | 'weights' | 'inputs' | InputField
  problem:
    | 'unknown_method'
    | 'weights_not_allowed'
    | 'unknown_weight'
    | 'negative_weight'
    | 'no_positive_weight'
    | 'not_a_party'
    | 'missing'
    | 'negative'
    | 'not_an_integer'
    | 'too_many_decimals'
    | 'all_zero'
    | 'percent_sum'
  zoneId?: string
  /** The weight's method (weights problems), or the sum found (percent_sum, in hundredths of a percent). */
  method?: string
  sumHundredths?: number
}

/** The input fields a method uses (a mix: those of its methods with a weight > 0). */
export function fieldsUsed(key: Pick<KeyDraft, 'method' | 'weights'>): InputField[] {
  const methods: string[] =
    key.method === 'mix' ? Object.entries(key.weights).flatMap(([m, w]) => (w > 0 ? [m] : [])) : [key.method]
  const fields: InputField[] = []
  if (methods.includes('population')) fields.push('population')
  if (methods.includes('fte')) fields.push('fte')
  if (methods.includes('custom')) fields.push('percent')
  return fields
}

/** Hundredths of a number with at most 2 decimals, or null when it has more. */
export function hundredths(value: number): number | null {
  const scaled = Math.round(value * 100)
  return Math.abs(scaled - value * 100) < 1e-6 ? scaled : null
}

function checkWeights(key: KeyDraft): KeyProblem[] {
  const entries = Object.entries(key.weights)
  if (key.method !== 'mix') return entries.length > 0 ? [{ field: 'weights', problem: 'weights_not_allowed' }] : []
  const problems: KeyProblem[] = []
  for (const [method, weight] of entries) {
    if (!(MIX_METHODS as readonly string[]).includes(method))
      problems.push({ field: 'weights', problem: 'unknown_weight', method })
    else if (!Number.isFinite(weight) || weight < 0)
      problems.push({ field: 'weights', problem: 'negative_weight', method })
  }
  if (problems.length === 0 && !entries.some(([, w]) => w > 0))
    problems.push({ field: 'weights', problem: 'no_positive_weight' })
  return problems
}

function checkValue(field: InputField, zoneId: string, value: number): KeyProblem | null {
  if (!Number.isFinite(value) || value < 0) return { field, problem: 'negative', zoneId }
  if (field === 'population') return Number.isInteger(value) ? null : { field, problem: 'not_an_integer', zoneId }
  return hundredths(value) === null ? { field, problem: 'too_many_decimals', zoneId } : null
}

/**
 * The problems of a key version whose period concerns `partyZoneIds` (the parties in it at some day of the
 * version), given every zone that is a party of the investment at all (`knownZoneIds`). Empty: valid.
 */
export function keyProblems(
  key: KeyDraft,
  partyZoneIds: readonly string[],
  knownZoneIds: readonly string[],
): KeyProblem[] {
  if (!(COST_KEY_METHODS as readonly string[]).includes(key.method))
    return [{ field: 'method', problem: 'unknown_method' }]
  const problems = checkWeights(key)
  for (const [zoneId, input] of Object.entries(key.inputs)) {
    if (!knownZoneIds.includes(zoneId)) {
      problems.push({ field: 'inputs', problem: 'not_a_party', zoneId })
      continue
    }
    for (const field of ['population', 'fte', 'percent'] as const) {
      const value = input[field]
      const problem = value === undefined ? null : checkValue(field, zoneId, value)
      if (problem) problems.push(problem)
    }
  }
  if (problems.length > 0) return problems
  for (const field of fieldsUsed(key)) {
    const missing = partyZoneIds.filter((z) => key.inputs[z]?.[field] === undefined)
    for (const zoneId of missing) problems.push({ field, problem: 'missing', zoneId })
    if (missing.length > 0) continue
    const values = partyZoneIds.map((z) => key.inputs[z]?.[field] ?? 0)
    if (field === 'percent') {
      const sum = values.reduce((s, v) => s + (hundredths(v) ?? 0), 0)
      if (sum !== 10_000) problems.push({ field, problem: 'percent_sum', sumHundredths: sum })
    } else if (partyZoneIds.length > 0 && values.every((v) => v === 0)) problems.push({ field, problem: 'all_zero' })
  }
  return problems
}

/** The inputs as stored: only the zones of the investment, only the fields given (sorted for a stable row). */
export function normalisedInputs(inputs: Record<string, ZoneInput>): Record<string, ZoneInput> {
  const out: Record<string, ZoneInput> = {}
  for (const zoneId of Object.keys(inputs).sort()) {
    const input = inputs[zoneId] ?? {}
    out[zoneId] = {
      ...(input.population !== undefined ? { population: input.population } : {}),
      ...(input.fte !== undefined ? { fte: input.fte } : {}),
      ...(input.percent !== undefined ? { percent: input.percent } : {}),
    }
  }
  return out
}

/** A party's membership of an investment: from joinedOn, until leftOn (exclusive; null: still a party). */
export interface PartyPeriod {
  zoneId: string
  joinedOn: string
  leftOn: string | null
}

/** The parties of the investment on some day of [from, to) (to null: open-ended). Dates as YYYY-MM-DD. */
export function partiesDuring(parties: readonly PartyPeriod[], from: string, to: string | null): string[] {
  return parties
    .filter((p) => (to === null || p.joinedOn < to) && (p.leftOn === null || p.leftOn > from))
    .map((p) => p.zoneId)
}
