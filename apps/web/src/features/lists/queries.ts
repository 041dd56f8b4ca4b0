import { listsContracts, savedSearchesContracts, type TList } from '@reachbridge/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { callApi } from '../../lib/api-client';

export type ListItemStatus = TList['items'][number]['status'];

export const listKeys = {
  all: ['lists'] as const,
  index: ['lists', 'index'] as const,
  detail: (id: string) => ['lists', 'detail', id] as const,
  savedSearches: ['saved-searches'] as const,
};

export function useLists(enabled = true) {
  return useQuery({
    queryKey: listKeys.index,
    queryFn: ({ signal }) => callApi(listsContracts.list, { signal }),
    enabled,
  });
}

export function useList(id: string) {
  return useQuery({
    queryKey: listKeys.detail(id),
    queryFn: ({ signal }) => callApi(listsContracts.get, { params: { id }, signal }),
  });
}

/** After any change: the list's own answer goes straight to the cache; the index is re-read (counts). */
function useListSettled() {
  const queryClient = useQueryClient();
  return (list: TList | undefined) => {
    if (list) queryClient.setQueryData(listKeys.detail(list.id), list);
    void queryClient.invalidateQueries({ queryKey: listKeys.index });
  };
}

export function useCreateList() {
  const settled = useListSettled();
  return useMutation({
    mutationFn: (body: { name: string; description?: string }) => callApi(listsContracts.create, { body }),
    onSuccess: settled,
  });
}

export function useUpdateList(id: string) {
  const settled = useListSettled();
  return useMutation({
    mutationFn: (body: { name?: string; description?: string | null }) => callApi(listsContracts.update, { params: { id }, body }),
    onSuccess: settled,
  });
}

export function useDeleteList() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => callApi(listsContracts.remove, { params: { id } }),
    onSuccess: (_data, id) => {
      queryClient.removeQueries({ queryKey: listKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: listKeys.index });
    },
  });
}

export function useAddToList() {
  const settled = useListSettled();
  return useMutation({
    mutationFn: ({ listId, influencerId }: { listId: string; influencerId: string }) =>
      callApi(listsContracts.addItem, { params: { id: listId }, body: { influencerId } }),
    onSuccess: settled,
  });
}

export function useUpdateListItem(listId: string) {
  const settled = useListSettled();
  return useMutation({
    mutationFn: ({ influencerId, ...body }: { influencerId: string; status?: ListItemStatus; note?: string }) =>
      callApi(listsContracts.updateItem, { params: { id: listId, influencerId }, body }),
    onSuccess: settled,
  });
}

export function useRemoveListItem(listId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (influencerId: string) => callApi(listsContracts.removeItem, { params: { id: listId, influencerId } }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: listKeys.all });
    },
  });
}

export function useImportCsv(listId: string) {
  const settled = useListSettled();
  return useMutation({
    mutationFn: (csv: string) => callApi(listsContracts.importCsv, { params: { id: listId }, body: { csv } }),
    onSuccess: (result) => settled(result.list),
  });
}

export function useSavedSearches() {
  return useQuery({
    queryKey: listKeys.savedSearches,
    queryFn: ({ signal }) => callApi(savedSearchesContracts.list, { signal }),
  });
}

export function useCreateSavedSearch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; query: string }) => callApi(savedSearchesContracts.create, { body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: listKeys.savedSearches }),
  });
}

export function useDeleteSavedSearch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => callApi(savedSearchesContracts.remove, { params: { id } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: listKeys.savedSearches }),
  });
}

/** The export link: a plain download, the session cookie rides along. */
export function exportCsvHref(id: string): string {
  return `/api/lists/${encodeURIComponent(id)}/export.csv`;
}
