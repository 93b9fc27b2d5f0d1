import { NativeConnection } from '@temporalio/worker';
import { loadConfig, requireDatabaseUrl } from '../lib/config';
import { createDb } from '../lib/db';
import { createLogger } from '../lib/logger';
import { reportStartFailures } from '../lib/start-failure';
import { connectTemporal } from '../lib/temporal-connection';
import { createTicketWorker } from './create-worker';
import { installWorkerRuntime, temporalLogger } from './runtime';
import { cachedWorkflowBundle } from './workflow-bundle';
import { startedAsWorker, workerNodeArgs } from './cache-sizing';
import { mailSettings } from '../mail/settings';

const start = reportStartFailures();
const config = loadConfig();
const log = createLogger('worker', config.logLevel);
installWorkerRuntime(log, config.worker.metricsAddress);
if (!startedAsWorker(config.worker.memoryBytes)) {
  log.warn(
    { nodeArgs: workerNodeArgs(config.worker.memoryBytes, process.argv[1] ?? 'dist/worker.mjs') },
    'the V8 heap is not held to WORKER_MEMORY or the workflow threads keep the stack-trace hook: start the worker with these Node arguments (docs/deploying.md)',
  );
}
const db = createDb(requireDatabaseUrl(config));
const connection = await connectTemporal(
  config.temporal,
  (options) => NativeConnection.connect(options),
  (why) => log.warn({ why, waitMs: config.temporal.connectWaitMs }, 'waiting for Temporal'),
);
const mail = mailSettings(config);
try {
  const worker = await createTicketWorker({
    connection,
    db,
    defaultPolicyId: config.sla.defaultPolicyId,
    mail,
    settings: config.worker,
    workflowBundle: await cachedWorkflowBundle(config.worker.bundleDir, temporalLogger(log)),
    ...config.temporal,
  });
  log.info(
    {
      taskQueue: config.temporal.taskQueue,
      address: config.temporal.address,
      metrics: config.worker.metricsAddress,
    },
    'worker polling',
  );
  start.started();
  // The SDK shuts the worker down on SIGINT/SIGTERM and lets running tasks finish.
  await worker.run();
} finally {
  // An idle pooled connection to the relay would otherwise hold the process open for a minute.
  mail.transport.close();
  await connection.close();
  await db.destroy();
  log.info('worker stopped');
}
