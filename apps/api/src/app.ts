import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Express, type RequestHandler } from 'express';
import helmet from 'helmet';
import type { Pool } from 'pg';
import { pinoHttp } from 'pino-http';
import swaggerUi from 'swagger-ui-express';
import type { DataSource } from 'typeorm';
import type { Config } from './config/config.js';
import type { RouteDefinition } from './http/define-route.js';
import { createErrorHandler, notFoundHandler } from './http/error-handler.js';
import { buildOpenApiDocument } from './http/openapi.js';
import { rawRoute } from './http/raw-route.js';
import { registerRoutes } from './http/register-routes.js';
import { AccountsService } from './modules/accounts/index.js';
import { createAdminModule } from './modules/admin/index.js';
import { composeMoney } from './compose-money.js';
import { createAuditModule } from './modules/audit/index.js';
import { createAuthModule } from './modules/auth/index.js';
import { createBrandsModule } from './modules/brands/index.js';
import { createInfluencersModule } from './modules/influencers/index.js';
import { createCampaignsModule } from './modules/campaigns/index.js';
import { createListsModule } from './modules/lists/index.js';
import type { PaymentProvider, WebhookVerifier } from './modules/payments/index.js';
import { createSearchModule, type SearchModuleDeps } from './modules/search/index.js';
import { operationsRoutes } from './modules/operations/operations.routes.js';
import type { Logger } from './observability/logger.js';
import type { Metrics } from './observability/metrics.js';

export interface AppDeps {
  config: Config;
  logger: Logger;
  dataSource: DataSource;
  metrics: Metrics;
  /** Expired-session and throttle pruning timers; tests turn them off. */
  backgroundTimers?: boolean;
  /** The clock offers' deadlines are measured with; tests move it. */
  now?: () => Date;
  /** Tests inject a provider (e.g. the real Stripe adapter pointed at a local fake). */
  payments?: { provider: PaymentProvider; webhookVerifier: WebhookVerifier | null };
  /** The benchmark measures the API over an engine that reuses nothing. */
  search?: Pick<SearchModuleDeps, 'postgresOptions'>;
}

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._-]{1,128}$/;
const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));
const API_VERSION = '0.1.0';

/**
 * Self only, no inline code. With Stripe, the brand's browser loads Stripe.js and its frames to
 * confirm a card hold (Payment Element), so those origins — and nothing else — are added.
 */
function contentSecurityPolicyFor(stripe: boolean) {
  const stripeScripts = stripe ? ['https://js.stripe.com'] : [];
  return {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", ...stripeScripts],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:', ...(stripe ? ['https://*.stripe.com'] : [])],
      fontSrc: ["'self'"],
      connectSrc: ["'self'", ...(stripe ? ['https://api.stripe.com'] : [])],
      frameSrc: stripe ? ['https://js.stripe.com', 'https://hooks.stripe.com'] : ["'none'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  };
}

/**
 * API answers carry accounts, offers and money: no browser or proxy may keep a copy (a shared
 * computer's disk cache, a corporate proxy). The web client always asks again anyway.
 */
const noStore: RequestHandler = (req, res, next) => {
  if (!req.path.startsWith('/docs')) res.setHeader('Cache-Control', 'no-store'); // the reference page's static assets may be cached
  next();
};

export function createApp({ config, logger, dataSource, metrics, backgroundTimers = true, now = () => new Date(), payments: injected, search: searchTuning }: AppDeps) {
  const pool = (dataSource.driver as unknown as { master: Pool }).master;
  const accounts = new AccountsService(dataSource);
  const auth = createAuthModule({
    dataSource,
    pool,
    config,
    accounts,
    metrics,
    pruneExpired: backgroundTimers,
  });

  const app: Express = express();
  app.disable('x-powered-by');
  // API answers are personal and never revalidated (see noStore), so no ETag: it hashed every JSON body.
  app.set('etag', false);
  app.set('trust proxy', config.http.trustProxy ? 1 : false);

  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const incoming = req.headers['x-request-id'];
        const id = typeof incoming === 'string' && REQUEST_ID_PATTERN.test(incoming) ? incoming : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/metrics' },
    }),
  );
  const contentSecurityPolicy = contentSecurityPolicyFor(config.payments.provider === 'stripe');
  app.use(helmet({ contentSecurityPolicy }));
  app.use((req, res, next) => {
    const end = metrics.httpRequestDuration.startTimer({ method: req.method });
    res.on('finish', () => {
      const matched = req.route as { path: string } | undefined;
      const route = matched ? `${req.baseUrl}${matched.path}` : 'unmatched';
      end({ route, status: String(res.statusCode) });
    });
    next();
  });

  const search = createSearchModule({ dataSource, config, logger, ...searchTuning });
  const { payments, offers } = composeMoney({ config, dataSource, logger, now, ...(injected ? { injected } : {}) });
  const definitions: RouteDefinition[] = [
    ...operationsRoutes({ dataSource, searchHealth: search.health }),
    ...search.routes,
    ...auth.routes,
    ...createInfluencersModule(dataSource).routes,
    ...createBrandsModule(dataSource).routes,
    ...createListsModule(dataSource, config.http.publicUrl).routes,
    ...createAuditModule(dataSource).routes,
    ...createAdminModule(dataSource).routes,
    ...createCampaignsModule(dataSource).routes,
    ...payments.routes,
    ...offers.routes,
  ] as RouteDefinition[];

  // Webhooks read the raw body (signatures), so they come before the JSON parser, sessions and CSRF.
  app.use(offers.webRouter);

  // Body parsing, sessions, passport and CSRF apply to /api only; operator endpoints stay lean.
  app.use('/api', noStore, express.json({ limit: '100kb', strict: true }), ...auth.middleware);
  const router = express.Router();
  const routes = registerRoutes(router, definitions, { checkResponses: !config.isProduction });

  const openApiDocument = buildOpenApiDocument(routes, { version: API_VERSION, serverUrl: config.http.publicUrl });
  router.get(
    '/metrics',
    rawRoute('public', 'Prometheus metrics', async (_req, res) => {
      res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
    }),
  );
  router.get('/api/openapi.json', rawRoute('public', 'OpenAPI document', (_req, res) => void res.json(openApiDocument)));
  // Swagger UI ships an inline <style>; allow inline styles on the docs page only.
  router.use(
    '/api/docs',
    helmet.contentSecurityPolicy({
      useDefaults: false,
      directives: { ...contentSecurityPolicy.directives, styleSrc: ["'self'", "'unsafe-inline'"] },
    }),
    swaggerUi.serve,
  );
  router.get('/api/docs', rawRoute('public', 'API reference page', swaggerUi.setup(openApiDocument, { customSiteTitle: 'Reachbridge API' })));

  app.use(router);
  app.use('/api', notFoundHandler);

  const webDist = config.http.webDistDir ?? DEFAULT_WEB_DIST;
  if (existsSync(path.join(webDist, 'index.html'))) {
    app.use(express.static(webDist, { index: false, maxAge: '1h', immutable: false }));
    app.get(
      '/{*path}',
      rawRoute('public', 'Web client', (_req, res) => {
        res.setHeader('Cache-Control', 'no-cache');
        res.sendFile(path.join(webDist, 'index.html'));
      }),
    );
  } else {
    logger.warn({ webDist }, 'web client is not built; serving the API only (npm run build)');
  }
  app.use(notFoundHandler);
  app.use(createErrorHandler(logger));

  return { app, routes, searchSync: search.sync, elasticsearch: search.elasticsearch, offers, payments };
}
