import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import express, { type Router } from 'express';
import { errorHandler, unknownRoute } from '../../api/errors';
import { createLogger } from '../../lib/logger';

export interface RouterServer {
  baseUrl: string;
  close(): Promise<void>;
}

/** One router behind the API's own error handling, for routes whose feature needs no worker. */
export async function serveRouter(router: Router): Promise<RouterServer> {
  const app = express();
  app.use(express.json());
  app.use(router);
  app.use(unknownRoute);
  app.use(errorHandler(createLogger('router-test', 'silent')));
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
