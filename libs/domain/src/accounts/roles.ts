/** The three kinds of user. One user has exactly one role. */
export const ROLES = ['brand', 'influencer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Roles a person may choose when signing up; admins are created by the CLI or another admin. */
export const SELF_SERVICE_ROLES = ['brand', 'influencer'] as const satisfies readonly Role[];
export type SelfServiceRole = (typeof SELF_SERVICE_ROLES)[number];
