import { DefaultLogger, Runtime, type LogLevel } from '@temporalio/worker';
import type { Logger } from '../lib/logger';

const pinoLevel = { TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' } as const;

/**
 * The SDK's logger, writing the worker's pino JSON lines. Workflow and activity loggers put the
 * workflow id in every line's attributes, and a ticket's workflow id is its number: it becomes `ticket`.
 */
export function temporalLogger(log: Logger): DefaultLogger {
  // TRACE here so that pino's own level is the only filter.
  return new DefaultLogger('TRACE', ({ level, message, meta }) => {
    const { workflowId, ...attributes } = meta ?? {};
    log[pinoLevel[level as LogLevel]]({ ticket: workflowId as string | undefined, ...attributes }, message);
  });
}

/**
 * Installs the process-wide Temporal runtime; must run before the first connection, which would otherwise
 * create a default runtime. With a metrics address, the SDK serves Prometheus metrics (activity and
 * workflow task latencies, schedule-to-start, poller counts) at http://<address>/metrics.
 */
export function installWorkerRuntime(log: Logger, metricsAddress: string | undefined): void {
  Runtime.install({
    logger: temporalLogger(log),
    telemetryOptions: {
      // SDK Core's own lines go through the same logger, so the whole worker logs JSON.
      logging: { forward: {}, filter: { core: 'WARN', other: 'ERROR' } },
      ...(metricsAddress ? { metrics: { prometheus: { bindAddress: metricsAddress } } } : {}),
    },
  });
}
