import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { createServer, type TLSSocket } from 'node:tls';

export interface TlsProxy {
  address: string;
  /** The common names of the client certificates it let through, one per connection. */
  admitted: string[];
  close(): Promise<void>;
}

/**
 * Test support standing in for a secured Temporal frontend: terminates TLS, demands a client certificate
 * signed by `clientCa`, and pipes the bytes (HTTP/2, gRPC) to the test run's plain dev server.
 */
export async function startTlsProxy(options: {
  upstream: string;
  cert: string;
  key: string;
  clientCa: string;
}): Promise<TlsProxy> {
  const at = options.upstream.lastIndexOf(':');
  const admitted: string[] = [];
  const sockets = new Set<TLSSocket>();
  const server = createServer(
    {
      cert: readFileSync(options.cert),
      key: readFileSync(options.key),
      ca: readFileSync(options.clientCa),
      requestCert: true,
      rejectUnauthorized: true,
      ALPNProtocols: ['h2'],
    },
    (socket) => {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
      admitted.push(String(socket.getPeerCertificate().subject.CN));
      const upstream = connect(Number(options.upstream.slice(at + 1)), options.upstream.slice(0, at));
      socket.pipe(upstream).pipe(socket);
      socket.on('error', () => upstream.destroy());
      upstream.on('error', () => socket.destroy());
      upstream.on('close', () => socket.destroy());
    },
  );
  // A refused handshake is what some tests are about; the client sees it, the proxy has nothing to add.
  server.on('tlsClientError', () => undefined);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    address: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    admitted,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
