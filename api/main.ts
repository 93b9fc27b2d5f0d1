import { once } from 'node:events';
import { loadConfig } from '../lib/config';
import { createLogger } from '../lib/logger';
import { createApp } from './app';
import { connectApiContext } from './context';

const config = loadConfig();
const log = createLogger('api', config.logLevel);
const ctx = await connectApiContext(config);
const app = createApp(ctx, log);
const server = app.listen(config.api.port, config.api.host);
await once(server, 'listening');
log.info({ url: `http://${config.api.host}:${config.api.port}` }, 'api listening');

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log.info({ signal }, 'api stopping');
    server.close(() => void ctx.close().then(() => process.exit(0)));
    server.closeIdleConnections();
  });
}
