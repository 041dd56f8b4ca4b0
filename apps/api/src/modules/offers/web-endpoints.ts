import { createHash, createHmac } from 'node:crypto';
import express, { Router, type Request, type Response } from 'express';
import { rawRoute } from '../../http/raw-route.js';
import type { Logger } from '../../observability/logger.js';
import { paymentsErrors, type WebhookVerifier } from '../payments/index.js';
import type { OfferWebhooks } from './offer-webhooks.js';
import type { OffersRepository } from './offers.repository.js';

const readRawJson = express.raw({ type: 'application/json', limit: '1mb' });

/**
 * Endpoints that are not JSON APIs: provider webhooks (the signature is over the exact bytes, so
 * they are mounted before the JSON body parser, CSRF and sessions) and the tracked-link redirect.
 */
export function offerWebEndpoints(deps: {
  verifier: WebhookVerifier | null;
  webhooks: OfferWebhooks;
  offers: OffersRepository;
  linkSecret: string;
  now: () => Date;
  logger: Logger;
}): Router {
  const router = Router();
  const webhook = (endpoint: 'platform' | 'connect') =>
    rawRoute('public', `Stripe ${endpoint} webhook (signature-verified)`, (req, res, next) => {
      readRawJson(req, res, (error?: unknown) => {
        if (error) return next(error);
        handleWebhook(endpoint, req, res).catch(next);
      });
    });

  async function handleWebhook(endpoint: 'platform' | 'connect', req: Request, res: Response) {
    const body: unknown = req.body;
    let event;
    try {
      if (!deps.verifier) throw new Error('webhooks are not configured (simulated payments)');
      if (!Buffer.isBuffer(body)) throw new Error('expected the raw JSON body');
      event = deps.verifier.verify(endpoint, body, req.headers['stripe-signature'] as string | undefined);
    } catch (error) {
      deps.logger.warn({ err: error, endpoint }, 'webhook refused');
      throw paymentsErrors.WEBHOOK_SIGNATURE_INVALID();
    }
    const result = await deps.webhooks.receive(event);
    res.json({ received: true, duplicate: result === 'duplicate' });
  }

  router.post('/api/webhooks/stripe', webhook('platform'));
  router.post('/api/webhooks/stripe-connect', webhook('connect'));

  router.get(
    '/r/:code',
    rawRoute('public', 'Tracked link: counts the click and redirects to the campaign landing page', (req, res, next) => {
      const code = String(req.params.code);
      trackedRedirect(code, req, res).catch(next);
    }),
  );

  async function trackedRedirect(code: string, req: Request, res: Response) {
    const link = /^[A-Za-z0-9]{4,16}$/.test(code) ? await deps.offers.findByLinkCode(code) : null;
    if (!link?.landingUrl) {
      res.status(404).type('text/plain').send('This link does not exist.');
      return;
    }
    const day = deps.now().toISOString().slice(0, 10);
    // No personal data is stored: an HMAC of address + browser under a key that exists for one day.
    const dayKey = createHash('sha256').update(`${deps.linkSecret}:${day}`).digest();
    const visitor = createHmac('sha256', dayKey).update(`${req.ip ?? ''}|${req.headers['user-agent'] ?? ''}`).digest('hex');
    await deps.offers.recordClick(link.offerId, day, visitor);
    const target = new URL(link.landingUrl);
    target.searchParams.set('utm_source', 'reachbridge');
    target.searchParams.set('utm_medium', 'influencer');
    if (link.campaignName) target.searchParams.set('utm_campaign', link.campaignName);
    target.searchParams.set('utm_content', link.slug);
    res.setHeader('Cache-Control', 'no-store');
    res.redirect(302, target.toString());
  }

  return router;
}
