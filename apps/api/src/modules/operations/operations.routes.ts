import { operationsContracts, type TReadiness } from '@reachbridge/contracts';
import type { DataSource } from 'typeorm';
import { defineRoute } from '../../http/define-route.js';

export function operationsRoutes({ dataSource, searchHealth }: { dataSource: DataSource; searchHealth: () => Promise<string> }) {
  return [
    defineRoute({
      contract: operationsContracts.healthz,
      auth: 'public',
      handler: () => ({ status: 'ok' as const }),
    }),
    defineRoute({
      contract: operationsContracts.readyz,
      auth: 'public',
      handler: async ({ res }) => {
        const readiness = await checkReadiness(dataSource, searchHealth);
        if (readiness.status !== 'ready') res.status(503);
        return readiness;
      },
    }),
  ];
}

async function checkReadiness(dataSource: DataSource, searchHealth: () => Promise<string>): Promise<TReadiness> {
  let database: TReadiness['checks']['database'] = 'down';
  let migrations: TReadiness['checks']['migrations'] = 'unknown';
  try {
    await dataSource.query('SELECT 1');
    database = 'up';
    migrations = (await dataSource.showMigrations()) ? 'pending' : 'applied';
  } catch {
    // reported below as not ready
  }
  return {
    status: database === 'up' && migrations === 'applied' ? 'ready' : 'not_ready',
    // Search state is reported, not required: with Elasticsearch down, search answers from PostgreSQL.
    checks: { database, migrations, search: database === 'up' ? await searchHealth() : 'unknown' },
  };
}
