export * from './audit.contracts.js';
export * from './vetting.contracts.js';
