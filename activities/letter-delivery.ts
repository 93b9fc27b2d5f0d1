import type { MailSettings } from '../domain/mail-settings';
import { composeLetter, type LetterRequest } from '../mail/letters';
import { isMailAddress } from '../mail/addresses';
import { messageIdFor } from '../mail/message-id';
import { signLinkToken } from '../mail/signed-links';
import type { Db } from '../lib/db';

export interface LetterSelection {
  ticketNumber?: string;
  keys?: string[];
}

interface OutboxRow {
  id: number;
  idempotency_key: string;
  ticket_number: string | null;
  kind: LetterRequest['kind'];
  recipient: string;
  payload: Pick<LetterRequest, 'ticket' | 'event'>;
}

/**
 * Sends the outbox's unsent letters of one ticket (or the named ones), in the order they were queued. A letter is
 * marked sent only after the relay took it; if the worker dies in between, the next attempt submits the same
 * Message-ID and the relay drops it. Returns how many letters it found to send.
 */
export async function sendUnsentLetters(
  db: Db,
  mail: MailSettings,
  { ticketNumber, keys }: LetterSelection,
): Promise<number> {
  if (!ticketNumber && !keys) return 0;
  const query = db<OutboxRow>('outbox').whereNull('sent_at').whereNull('undeliverable').orderBy('id');
  if (ticketNumber) query.where({ ticket_number: ticketNumber });
  if (keys) query.whereIn('idempotency_key', keys);
  const rows: OutboxRow[] = await query;
  for (const row of rows) {
    // Retrying cannot give a recipient an address; the rest of the ticket's letters must still go.
    if (!isMailAddress(row.recipient)) {
      await db('outbox')
        .where({ id: row.id })
        .update({ undeliverable: 'the recipient is not an e-mail address' });
      continue;
    }
    const letter = composeLetter({
      kind: row.kind,
      recipient: row.recipient,
      ticket: row.payload.ticket,
      event: row.payload.event,
      links: linksFor(mail, row),
    });
    const messageId = messageIdFor(row.idempotency_key, mail.messageIdDomain);
    await mail.transport.sendMail({
      from: mail.from,
      to: row.recipient,
      subject: letter.subject,
      text: letter.text,
      html: letter.html,
      messageId,
      headers: row.ticket_number ? { 'X-Ticketflow-Ticket': row.ticket_number } : {},
    });
    await db('outbox')
      .where({ id: row.id })
      .update({
        sent_at: db.fn.now(),
        message_id: messageId,
        subject: letter.subject,
        attempts: db.raw('attempts + 1'),
      });
  }
  return rows.length;
}

/** The courier's activity: what a ticket's change could not hand to the relay itself, and letters of no ticket. */
export function createLetterDeliveryActivities(db: Db, mail: MailSettings) {
  return {
    deliverLetters: (selection: LetterSelection): Promise<number> => sendUnsentLetters(db, mail, selection),
  };
}

function linksFor(mail: MailSettings, row: OutboxRow): LetterRequest['links'] {
  if (!row.ticket_number) return {};
  const base = mail.publicBaseUrl.replace(/\/$/, '');
  return {
    portal: `${base}/portal/#/tickets/${row.ticket_number}`,
    ...(row.kind === 'csat-survey'
      ? { csat: `${base}/csat/${signLinkToken(mail.linkSecret, 'csat', row.ticket_number)}` }
      : {}),
    ...(row.kind === 'plan-proposed'
      ? { plan: `${base}/plans/${planToken(mail.linkSecret, row.ticket_number, row.payload.event.data)}` }
      : {}),
  };
}

/** A plan's link answers the revision the letter proposed, and no later one. */
function planToken(secret: string, ticketNumber: string, data: Record<string, unknown>): string {
  return signLinkToken(secret, 'plan', ticketNumber, String(data.revision));
}
