import { ConfigError } from './config';
import { TemporalConnectionError } from './temporal-connection';

/**
 * A process that cannot start for its settings (a variable, a file, a certificate the server refuses) prints
 * the one message naming them, which is what an operator reads in the journal, not that message inside a
 * stack trace and its cause's. Any other failure keeps its stack. `started()` hands failures back to Node.
 */
export function reportStartFailures(): { started(): void } {
  const report = (error: unknown) => {
    const named = error instanceof ConfigError || error instanceof TemporalConnectionError;
    console.error(named ? error.message : error);
    process.exit(1);
  };
  process.on('uncaughtException', report);
  return { started: () => void process.off('uncaughtException', report) };
}
