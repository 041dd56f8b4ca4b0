export * from './accounts/roles.js';
export * from './accounts/account-status.js';
export * from './money/currency.js';
export * from './influencers/taxonomy.js';
export * from './influencers/tiers.js';
export * from './influencers/quality-score.js';
export * from './influencers/cost-per-targeted-thousand.js';
export * from './text/persian.js';
