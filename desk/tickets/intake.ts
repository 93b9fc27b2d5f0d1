import { createHash } from 'node:crypto';
import { priorityOf } from '../../domain/priority';
import type { TicketIntake } from '../../domain/ticket';
import { ticketQuery } from '../../workflows/messages';
import { withUpdateDeadline, type DeskContext } from '../context';
import { DeskError } from '../errors';
import { resolvePartLeadTimes } from './parts-catalog';
import { readBack, type ChangedTicket } from './read-back';
import { findTicket } from './reads';
import { recordIntake, startTicket } from './start';

export type OpenedTicket =
  | { ticket: ChangedTicket; replayed: boolean; pending?: undefined }
  /** Temporal did not confirm in time: the number is taken and the intake ledger will start the ticket. */
  | { pending: { number: string }; replayed: boolean; ticket?: undefined };

/**
 * R1: every request gets a ticket number at once, chosen before Temporal is asked. Answers when the workflow
 * runs and the ticket row is committed, or as pending with the number. With an idempotency key, a repeat
 * returns the ticket the first request opened.
 */
export async function openTicket(
  ctx: DeskContext,
  intake: TicketIntake,
  idempotencyKey?: string,
): Promise<OpenedTicket> {
  // Before a number is taken or a key stored, so a request naming bad parts leaves no trace.
  const parts = intake.partReplacement
    ? await resolvePartLeadTimes(ctx.db, intake.partReplacement.parts)
    : undefined;
  const number = idempotencyKey
    ? await numberForKey(ctx, idempotencyKey, intake)
    : await nextTicketNumber(ctx);
  const replayed = idempotencyKey !== undefined;
  if (replayed) {
    const existing = await findTicket(ctx.db, number);
    if (existing) return { ticket: existing, replayed };
  }
  const open = await recordIntake(ctx, {
    number,
    intake,
    priority: priorityOf(intake.impact, intake.urgency),
    receivedAt: new Date(intake.receivedAt ?? Date.now()).toISOString(),
    historyLimit: ctx.historyLimit,
    parts,
  });
  if ((await startTicket(ctx, open)) === 'pending') return { pending: { number }, replayed: false };
  const handle = ctx.client.workflow.getHandle(number);
  const ticket = await readBack(ctx.db, number, () =>
    withUpdateDeadline(ctx, () => handle.query(ticketQuery)),
  ).catch(() => undefined);
  // Registered, yet neither PostgreSQL nor the workflow answers now: the number is the client's to ask with.
  return ticket ? { ticket, replayed: false } : { pending: { number }, replayed: false };
}

/** For callers that cannot answer "pending" (a mail is retried by its sender with the same Message-ID). */
export function registeredOrUnavailable(opened: OpenedTicket, deadlineMs: number): ChangedTicket {
  if (opened.pending) {
    throw DeskError.unavailable(
      `ticket ${opened.pending.number} not confirmed within ${deadlineMs} ms; try again`,
    );
  }
  return opened.ticket;
}

async function nextTicketNumber(ctx: DeskContext): Promise<string> {
  const { rows } = await ctx.db.raw<{ rows: { number: string }[] }>(
    `SELECT 'TF-' || nextval('ticket_number_seq') AS number`,
  );
  return rows[0]!.number;
}

async function numberForKey(ctx: DeskContext, key: string, intake: TicketIntake): Promise<string> {
  const requestHash = createHash('sha256').update(JSON.stringify(intake)).digest('hex');
  await ctx.db.raw(
    `INSERT INTO ticket_requests (idempotency_key, ticket_number, request_hash)
     VALUES (?, 'TF-' || nextval('ticket_number_seq'), ?) ON CONFLICT (idempotency_key) DO NOTHING`,
    [key, requestHash],
  );
  const row = await ctx.db('ticket_requests').where({ idempotency_key: key }).first();
  if (row.request_hash !== requestHash) {
    throw DeskError.refused(
      [{ field: 'Idempotency-Key', message: 'already used for a request with a different body' }],
      'idempotency key reused for a different request',
    );
  }
  return row.ticket_number;
}
