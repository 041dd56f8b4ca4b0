import type { PoolClient } from 'pg';

interface Definition {
  table: string;
  name: string;
  def: string;
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Runs `load` with the tables' secondary indexes, foreign keys and unreferenced primary/unique
 * keys dropped, then puts every one of them back exactly as the catalogue described it
 * (`pg_get_indexdef`, `pg_get_constraintdef`), so whatever later migrations add is rebuilt too.
 *
 * Call it inside a transaction on an empty load target: a failure rolls the drops back with the
 * rows. Rebuilding sorts each index once and validates each foreign key with one join, which for a
 * million rows is far cheaper than maintaining them row by row (random UUID keys touch a different
 * B-tree page on nearly every insert once the index outgrows shared buffers).
 *
 * A primary or unique key that a table outside `tables` references through a foreign key is kept:
 * dropping it would need that foreign key dropped too.
 *
 * `keepForeignKeys`: leave the tables' own foreign keys in place. Dropping one locks the table it
 * references (ACCESS EXCLUSIVE) until commit, which would block another transaction loading that
 * table at the same time; the caller then answers for the rows it loads (see the seeder's
 * two-connection load).
 */
export async function withBulkLoad(
  client: PoolClient,
  tables: readonly string[],
  load: () => Promise<void>,
  options: { keepForeignKeys?: boolean } = {},
): Promise<void> {
  const regclasses = tables.map((table) => quoteIdent(table));
  const foreignKeys = options.keepForeignKeys
    ? []
    : (
        await client.query<Definition>(
          `SELECT c.conrelid::regclass::text AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS def
             FROM pg_constraint c
            WHERE c.contype = 'f' AND c.conrelid = ANY($1::regclass[])
            ORDER BY c.conrelid::regclass::text, c.conname`,
          [regclasses],
        )
      ).rows;
  const keys = (
    await client.query<Definition>(
      `SELECT c.conrelid::regclass::text AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS def
         FROM pg_constraint c
        WHERE c.contype IN ('p', 'u') AND c.conrelid = ANY($1::regclass[])
          AND NOT EXISTS (
                SELECT 1 FROM pg_constraint f
                 WHERE f.contype = 'f' AND f.conindid = c.conindid AND NOT (f.conrelid = ANY($1::regclass[])))
        ORDER BY c.conrelid::regclass::text, c.conname`,
      [regclasses],
    )
  ).rows;
  const indexes = (
    await client.query<Definition>(
      `SELECT i.indrelid::regclass::text AS table, i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
         FROM pg_index i
        WHERE i.indrelid = ANY($1::regclass[])
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype IN ('p', 'u', 'x'))
        ORDER BY i.indrelid::regclass::text, i.indexrelid::regclass::text`,
      [regclasses],
    )
  ).rows;

  for (const fk of foreignKeys) await client.query(`ALTER TABLE ${fk.table} DROP CONSTRAINT ${quoteIdent(fk.name)}`);
  for (const key of keys) await client.query(`ALTER TABLE ${key.table} DROP CONSTRAINT ${quoteIdent(key.name)}`);
  for (const index of indexes) await client.query(`DROP INDEX ${index.name}`);

  await load();

  // Keys first (foreign keys need the referenced ones), then the other indexes, then the foreign keys.
  for (const key of keys) await client.query(`ALTER TABLE ${key.table} ADD CONSTRAINT ${quoteIdent(key.name)} ${key.def}`);
  for (const index of indexes) await client.query(index.def);
  for (const fk of foreignKeys) await client.query(`ALTER TABLE ${fk.table} ADD CONSTRAINT ${quoteIdent(fk.name)} ${fk.def}`);
}
