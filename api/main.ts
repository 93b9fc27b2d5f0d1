import { once } from 'node:events';
import { loadConfig } from '../lib/config';
import { createLogger } from '../lib/logger';
import { reportStartFailures } from '../lib/start-failure';
import { createApp } from './app';
import { connectDesk } from '../desk/context';
import { watchPendingIntakes } from '../desk/tickets/start';

const start = reportStartFailures();
const config = loadConfig();
const log = createLogger('api', config.logLevel);
const ctx = await connectDesk(config, (why) =>
  log.warn({ why, waitMs: config.temporal.connectWaitMs }, 'waiting for Temporal'),
);
const app = createApp(ctx, log);
const server = app.listen(config.api.port, config.api.host);
await once(server, 'listening');
log.info({ url: `http://${config.api.host}:${config.api.port}` }, 'api listening');
start.started();
const stopWatchingIntakes = watchPendingIntakes(ctx, log, config.api.pendingIntakeCheckMs);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log.info({ signal }, 'api stopping');
    server.close(
      () =>
        void stopWatchingIntakes()
          .then(ctx.close)
          .then(() => process.exit(0)),
    );
    server.closeIdleConnections();
  });
}
