import { discoveryContracts } from '@reachbridge/contracts';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { callApi } from '../../lib/api-client';
import { SEARCH_PAGE_SIZE, type CallOptionsQuery } from './search-types';

export const discoveryKeys = {
  all: ['discovery'] as const,
  search: (canonical: string) => ['discovery', 'search', canonical] as const,
  suggest: (term: string) => ['discovery', 'suggest', term] as const,
  profile: (id: string) => ['discovery', 'profile', id] as const,
  similar: (id: string) => ['discovery', 'similar', id] as const,
};

/**
 * Search results, page by page ("Load more" follows the cursor). While a new query loads, the
 * previous results stay on screen (dimmed) instead of flashing a spinner.
 */
export function useInfluencerSearch(query: CallOptionsQuery, canonical: string) {
  return useInfiniteQuery({
    queryKey: discoveryKeys.search(canonical),
    queryFn: ({ pageParam, signal }) =>
      callApi(discoveryContracts.search, {
        query: { ...query, limit: SEARCH_PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) },
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** Typeahead for `term`; the answer carries the term it answers (the last one stays while the next loads). */
export function useSuggestions(term: string) {
  return useQuery({
    queryKey: discoveryKeys.suggest(term),
    queryFn: async ({ signal }) => ({ term, ...(await callApi(discoveryContracts.suggest, { query: { q: term, limit: 8 }, signal })) }),
    enabled: term.length > 0,
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
  });
}

export function useInfluencerProfile(id: string) {
  return useQuery({
    queryKey: discoveryKeys.profile(id),
    queryFn: ({ signal }) => callApi(discoveryContracts.profile, { params: { id }, signal }),
    staleTime: 60_000,
  });
}

export function useSimilarInfluencers(id: string, enabled: boolean) {
  return useQuery({
    queryKey: discoveryKeys.similar(id),
    queryFn: ({ signal }) => callApi(discoveryContracts.similar, { params: { id }, query: { limit: 6 }, signal }),
    enabled,
    staleTime: 5 * 60_000,
  });
}
