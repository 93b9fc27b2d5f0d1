import { isGrpcServiceError } from '@temporalio/client';

export type Dependency = 'PostgreSQL' | 'Temporal';

/** Socket-level failures: the server is not there, went away, or cannot be reached. */
const networkCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * SQLSTATEs of a server that is stopping, starting or out of connections: class 08 (connection exception),
 * admin/crash shutdown, cannot connect now, too many connections.
 */
const unavailableStates = new Set(['57P01', '57P02', '57P03', '53300']);

/** pg reports a socket that closed under a query, or a client whose connection failed, without a code. */
const lostConnection = /Connection terminated|Connection ended unexpectedly|not queryable/i;

/** gRPC UNAVAILABLE: the Temporal frontend cannot be reached. */
const GRPC_UNAVAILABLE = 14;

/**
 * Which dependency an error says is down, if any. Such an error is worth retrying later (503), unlike a
 * bug (500). Looks through `cause` chains and AggregateErrors, as pg reports one failure per address tried.
 */
export function dependencyDown(error: unknown, depth = 0): Dependency | undefined {
  if (!error || typeof error !== 'object' || depth > 5) return undefined;
  const { code, name, message, cause, errors } = error as {
    code?: unknown;
    name?: unknown;
    message?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (isGrpcServiceError(error) && error.code === GRPC_UNAVAILABLE) return 'Temporal';
  if (typeof code === 'string' && (code.startsWith('08') || unavailableStates.has(code))) return 'PostgreSQL';
  if (name === 'KnexTimeoutError') return 'PostgreSQL';
  if (typeof message === 'string' && lostConnection.test(message)) return 'PostgreSQL';
  if (typeof code === 'string' && networkCodes.has(code)) return 'PostgreSQL';
  for (const inner of [cause, ...(Array.isArray(errors) ? errors : [])]) {
    const found = dependencyDown(inner, depth + 1);
    if (found) return found;
  }
  return undefined;
}
