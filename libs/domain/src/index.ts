export * from './accounts/roles.js';
export * from './accounts/account-status.js';
