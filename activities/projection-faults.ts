import { ApplicationFailure, log } from '@temporalio/activity';
import { cleanDeep, cleanText } from '../domain/safe-text';
import { failureTypes } from '../workflows/messages';

/** A change PostgreSQL refused for its data, as the ticket's timeline records it (`projection-failed`). */
export interface ProjectionFault {
  /** The SQLSTATE, e.g. 22021 (a NUL in text) or 22P05 (a NUL escaped in JSON). */
  code: string;
  reason: string;
  /** Whether the change was stored after all, with the text the desk does not keep taken out. */
  repaired: boolean;
}

/**
 * PostgreSQL's data exceptions (class 22) and integrity violations (class 23): the same write fails the same
 * way on every attempt, so retrying it, as an outage is retried, would hold the ticket for ever.
 */
function dataFaultOf(error: unknown): Omit<ProjectionFault, 'repaired'> | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !/^2[23]/.test(code)) return undefined;
  // knex puts the statement before the server's message; the statement says nothing the code does not.
  const message = String((error as Error).message);
  const reason = message.includes(' - ') ? message.slice(message.lastIndexOf(' - ') + 3) : message;
  return { code, reason: cleanText(reason) };
}

/**
 * Writes a change; when PostgreSQL refuses its data, writes it again with unsafe text taken out (NUL, lone
 * surrogates, controls) and reports the fault. A fault that cleaning does not cure is not retried.
 */
export async function writeRepairingDataFaults<T>(
  change: T,
  write: (change: T) => Promise<void>,
): Promise<ProjectionFault | null> {
  try {
    await write(change);
    return null;
  } catch (error) {
    const fault = dataFaultOf(error);
    if (!fault) throw error;
    log.warn('projection refused a change for its data; storing it with unsafe text taken out', fault);
    try {
      await write(cleanDeep(change));
      return { ...fault, repaired: true };
    } catch (again) {
      const lasting = dataFaultOf(again);
      if (!lasting) throw again;
      log.error('projection cannot store a change', lasting);
      throw ApplicationFailure.nonRetryable(lasting.reason, failureTypes.projectionDataFault, {
        ...lasting,
        repaired: false,
      });
    }
  }
}
