import { campaignsContracts, type TCampaign } from '@reachbridge/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { callApi, type CallOptions } from '../../lib/api-client';

export type CreateCampaignBody = CallOptions<typeof campaignsContracts.create>['body'];
export type UpdateCampaignBody = CallOptions<typeof campaignsContracts.update>['body'];

export const campaignKeys = {
  all: ['campaigns'] as const,
  index: ['campaigns', 'index'] as const,
  detail: (id: string) => ['campaigns', 'detail', id] as const,
};

export function useCampaigns(enabled = true) {
  return useQuery({
    queryKey: campaignKeys.index,
    queryFn: ({ signal }) => callApi(campaignsContracts.list, { signal }),
    enabled,
  });
}

export function useCampaign(id: string) {
  return useQuery({
    queryKey: campaignKeys.detail(id),
    queryFn: ({ signal }) => callApi(campaignsContracts.get, { params: { id }, signal }),
  });
}

function useCampaignSettled() {
  const queryClient = useQueryClient();
  return (campaign: TCampaign) => {
    queryClient.setQueryData(campaignKeys.detail(campaign.id), campaign);
    void queryClient.invalidateQueries({ queryKey: campaignKeys.index });
  };
}

export function useCreateCampaign() {
  const settled = useCampaignSettled();
  return useMutation({ mutationFn: (body: CreateCampaignBody) => callApi(campaignsContracts.create, { body }), onSuccess: settled });
}

export function useUpdateCampaign(id: string) {
  const settled = useCampaignSettled();
  return useMutation({ mutationFn: (body: UpdateCampaignBody) => callApi(campaignsContracts.update, { params: { id }, body }), onSuccess: settled });
}
