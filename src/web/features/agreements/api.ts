import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, data } from '../../api/client.ts'
import type { Agreement, AgreementCreate, AgreementStatus, ApprovalCreate, TransitionRequest } from '../../api/types.ts'

export const agreementKeys = {
  all: ['agreements'] as const,
  list: (associationId: string | undefined, status: AgreementStatus | undefined) =>
    ['agreements', 'list', associationId ?? null, status ?? null] as const,
  detail: (id: string) => ['agreements', 'detail', id] as const,
}

export function useAgreements(associationId: string | undefined, status: AgreementStatus | undefined) {
  return useQuery({
    queryKey: agreementKeys.list(associationId, status),
    queryFn: () => data(api.GET('/api/agreements', { params: { query: { associationId, status } } })),
  })
}

export function useAgreement(id: string) {
  return useQuery({
    queryKey: agreementKeys.detail(id),
    queryFn: () => data(api.GET('/api/agreements/{id}', { params: { path: { id } } })),
  })
}

/** The domain catalogue and the associations' zones change only with a migration: fetch them once. */
export function useDomains() {
  return useQuery({ queryKey: ['domains'], queryFn: () => data(api.GET('/api/domains')), staleTime: Infinity })
}

export function useAssociations() {
  return useQuery({
    queryKey: ['associations'],
    queryFn: () => data(api.GET('/api/associations')),
    staleTime: 10 * 60_000,
  })
}

/** Every write answers with the whole agreement: show it at once, and let lists and figures refresh. */
function useAgreementWrite<Input>(write: (input: Input) => Promise<Agreement>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: write,
    onSuccess: (agreement) => {
      queryClient.setQueryData(agreementKeys.detail(agreement.id), agreement)
      void queryClient.invalidateQueries({ queryKey: agreementKeys.all, refetchType: 'none' })
      void queryClient.invalidateQueries({ queryKey: ['figures'] })
    },
  })
}

export const useCreateAgreement = () =>
  useAgreementWrite((body: AgreementCreate) => data(api.POST('/api/agreements', { body })))

export const useRecordApproval = (id: string) =>
  useAgreementWrite((body: ApprovalCreate) =>
    data(api.POST('/api/agreements/{id}/approvals', { params: { path: { id } }, body })),
  )

export const useTransition = (id: string) =>
  useAgreementWrite((body: TransitionRequest) =>
    data(api.POST('/api/agreements/{id}/transitions', { params: { path: { id } }, body })),
  )
