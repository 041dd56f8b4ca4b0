export * from './common/route.js';
export * from './common/errors.js';
export * from './common/primitives.js';
export * from './common/operations.contracts.js';
export * from './auth/auth.contracts.js';
