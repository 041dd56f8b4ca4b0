import net from 'node:net';

/**
 * Tests never leave the machine: any outbound TCP connection to a host other than loopback fails
 * loudly. (Covers http, https, fetch/undici and database drivers alike: all go through net.)
 */
const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function connect(this: net.Socket, ...args: unknown[]) {
  const [first, second] = args;
  const options = (typeof first === 'object' && first !== null ? first : { port: first, host: second }) as {
    host?: string;
    path?: string;
  };
  const host = options.host ?? 'localhost';
  if (!options.path && !LOOPBACK.test(host)) {
    throw new Error(`Outbound network access is blocked in tests (tried ${host})`);
  }
  return (originalConnect as (...a: unknown[]) => net.Socket).apply(this, args);
} as typeof net.Socket.prototype.connect;
