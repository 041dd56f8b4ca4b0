import net from 'node:net';

/**
 * Tests never leave the machine: any outbound TCP connection to a host other than loopback fails
 * loudly. (Covers http, https, fetch/undici and database drivers alike: all go through net.)
 */
const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;
// The two exceptions, each only when asked for: a live Elasticsearch for the search contract suite,
// and Stripe's API for the payment contract tests in test mode (a `sk_test_` key).
// eslint-disable-next-line no-restricted-properties -- test harness setting, not app configuration
const { ELASTICSEARCH_URL, STRIPE_SECRET_KEY } = process.env;
const allowedHosts = new Set([
  ...(ELASTICSEARCH_URL ? [new URL(ELASTICSEARCH_URL).hostname] : []),
  ...(STRIPE_SECRET_KEY?.startsWith('sk_test_') ? ['api.stripe.com', 'connect.stripe.com'] : []),
]);

// eslint-disable-next-line @typescript-eslint/unbound-method -- re-applied below with the socket as `this`
const originalConnect = net.Socket.prototype.connect;
function guardedConnect(this: net.Socket, ...args: unknown[]): net.Socket {
  // net.connect() hands over its normalised arguments as one array: [options, callback].
  const [first, second] = Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
  const options: { host?: string; path?: string } =
    typeof first === 'object' && first !== null ? first : { host: typeof second === 'string' ? second : undefined };
  const host = options.host ?? 'localhost';
  if (!options.path && !LOOPBACK.test(host) && !allowedHosts.has(host)) {
    throw new Error(`Outbound network access is blocked in tests (tried ${host})`);
  }
  return Reflect.apply(originalConnect, this, args) as net.Socket;
}
net.Socket.prototype.connect = guardedConnect;
