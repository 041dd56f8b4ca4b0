export { LedgerAccounts, mayGoNegative, type Posting } from './ledger-accounts.js';
export { LedgerRepository, type LedgerTransactionInput, type LedgerTransactionRow } from './ledger.repository.js';
