import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { api, data, toApiError } from '../../api/client.ts'
import { saveDownload } from '../../api/download.ts'
import type { operations } from '../../api/schema.d.ts'

export type FairnessReport = operations['getFairness']['responses'][200]['content']['application/json']
export type FairnessZone = FairnessReport['zones'][number]
export type FairnessPerson = FairnessReport['people'][number]

export interface FairnessAsk {
  /** One rotation, or null: every rotation the user plans, together. */
  rotationId: string | null
  from: string
  to: string
}

/** The rotations whose report the user may read: those they may plan (planner, korpschef, admin). */
export function usePlannedRotations() {
  return useQuery({
    queryKey: ['rotations', 'list'],
    queryFn: () => data(api.GET('/api/rotations')),
    select: (list) => list.items.filter((r) => r.canManage),
  })
}

function ask({ rotationId, from, to }: FairnessAsk, format: 'json' | 'csv', parseAs: 'json' | 'blob') {
  const query = { from, to, format }
  return rotationId
    ? api.GET('/api/rotations/{id}/fairness', { params: { path: { id: rotationId }, query }, parseAs })
    : api.GET('/api/permanences/fairness', { params: { query }, parseAs })
}

export function useFairness(what: FairnessAsk, enabled: boolean) {
  return useQuery({
    queryKey: ['fairness', what],
    queryFn: async () => (await data(ask(what, 'json', 'json'))) as FairnessReport,
    enabled,
    // Another period or rotation: the current report stays until the next one is in.
    placeholderData: keepPreviousData,
  })
}

/** Downloads the report as CSV (for Excel nl-BE/fr-BE); a refusal is thrown, for a message on the page. */
export async function downloadFairnessCsv(what: FairnessAsk): Promise<void> {
  const { data: blob, response } = await ask(what, 'csv', 'blob')
  if (!(blob instanceof Blob)) throw await toApiError(response)
  saveDownload(response, blob, 'fairness.csv')
}
