import { auditContracts, vettingContracts, type TAccountReview } from '@reachbridge/contracts';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { callApi } from '../../lib/api-client';

export const adminKeys = {
  queue: ['admin', 'review-queue'] as const,
  audit: (filters: AuditFilters) => ['admin', 'audit-log', filters] as const,
  auditAll: ['admin', 'audit-log'] as const,
};

const QUEUE_PAGE_SIZE = 10;
const AUDIT_PAGE_SIZE = 25;

/** The vetting queue, oldest first, page by page. */
export function useReviewQueue() {
  return useInfiniteQuery({
    queryKey: adminKeys.queue,
    queryFn: ({ pageParam, signal }) =>
      callApi(vettingContracts.queue, { query: { limit: QUEUE_PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

export type DecisionAction = 'approve' | 'reject' | 'requestChanges' | 'suspend' | 'reinstate';

export interface DecisionInput {
  userId: string;
  action: DecisionAction;
  reason?: string;
}

function decide({ userId, action, reason }: DecisionInput): Promise<TAccountReview> {
  const params = { userId };
  switch (action) {
    case 'approve':
      return callApi(vettingContracts.approve, { params });
    case 'reinstate':
      return callApi(vettingContracts.reinstate, { params });
    case 'reject':
      return callApi(vettingContracts.reject, { params, body: { reason: reason ?? '' } });
    case 'requestChanges':
      return callApi(vettingContracts.requestChanges, { params, body: { reason: reason ?? '' } });
    case 'suspend':
      return callApi(vettingContracts.suspend, { params, body: reason ? { reason } : {} });
  }
}

/** A decision on an account. The queue is not re-read at once (the card shows the outcome); the audit log is. */
export function useDecision() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: decide,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: adminKeys.auditAll }),
  });
}

export function useVerifySocialAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => callApi(vettingContracts.verifySocialAccount, { params: { id } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: adminKeys.auditAll }),
  });
}

export interface AuditFilters {
  actor?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  from?: string;
  to?: string;
}

/** The audit log, newest first, with the filters applied. */
export function useAuditLog(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: adminKeys.audit(filters),
    queryFn: ({ pageParam, signal }) =>
      callApi(auditContracts.list, { query: { ...filters, limit: AUDIT_PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    retry: false,
  });
}
