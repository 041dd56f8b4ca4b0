import { UserEntity } from '../modules/accounts/index.js';
import { adminEntities } from '../modules/admin/index.js';
import { auditEntities } from '../modules/audit/index.js';
import { authEntities } from '../modules/auth/index.js';
import { brandsEntities } from '../modules/brands/index.js';
import { influencersEntities } from '../modules/influencers/index.js';
import { listsEntities } from '../modules/lists/index.js';

/** Every TypeORM entity, registered once for the server, worker, CLI, tests and the drift check. */
export const entities = [UserEntity, ...authEntities, ...influencersEntities, ...brandsEntities, ...listsEntities, ...auditEntities, ...adminEntities];
