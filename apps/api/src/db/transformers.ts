import type { ValueTransformer } from 'typeorm';

/** bigint and numeric columns come back from pg as strings; these values fit a JS number exactly. */
export const numberTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
