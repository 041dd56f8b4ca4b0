export { AccountsService, normaliseEmail, type CredentialCheck, type NewAccount } from './accounts.service.js';
export { presentUser } from './accounts.presenter.js';
export { hashPassword } from './passwords.js';
/** Exported for the DataSource and for relations only; other modules go through the service. */
export { UserEntity } from './user.entity.js';
