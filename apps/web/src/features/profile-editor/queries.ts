import { brandProfileContracts, influencerProfileContracts, type ContractBodyInput, type TBrandProfile, type TInfluencerProfile } from '@reachbridge/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { callApi, isApiError } from '../../lib/api-client';
import { discoveryKeys } from '../discovery/queries';

export const MY_PROFILE_KEY = ['me', 'influencer-profile'] as const;
export const MY_BRAND_KEY = ['me', 'brand-profile'] as const;

/** Own influencer profile; null before the first save (the API answers 404 then). */
export function useMyInfluencerProfile() {
  return useQuery({
    queryKey: MY_PROFILE_KEY,
    queryFn: async ({ signal }): Promise<TInfluencerProfile | null> => {
      try {
        return await callApi(influencerProfileContracts.get, { signal });
      } catch (error) {
        if (isApiError(error) && error.code === 'INFLUENCER_PROFILE_NOT_FOUND') return null;
        throw error;
      }
    },
  });
}

export function useSaveInfluencerProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ContractBodyInput<typeof influencerProfileContracts.put>) => callApi(influencerProfileContracts.put, { body }),
    onSuccess: (profile) => {
      queryClient.setQueryData(MY_PROFILE_KEY, profile);
      void queryClient.invalidateQueries({ queryKey: discoveryKeys.profile(profile.id) });
    },
  });
}

export function useSubmitInfluencerProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => callApi(influencerProfileContracts.submit),
    onSuccess: (profile) => {
      queryClient.setQueryData(MY_PROFILE_KEY, profile);
    },
  });
}

/** Own brand profile; null before the first save. */
export function useMyBrandProfile() {
  return useQuery({
    queryKey: MY_BRAND_KEY,
    queryFn: async ({ signal }): Promise<TBrandProfile | null> => {
      try {
        return await callApi(brandProfileContracts.get, { signal });
      } catch (error) {
        if (isApiError(error) && error.code === 'BRAND_PROFILE_NOT_FOUND') return null;
        throw error;
      }
    },
  });
}

export function useSaveBrandProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ContractBodyInput<typeof brandProfileContracts.put>) => callApi(brandProfileContracts.put, { body }),
    onSuccess: (profile) => queryClient.setQueryData(MY_BRAND_KEY, profile),
  });
}
