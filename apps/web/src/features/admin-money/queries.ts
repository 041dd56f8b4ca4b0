import { adminDashboardContract, adminMoneyContracts } from '@reachbridge/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { callApi } from '../../lib/api-client';
import { adminKeys } from '../admin/queries';
import { offerKeys, paymentKeys } from '../offers/queries';
import type { ResolveBody } from './split';

export type DisputeStatus = 'open' | 'resolved';

export const adminMoneyKeys = {
  disputes: (status: DisputeStatus) => ['admin-money', 'disputes', status] as const,
  ledger: (offerId: string) => ['admin-money', 'ledger', offerId] as const,
  dashboard: ['admin-money', 'dashboard'] as const,
};

/** Open disputes oldest first, or the resolved ones. */
export function useDisputes(status: DisputeStatus) {
  return useQuery({
    queryKey: adminMoneyKeys.disputes(status),
    queryFn: ({ signal }) => callApi(adminMoneyContracts.disputes, { query: { status }, signal }),
  });
}

/**
 * Resolves a dispute. The open queue is not re-read at once (the dispute shows its outcome and the
 * ledger link where the admin is); the resolved list, the dashboard, the offer and the audit log are.
 */
export function useResolveDispute() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ disputeId, body }: { disputeId: string; body: ResolveBody }) => callApi(adminMoneyContracts.resolveDispute, { params: { id: disputeId }, body }),
    onSuccess: (offer) => {
      queryClient.setQueryData(offerKeys.detail(offer.id), offer);
      for (const queryKey of [adminMoneyKeys.disputes('resolved'), adminMoneyKeys.dashboard, adminMoneyKeys.ledger(offer.id), adminKeys.auditAll, paymentKeys.all]) {
        void queryClient.invalidateQueries({ queryKey });
      }
    },
  });
}

/** An offer's postings per transaction and its account balances. */
export function useOfferLedger(offerId: string) {
  return useQuery({
    queryKey: adminMoneyKeys.ledger(offerId),
    queryFn: ({ signal }) => callApi(adminMoneyContracts.offerLedger, { params: { id: offerId }, signal }),
  });
}

export function useDashboard() {
  return useQuery({
    queryKey: adminMoneyKeys.dashboard,
    queryFn: ({ signal }) => callApi(adminDashboardContract, { signal }),
  });
}
