import type { Client } from '@temporalio/client';
import type { Db } from '../lib/db';
import { lettersWorkflow } from '../workflows';
import type { LetterKind, LetterTicket } from './letters';

export interface StandaloneLetter {
  key: string;
  kind: LetterKind;
  recipient: string;
  ticketNumber: string | null;
  ticket: LetterTicket | null;
  event: { type: string; actor: string; at: string; data: Record<string, unknown> };
}

/** Letters that belong to no running ticket workflow, queued in the outbox like any other. */
export async function queueLetters(db: Db, letters: StandaloneLetter[]): Promise<void> {
  if (letters.length === 0) return;
  await db('outbox')
    .insert(
      letters.map((l) => ({
        idempotency_key: l.key,
        ticket_number: l.ticketNumber,
        kind: l.kind,
        recipient: l.recipient,
        payload: JSON.stringify({ ticket: l.ticket, event: l.event }),
      })),
    )
    .onConflict('idempotency_key')
    .ignore();
}

/** One short workflow per batch sends them with the same activity, retries and relay as tickets' letters. */
export async function sendLetters(client: Client, taskQueue: string, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await client.workflow.start(lettersWorkflow, {
    workflowId: `letters:${keys[0]}`,
    taskQueue,
    args: [keys],
    workflowIdConflictPolicy: 'USE_EXISTING',
  });
}
