import { simpleParser, type ParsedMail } from 'mailparser';
import type { DeskContext } from '../desk/context';
import { openTicket, registeredOrUnavailable } from '../desk/tickets/intake';
import { confirmedOrUnavailable, replyToTicket } from '../desk/correspondence/replies';
import { cleanText } from '../domain/safe-text';
import { findPersonByEmail, type DirectoryPerson } from '../lib/directory';
import type { Logger } from '../lib/logger';
import { intakeFromMail } from './email-intake';
import { recordInbound, storeAttachments, type InboundOutcome } from './inbound-records';
import { ticketNumberInSubject } from './letters';
import type { ReceivedMail } from './smtp-listener';
import { queueLetters, sendLetters } from './standalone-letters';

export interface InboundMailboxOptions {
  ctx: DeskContext;
  log: Logger;
  attachmentMaxBytes: number;
}

/**
 * What the desk does with a mail that arrives (R1, R4, R7): a known reporter's new request opens a ticket, a
 * reply carrying `[Request ID:##N##]` joins ticket N, anyone else is refused politely. Every mail is kept in
 * `inbound_mail` with what became of it, including mail that cannot be parsed.
 * Characters the desk does not keep (domain/safe-text.ts) are taken out of what it reads, not refused: a mail's
 * bytes come from the sender's mail program and every relay on the way, which the sender cannot correct as a
 * form's author can, and the raw mail stays in `inbound_mail` exactly as it came.
 */
export function createInboundMailbox({ ctx, log, attachmentMaxBytes }: InboundMailboxOptions) {
  const { db } = ctx;

  async function receive(mail: ReceivedMail): Promise<InboundOutcome> {
    let parsed: ParsedMail;
    try {
      parsed = await simpleParser(mail.raw);
    } catch (error) {
      log.error({ err: error, from: mail.envelopeFrom }, 'inbound mail could not be parsed; kept for review');
      return recordInbound(db, mail, null, { outcome: 'unparseable', detail: String(error) });
    }
    const messageId = parsed.messageId ? cleanText(parsed.messageId) : null;
    if (messageId) {
      const earlier = await db('inbound_mail')
        .where({ mail_message_id: messageId })
        .whereNot('outcome', 'failed')
        .first();
      if (earlier)
        return { outcome: earlier.outcome, ticketNumber: earlier.ticket_number, detail: 'already received' };
    }
    const sender = cleanText(parsed.from?.value[0]?.address ?? '');
    if (!sender)
      return recordInbound(db, mail, messageId, { outcome: 'unparseable', detail: 'no From address' });
    try {
      const outcome = await handle(parsed, sender.toLowerCase(), messageId);
      log.info(
        { ticket: outcome.ticketNumber, outcome: outcome.outcome, from: sender },
        'inbound mail handled',
      );
      return recordInbound(db, mail, messageId, outcome);
    } catch (error) {
      log.error({ err: error, from: sender }, 'inbound mail failed; kept for review');
      await recordInbound(db, mail, messageId, { outcome: 'failed', detail: String(error) });
      throw error;
    }
  }

  async function handle(
    parsed: ParsedMail,
    sender: string,
    messageId: string | null,
  ): Promise<InboundOutcome> {
    const subject = cleanText(parsed.subject ?? '');
    const person = await findPersonByEmail(db, sender);
    if (!person?.active) return refuse(parsed, sender, 'unknown-sender');
    const number = ticketNumberInSubject(subject);
    const text = cleanText(parsed.text ?? '').trim();
    if (number) {
      if (!(await mayWriteOn(person, number))) return refuse(parsed, sender, 'unknown-ticket');
      await storeAttachments(db, number, messageId, parsed.attachments, attachmentMaxBytes, log);
      const reply = { actor: person.email, message: text || subject, channel: 'email' as const, subject };
      const result = confirmedOrUnavailable(
        await replyToTicket(ctx, number, messageId ? { ...reply, mailMessageId: messageId } : reply),
        ctx.updateDeadlineMs,
      );
      return { outcome: result.recorded === 'reply' ? 'threaded' : 'clarification', ticketNumber: number };
    }
    if (person.role !== 'requester' || !person.organization) return refuse(parsed, sender, 'not-a-reporter');
    const intake = intakeFromMail({
      requester: { name: person.name, email: person.email },
      organization: person.organization.name,
      subject,
      text,
    });
    const opened = await openTicket(ctx, intake, messageId ? `mail:${messageId}` : undefined);
    const ticket = registeredOrUnavailable(opened, ctx.updateDeadlineMs);
    await storeAttachments(db, ticket.number, messageId, parsed.attachments, attachmentMaxBytes, log);
    return { outcome: 'opened', ticketNumber: ticket.number };
  }

  /** A requester writes only on their organization's tickets; the desk on any. */
  async function mayWriteOn(person: DirectoryPerson, number: string): Promise<boolean> {
    const ticket = await db('tickets').where({ number }).first('organization');
    if (!ticket) return false;
    return person.role !== 'requester' || ticket.organization === person.organization?.name;
  }

  async function refuse(parsed: ParsedMail, sender: string, reason: string): Promise<InboundOutcome> {
    // Never answer automatic mail (bounces, auto-replies): two robots would answer each other for ever.
    const automatic = parsed.headers.get('auto-submitted') ?? parsed.headers.get('precedence');
    if (automatic && !/^no$/i.test(String(automatic))) {
      return { outcome: 'refused', ticketNumber: null, detail: `${reason}; automatic mail, not answered` };
    }
    const key = `refusal/${parsed.messageId ?? `${sender}/${Date.now()}`}`;
    const event = {
      type: 'mail-refused',
      actor: 'system',
      at: new Date().toISOString(),
      data: { subject: cleanText(parsed.subject ?? ''), reason },
    };
    await queueLetters(db, [
      { key, kind: 'unknown-sender-refusal', recipient: sender, ticketNumber: null, ticket: null, event },
    ]);
    await sendLetters(ctx.client, ctx.taskQueue, [key]);
    return { outcome: 'refused', ticketNumber: null, detail: reason };
  }

  return { receive };
}
