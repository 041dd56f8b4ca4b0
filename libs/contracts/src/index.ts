export * from './common/route.js';
export * from './common/errors.js';
export * from './common/primitives.js';
export * from './common/operations.contracts.js';
export * from './common/money.js';
export * from './auth/auth.contracts.js';
export * from './influencers/profile.contracts.js';
export * from './brands/brand-profile.contracts.js';
