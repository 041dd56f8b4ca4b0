import net from 'node:net';
import { describe, expect, it } from 'vitest';

describe('outbound network in tests', () => {
  it('is blocked for any host but loopback', async () => {
    await expect(fetch('http://example.com/')).rejects.toThrow();
    expect(() => net.connect({ host: '93.184.215.14', port: 80 })).toThrow(/blocked in tests/);
  });

  it('still allows loopback', async () => {
    const server = net.createServer((socket) => socket.end('hi'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = net.connect({ host: '127.0.0.1', port }, () => undefined);
      socket.on('data', (data) => resolve(data.toString()));
      socket.on('error', reject);
    });
    server.close();
    expect(reply).toBe('hi');
  });
});
