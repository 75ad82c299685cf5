import type { Figures } from '../../api/types.ts'

/**
 * "2020" (or "2020, 2024"): the years the population figures are from, which are not the reference date's;
 * null when none is known.
 */
export const populationYears = (figures: Figures): string | null =>
  figures.populationYears.length > 0 ? figures.populationYears.map(String).join(', ') : null
