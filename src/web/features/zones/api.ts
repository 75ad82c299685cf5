import { useQuery } from '@tanstack/react-query'
import { api, data } from '../../api/client.ts'

// Zones and municipalities are public facts that change a few times a year.
const PUBLIC_FACTS_STALE = 10 * 60_000

export function useZones() {
  return useQuery({ queryKey: ['zones'], queryFn: () => data(api.GET('/api/zones')), staleTime: PUBLIC_FACTS_STALE })
}

export function useZone(code: string | undefined) {
  return useQuery({
    queryKey: ['zones', code],
    queryFn: () => data(api.GET('/api/zones/{code}', { params: { path: { code: code ?? '' } } })),
    enabled: code !== undefined,
    staleTime: PUBLIC_FACTS_STALE,
  })
}
