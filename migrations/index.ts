import type { MigrationInterface } from 'typeorm';
import { CreateAccountsAndAuth1764201600000 } from './1764201600000-create-accounts-and-auth.js';
import { CreateProfiles1764288000000 } from './1764288000000-create-profiles.js';
import { CreateSearch1764374400000 } from './1764374400000-create-search.js';
import { CreateLists1764460800000 } from './1764460800000-create-lists.js';
import { CreateOffersAndLedger1764547200000 } from './1764547200000-create-offers-and-ledger.js';
import { TrustSafety1764633600000 } from './1764633600000-trust-safety.js';
import { SearchPerformance1764806400000 } from './1764806400000-search-performance.js';
import { SearchAtScale1764892800000 } from './1764892800000-search-at-scale.js';
import { SearchTerms1764979200000 } from './1764979200000-search-terms.js';
import { SearchQualityOrder1765065600000 } from './1765065600000-search-quality-order.js';
import { SearchNameWords1765152000000 } from './1765152000000-search-name-words.js';
import { SearchProminentNameWords1765238400000 } from './1765238400000-search-prominent-name-words.js';

/** Every migration, in order. Never edit one that has landed: add a new one. */
export const migrations: (new () => MigrationInterface)[] = [
  CreateAccountsAndAuth1764201600000,
  CreateProfiles1764288000000,
  CreateSearch1764374400000,
  CreateLists1764460800000,
  CreateOffersAndLedger1764547200000,
  TrustSafety1764633600000,
  SearchPerformance1764806400000,
  SearchAtScale1764892800000,
  SearchTerms1764979200000,
  SearchQualityOrder1765065600000,
  SearchNameWords1765152000000,
  SearchProminentNameWords1765238400000,
];
