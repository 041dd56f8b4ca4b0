import { offersContracts, paymentsContracts, reputationContracts, type TOffer } from '@reachbridge/contracts';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { callApi, type CallOptions } from '../../lib/api-client';

export type OfferListQuery = NonNullable<CallOptions<typeof offersContracts.list>['query']>;
export type CreateOfferBody = CallOptions<typeof offersContracts.create>['body'];

export const offerKeys = {
  all: ['offers'] as const,
  list: (query: OfferListQuery) => ['offers', 'list', query] as const,
  detail: (id: string) => ['offers', 'detail', id] as const,
};

export const paymentKeys = {
  all: ['payments'] as const,
  balance: ['payments', 'balance'] as const,
  history: ['payments', 'history'] as const,
  connect: ['payments', 'connect'] as const,
  config: ['payments', 'config'] as const,
};

/** Offers, most recently changed first, a page at a time (keyset cursor). */
export function useOffers(query: OfferListQuery) {
  return useInfiniteQuery({
    queryKey: offerKeys.list(query),
    queryFn: ({ signal, pageParam }) => callApi(offersContracts.list, { query: { ...query, ...(pageParam ? { cursor: pageParam } : {}) }, signal }),
    initialPageParam: '',
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** An offer; re-read every few seconds while the card hold is being confirmed (the webhook moves it on). */
export function useOffer(id: string) {
  return useQuery({
    queryKey: offerKeys.detail(id),
    queryFn: ({ signal }) => callApi(offersContracts.get, { params: { id }, signal }),
    refetchInterval: (query) => (query.state.data?.status === 'pending_payment' ? 3000 : false),
  });
}

/** After a change: the offer's own answer goes to the cache; lists and money views are re-read. */
function offerChanged(queryClient: QueryClient, offer: TOffer) {
  queryClient.setQueryData(offerKeys.detail(offer.id), offer);
  void queryClient.invalidateQueries({ queryKey: ['offers', 'list'] });
  void queryClient.invalidateQueries({ queryKey: paymentKeys.all });
  void queryClient.invalidateQueries({ queryKey: ['campaigns'] });
}

export function useCreateOffer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateOfferBody) => callApi(offersContracts.create, { body }),
    onSuccess: (offer) => offerChanged(queryClient, offer),
  });
}

/** Every action on the offer page: one contract call that answers with the changed offer. */
export type OfferActionCall = (id: string) => Promise<TOffer>;

export function useOfferAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, call }: { id: string; call: OfferActionCall }) => call(id),
    onSuccess: (offer) => offerChanged(queryClient, offer),
    // Refused (changed meanwhile, deadline passed…): show the offer as it is now, next to the error.
    onError: (_error, { id }) => void queryClient.invalidateQueries({ queryKey: offerKeys.detail(id) }),
  });
}

export function useSendMessage(offerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => callApi(offersContracts.message, { params: { id: offerId }, body: { body } }),
    onSuccess: (message) => {
      queryClient.setQueryData<TOffer>(offerKeys.detail(offerId), (offer) => (offer ? { ...offer, messages: [...offer.messages, message] } : offer));
    },
  });
}

export function useBalance() {
  return useQuery({
    queryKey: paymentKeys.balance,
    queryFn: ({ signal }) => callApi(paymentsContracts.balance, { signal }),
  });
}

export function usePaymentHistory() {
  return useQuery({
    queryKey: paymentKeys.history,
    queryFn: ({ signal }) => callApi(paymentsContracts.history, { query: { limit: 100 }, signal }),
  });
}

export function useConnectStatus(enabled = true) {
  return useQuery({
    queryKey: paymentKeys.connect,
    queryFn: ({ signal }) => callApi(paymentsContracts.connectStatus, { signal }),
    enabled,
  });
}

export function useStartOnboarding() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => callApi(paymentsContracts.onboarding),
    onSuccess: (status) => {
      queryClient.setQueryData(paymentKeys.connect, status);
      // Offers' available actions depend on it (accept needs a ready payout account).
      void queryClient.invalidateQueries({ queryKey: offerKeys.all });
    },
  });
}

/** The provider in use and the Stripe publishable key the browser needs (changes only with a deployment). */
export function usePaymentsConfig(enabled = true) {
  return useQuery({
    queryKey: paymentKeys.config,
    queryFn: ({ signal }) => callApi(paymentsContracts.config, { signal }),
    staleTime: Infinity,
    enabled,
  });
}

/** An influencer's record on past offers (on their profile page). */
export function useInfluencerReputation(profileId: string) {
  return useQuery({
    queryKey: ['reputation', 'influencer', profileId] as const,
    queryFn: ({ signal }) => callApi(reputationContracts.influencer, { params: { id: profileId }, signal }),
  });
}
