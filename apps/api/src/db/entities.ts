import { UserEntity } from '../modules/accounts/index.js';
import { authEntities } from '../modules/auth/index.js';

/** Every TypeORM entity, registered once for the server, worker, CLI, tests and the drift check. */
export const entities = [UserEntity, ...authEntities];
