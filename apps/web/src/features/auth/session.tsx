import { authContracts, type ContractBodyInput, type ContractResponse, type TUser } from '@reachbridge/contracts';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { createContext, use, type ReactNode } from 'react';
import { apiClient, callApi } from '../../lib/api-client';
import { FullPageError, FullPageLoader } from '../../components/full-page-state';

type TSession = ContractResponse<typeof authContracts.session>;

export const SESSION_QUERY_KEY = ['session'] as const;

const SessionContext = createContext<TUser | null | undefined>(undefined);

function useSessionQuery() {
  return useQuery({
    queryKey: SESSION_QUERY_KEY,
    queryFn: ({ signal }) => callApi(authContracts.session, { signal }),
    staleTime: 5 * 60_000,
  });
}

/**
 * Reads who is logged in once, before anything renders, so route guards always have an answer.
 * Login, register and logout write the answer straight into the query cache.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const session = useSessionQuery();
  if (session.isPending) return <FullPageLoader />;
  if (session.isError) return <FullPageError error={session.error} onRetry={() => void session.refetch()} />;
  return <SessionContext value={session.data.user}>{children}</SessionContext>;
}

/** The logged-in user, or null. */
export function useCurrentUser(): TUser | null {
  const user = use(SessionContext);
  if (user === undefined) throw new Error('useCurrentUser must be used inside <SessionProvider>');
  return user;
}

/** Like useCurrentUser, for pages behind the login guard. */
export function useRequiredUser(): TUser {
  const user = useCurrentUser();
  if (!user) throw new Error('useRequiredUser used on a page without a logged-in user');
  return user;
}

function rememberSession(queryClient: QueryClient, session: TSession) {
  queryClient.setQueryData(SESSION_QUERY_KEY, session);
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ContractBodyInput<typeof authContracts.login>) => callApi(authContracts.login, { body }),
    onSuccess: (session) => {
      // Someone else's cached data must never leak into this session.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_QUERY_KEY[0] });
      rememberSession(queryClient, session);
    },
  });
}

export function useRegister() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ContractBodyInput<typeof authContracts.register>) => callApi(authContracts.register, { body }),
    onSuccess: (session) => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_QUERY_KEY[0] });
      rememberSession(queryClient, session);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => callApi(authContracts.logout),
    onSuccess: async () => {
      // The session (and its CSRF token) is gone: forget everything and read the new anonymous session.
      apiClient.clearCsrfToken();
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_QUERY_KEY[0] });
      rememberSession(queryClient, { user: null, csrfToken: '' });
      await queryClient.invalidateQueries({ queryKey: SESSION_QUERY_KEY });
    },
  });
}
