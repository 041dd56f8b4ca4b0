import type { discoveryContracts } from '@reachbridge/contracts';
import type { CallOptions } from '../../lib/api-client';

export { SEARCH_SORTS } from '@reachbridge/contracts';

/** The search request's query, as the typed client takes it. */
export type CallOptionsQuery = NonNullable<CallOptions<typeof discoveryContracts.search>['query']>;

export const SEARCH_PAGE_SIZE = 24;
