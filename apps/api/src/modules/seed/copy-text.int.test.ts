import type { Pool } from 'pg';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/test-app.js';
import { columnKinds, copyRows, rowEncoder } from './copy-text.js';

const ctx = useTestApp();
const pool = () => (ctx.dataSource.driver as unknown as { master: Pool }).master;

interface Row {
  id: number;
  label: string | null;
  tags: string[];
  doc: unknown;
  score: number | null;
}

const AWKWARD = ['', 'plain', 'tab\there', 'new\nline', 'carriage\rreturn', 'back\\slash', '\\N', '\\.', '"quoted", with commas', 'NULL', 'سارا\u200cاحمدی', 'emoji 🎉 and ZWJ 👩‍💻', '{braces}'];

describe('COPY text format', () => {
  it('round-trips awkward text, arrays, JSON and numbers exactly', async () => {
    const rows: Row[] = AWKWARD.map((value, id) => ({
      id,
      label: id === 3 ? null : value,
      tags: [value, `${value}-2`],
      doc: { value, nested: [value, id, null, true] },
      score: id === 4 ? null : id / 3,
    }));
    const client = await pool().connect();
    try {
      const columns = ['id', 'label', 'tags', 'doc', 'score'] as const;
      await client.query(`CREATE TEMP TABLE copy_round_trip (id int, label text, tags text[], doc jsonb, score real)`);
      expect(await columnKinds(client, 'copy_round_trip', columns)).toEqual(['scalar', 'scalar', 'array', 'json', 'scalar']);
      const encode = rowEncoder<Row>(columns, await columnKinds(client, 'copy_round_trip', columns));
      await copyRows(client, 'copy_round_trip', columns, rows.map(encode).join(''));
      const { rows: stored } = await client.query<Row>(`SELECT id, label, tags, doc, score::float8 AS score FROM copy_round_trip ORDER BY id`);
      expect(stored).toEqual(rows.map((row) => ({ ...row, score: row.score === null ? null : Math.fround(row.score) })));
    } finally {
      client.release();
    }
  });
});
