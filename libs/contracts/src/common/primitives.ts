import { z } from 'zod';

export const ZId = z.uuid();
export const ZIdParams = z.strictObject({ id: ZId });
export const ZTimestamp = z.iso.datetime({ offset: true });

export const ZEmail = z.email().max(254);
/** Long enough to resist guessing; capped so hashing stays cheap and bounded. */
export const ZPassword = z.string().min(10).max(200);
export const ZDisplayName = z.string().trim().min(1).max(80);
