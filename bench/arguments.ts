import { parseArgs } from 'node:util';
import type { BenchOptions } from './scenario';

export interface BenchArguments extends BenchOptions {
  /** The scenarios asked for by name, in the order given; empty means every scenario run by default. */
  names: string[];
}

/** A command line the bench cannot run: main prints the message and the usage, and exits 2. */
export class UsageError extends Error {}

export function usage(known: readonly string[]): string {
  return [
    'usage: npm run bench -- [scenario…] [--tickets N] [--concurrency N]',
    `  scenarios: ${known.join(', ')} (none named: every scenario run by default)`,
    '  --tickets N      open tickets for scale, lateness and reads (default 10000)',
    '  --concurrency N  requests in flight where a scenario measures concurrency (default 10)',
  ].join('\n');
}

export function parseBenchArguments(args: string[], known: readonly string[]): BenchArguments {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        tickets: { type: 'string', default: '10000' },
        concurrency: { type: 'string', default: '10' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const unknown = parsed.positionals.filter((name) => !known.includes(name));
  if (unknown.length > 0) throw new UsageError(`unknown scenario ${unknown.join(', ')}`);
  return {
    names: [...new Set(parsed.positionals)],
    openTickets: wholeNumber('tickets', parsed.values.tickets),
    concurrency: wholeNumber('concurrency', parsed.values.concurrency),
  };
}

function wholeNumber(flag: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError(`--${flag} must be a whole number above 0, got ${text}`);
  return n;
}
