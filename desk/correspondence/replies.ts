import type { LetterTicket } from '../../mail/letters';
import type { DeskContext } from '../context';
import { DeskError } from '../errors';
import type { ChangedTicket } from '../tickets/read-back';
import { performAction, type PendingAction } from '../tickets/actions';
import { findTicket, type TicketDetails } from '../tickets/reads';
import { isMailAddress } from '../../mail/addresses';
import { queueLetters, sendLetters } from '../../mail/standalone-letters';

export interface Reply {
  actor: string;
  message: string;
  channel: 'portal' | 'email';
  subject?: string;
  /** The e-mail's Message-ID, so the same mail delivered twice is one message. */
  mailMessageId?: string;
}

export type ReplyOutcome =
  | { recorded: 'reply'; ticket: ChangedTicket; pending?: undefined }
  /** Temporal did not confirm in time; the pending action tells where to look. */
  | { recorded: 'reply'; pending: PendingAction; ticket?: undefined }
  | { recorded: 'clarification'; ticket?: undefined; pending?: undefined };

export type ConfirmedReply = Exclude<ReplyOutcome, { pending: PendingAction }>;

/**
 * R7, R11, R13: a message on a ticket, one rule whichever door it comes through (a mail, `/replies`, the
 * `reply` action). While the ticket is open the workflow records it (and an answer to its question resumes
 * the clocks); once closed it is a clarification, kept and passed to the engineer, and the ticket and its SLA
 * stay closed. Never a refusal for being closed: a customer's mail cannot be answered "409".
 */
export async function replyToTicket(
  ctx: DeskContext,
  number: string,
  reply: Reply,
  actionId?: string,
): Promise<ReplyOutcome> {
  const ticket = await findTicket(ctx.db, number);
  if (ticket?.stage === 'CLOSED') {
    await recordClarification(ctx, ticket, reply);
    return { recorded: 'clarification' };
  }
  // Not in the projection yet may be a ticket answered 202: performAction registers it or says not found.
  const command = { message: reply.message, channel: reply.channel, subject: reply.subject };
  const withMail = reply.mailMessageId ? { ...command, mailMessageId: reply.mailMessageId } : command;
  const updateId = reply.mailMessageId ? `mail:${reply.mailMessageId}` : actionId;
  const outcome = await performAction(ctx, number, 'reply', withMail, reply.actor, updateId);
  return outcome.pending
    ? { recorded: 'reply', pending: outcome.pending }
    : { recorded: 'reply', ticket: outcome.ticket };
}

/** For doors that cannot answer "pending" (a mail is retried by its sender): not confirmed is unavailable. */
export function confirmedOrUnavailable(outcome: ReplyOutcome, deadlineMs: number): ConfirmedReply {
  if (outcome.pending) {
    throw DeskError.unavailable(`no ticket worker answered within ${deadlineMs} ms; try again`, {
      pending: outcome.pending,
    });
  }
  return outcome;
}

async function recordClarification(ctx: DeskContext, ticket: TicketDetails, reply: Reply): Promise<void> {
  const keys = await ctx.db.transaction(async (trx) => {
    const [message] = await trx('ticket_messages')
      .insert({
        ticket_number: ticket.number,
        author: reply.actor,
        author_role:
          reply.actor.toLowerCase() === ticket.requesterEmail.toLowerCase() ? 'requester' : 'agent',
        channel: reply.channel,
        subject: reply.subject ?? null,
        body: reply.message,
        mail_message_id: reply.mailMessageId ?? null,
      })
      .onConflict()
      .ignore()
      .returning('id');
    if (!message) return [];
    const event = {
      type: 'clarification-requested',
      actor: reply.actor,
      at: new Date().toISOString(),
      data: { message: reply.message },
    };
    const recipients = [ticket.requesterEmail, ...(isMailAddress(ticket.assignee) ? [ticket.assignee] : [])];
    const letters = recipients.map((recipient) => ({
      key: `${ticket.number}/clarification/${message.id}/${recipient}`,
      kind: 'clarification-requested' as const,
      recipient,
      ticketNumber: ticket.number,
      ticket: letterTicketOf(ticket),
      event,
    }));
    await queueLetters(trx, letters);
    return letters.map((l) => l.key);
  });
  await sendLetters(ctx.client, ctx.taskQueue, keys);
}

/** What a letter may quote of the ticket as the projection stores it. */
function letterTicketOf(ticket: TicketDetails): LetterTicket {
  const { intake } = ticket;
  return {
    number: ticket.number,
    stage: ticket.stage,
    priority: ticket.priority,
    tier: ticket.tier,
    requester: { name: intake.requester.name, email: intake.requester.email },
    organization: ticket.organization,
    affected: intake.affected,
    description: intake.description,
    solution: ticket.solution,
    resolution: ticket.resolution,
    sla: null,
  };
}
