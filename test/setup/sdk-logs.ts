import { format } from 'node:util';
import { DefaultLogger, Runtime } from '@temporalio/worker';

/**
 * The SDK's default logger writes to stderr, past vitest, so a passing run printed every worker's
 * lifecycle. Through `console` each line belongs to the test that was running, and vitest prints it
 * only when that test fails (`silent: 'passed-only'`). Core's own lines are forwarded to the same
 * logger. Default options, not an installed runtime: a test file may still install its own, as
 * worker/main.ts does.
 */
Runtime.defaultOptions = {
  logger: new DefaultLogger('INFO', ({ level, message, meta }) => {
    const line = `[temporal ${level}] ${message}${meta ? ` ${format(meta)}` : ''}`;
    if (level === 'WARN' || level === 'ERROR') console.error(line);
    else console.log(line);
  }),
  telemetryOptions: { logging: { forward: {}, filter: { core: 'WARN', other: 'ERROR' } } },
};
