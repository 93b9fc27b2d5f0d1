import { once } from 'node:events';
import { Client, Connection } from '@temporalio/client';
import { loadConfig, requireDatabaseUrl, requireLinkSecret } from '../lib/config';
import { createDb } from '../lib/db';
import { createLogger } from '../lib/logger';
import { createApp } from './app';

const config = loadConfig();
const log = createLogger('api', config.logLevel);
const db = createDb(requireDatabaseUrl(config));
const connection = await Connection.connect({ address: config.temporal.address });
const client = new Client({ connection, namespace: config.temporal.namespace });

const app = createApp(
  {
    client,
    db,
    taskQueue: config.temporal.taskQueue,
    updateDeadlineMs: config.api.updateDeadlineMs,
    historyLimit: config.tickets.historyLimit,
    linkSecret: requireLinkSecret(config),
  },
  log,
);
const server = app.listen(config.api.port, config.api.host);
await once(server, 'listening');
log.info({ url: `http://${config.api.host}:${config.api.port}` }, 'api listening');

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log.info({ signal }, 'api stopping');
    server.close(() => void Promise.all([connection.close(), db.destroy()]).then(() => process.exit(0)));
    server.closeIdleConnections();
  });
}
